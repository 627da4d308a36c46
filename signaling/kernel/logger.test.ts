/**
 * The logs of a real server: one line per HTTP request and per socket open and close, under a
 * request id; and never a password, a session or visitor token, a message text or a mail body,
 * even at the most verbose level and when a mail fails.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_LOG_LEVEL, type TestServer } from '../../test/support/in-process-server.js';
import { SmtpSink } from '../../test/support/smtp-sink.js';
import { DEMO_PASSWORD } from '../setup/bootstrap.js';
import { componentLogger, configureLogging } from './logger.js';

type Line = Record<string, unknown>;

/** Keeps every line written, and each parsed. */
function captureLogs() {
  const raw: string[] = [];
  configureLogging({ level: 'trace', destination: { write: (line: string) => void raw.push(line) } });
  return { text: () => raw.join(''), lines: (): Line[] => raw.map((l) => JSON.parse(l) as Line) };
}

describe('logging', () => {
  let server: TestServer;
  let sink: Awaited<ReturnType<typeof SmtpSink.start>>;
  let logs: ReturnType<typeof captureLogs>;
  const secrets: string[] = [];

  before(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer({ mail: { smtpUrl: sink.url, from: 'Acme Support <support@acme.test>' } });
    logs = captureLogs();

    // A login: the password in the body, the session in the answer's cookie.
    const cookie = await signIn(server, 'ben@demo.switchboard');
    secrets.push(DEMO_PASSWORD, cookie.split('=')[1]!);

    // A chat: a visitor token, a message each way.
    const agent = await connectAgent(server, 'ana@demo.switchboard');
    secrets.push(agent.cookie.split('=')[1]!);
    const visitor = await connectVisitor(server);
    secrets.push(visitor.token);
    visitor.socket.send({ type: 'conversation.start', id: 'log-chat-start' });
    const { conversationId } = await visitor.socket.next('ack', (a) => a.id === 'log-chat-start');
    visitor.socket.send({ type: 'message.send', id: 'log-chat-hello', conversationId, text: 'My card number is 4111 1111 1111 1111' });
    await visitor.socket.answer('log-chat-hello');
    secrets.push('4111 1111 1111 1111');
    agent.socket.send({ type: 'offer.accept', id: 'log-chat-accept', conversationId });
    await agent.socket.answer('log-chat-accept');
    agent.socket.send({ type: 'message.send', id: 'log-chat-reply', conversationId, text: 'Please never send card numbers here' });
    await agent.socket.answer('log-chat-reply');
    secrets.push('Please never send card numbers here');
    visitor.socket.close();
    await visitor.socket.closed;

    // A mail that fails (the customer's mailbox refuses for now), then one that is sent.
    sink.failing = true;
    const form = await fetch(`${server.url}/api/visitors/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${visitor.token}`, 'x-request-id': 'trace-from-proxy-42' },
      body: JSON.stringify({ id: 'log-offline-1', name: 'Rosa', email: 'rosa.private@example.test', message: 'The parcel with my passport went missing' }),
    });
    assert.equal(form.headers.get('x-request-id'), 'trace-from-proxy-42', 'a sane incoming id is kept and echoed');
    const mailConversation = ((await form.json()) as { conversationId: string }).conversationId;
    await server.services.mailSender.idle();
    sink.failing = false;
    secrets.push('The parcel with my passport went missing', 'rosa.private@example.test');
    await agent.socket.next('offer', (o) => o.offer.conversationId === mailConversation);
    agent.socket.send({ type: 'offer.accept', id: 'log-mail-accept', conversationId: mailConversation });
    await agent.socket.answer('log-mail-accept');
    agent.socket.send({ type: 'message.send', id: 'log-mail-reply', conversationId: mailConversation, text: 'Your replacement passport parcel ships today' });
    await agent.socket.answer('log-mail-reply');
    await sink.next((m) => m.text.includes('Your replacement passport parcel ships today'));
    secrets.push('Your replacement passport parcel ships today');
    await server.services.mailSender.idle();
    agent.socket.close();
    await agent.socket.closed;
  });
  after(async () => {
    configureLogging({ level: TEST_LOG_LEVEL, destination: process.stdout });
    await server.close();
    await sink.close();
  });

  it('writes one JSON line per request: method, route pattern, status, duration, request id', () => {
    const requests = logs.lines().filter((l) => l.component === 'http' && l.msg === 'request');
    const login = requests.find((l) => l.route === '/api/auth/login')!;
    assert.equal(login.method, 'POST');
    assert.equal(login.status, 200);
    assert.equal(login.level, 'info');
    assert.equal(typeof login.durationMs, 'number');
    assert.match(String(login.reqId), /^[0-9a-f-]{36}$/, 'a request without an id gets one');
    assert.ok(typeof login.time === 'string' && !Number.isNaN(Date.parse(login.time)));
    const form = requests.find((l) => l.route === '/api/visitors/messages')!;
    assert.equal(form.reqId, 'trace-from-proxy-42');
    assert.ok(requests.some((l) => l.route === '/ws/agent' && l.status === 101), 'socket upgrades are requests too');
  });

  it('writes one line when a socket opens and one when it closes, under the upgrade request id', () => {
    const lines = logs.lines().filter((l) => l.component === 'socket');
    const closed = lines.find((l) => l.msg === 'socket closed' && l.endpoint === 'visitor')!;
    assert.equal(closed.code, 1005, 'the test client closed without a code');
    assert.equal(typeof closed.durationMs, 'number');
    assert.equal(closed.framesIn, 3, 'hello, conversation.start, message.send');
    assert.ok((closed.framesOut as number) >= 3, 'welcome, acks, events and more');
    const opened = lines.find((l) => l.msg === 'socket opened' && l.reqId === closed.reqId);
    assert.equal(opened?.endpoint, 'visitor');
    const upgrade = logs.lines().find((l) => l.component === 'http' && l.reqId === closed.reqId);
    assert.equal(upgrade?.route, '/ws/visitor');
  });

  it('says when a mail fails, by its Message-ID', () => {
    const failed = logs.lines().find((l) => l.component === 'mail' && l.msg === 'sending failed')!;
    assert.equal(failed.level, 'warn');
    assert.equal(failed.attempt, 1);
    assert.match(String(failed.messageId), /@acme\.test>$/);
  });

  it('never writes a password, a token, a message text, a mail body or the customer’s address', () => {
    const text = logs.text();
    assert.ok(text.length > 0);
    for (const secret of secrets) assert.ok(!text.includes(secret), `the log contains ${JSON.stringify(secret)}`);
  });

  it('redacts credentials and texts passed to a logger by mistake', () => {
    const log = componentLogger('careless');
    log.info({ password: 'p4ssw0rd', body: 'mail body', payload: { text: 'hello', token: 't0k3n' }, headers: { cookie: 'sb_session=abc', authorization: 'Bearer xyz' } }, 'oops');
    const line = logs.lines().find((l) => l.component === 'careless')!;
    assert.deepEqual([line.password, line.body, line.payload, line.headers], ['[redacted]', '[redacted]', { text: '[redacted]', token: '[redacted]' }, { cookie: '[redacted]', authorization: '[redacted]' }]);
  });
});
