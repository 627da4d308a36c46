/**
 * What a Prometheus scraper sees after real traffic: a chat answered, a chat abandoned, a mail
 * sent over SMTP on loopback; counters by queue slug and channel, histograms, process figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { SmtpSink } from '../../test/support/smtp-sink.js';

const TOKEN = 'scraper-token-0123456789';

describe('/metrics after real traffic', () => {
  let server: TestServer;
  let sink: Awaited<ReturnType<typeof SmtpSink.start>>;
  let text: string;

  before(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer({ metricsToken: TOKEN, mail: { smtpUrl: sink.url, from: 'Acme Support <support@acme.test>' } });

    // One chat answered, with a message each way.
    const agent = await connectAgent(server, 'ana@demo.switchboard');
    const visitor = await connectVisitor(server);
    visitor.socket.send({ type: 'conversation.start', id: 'start-answered' });
    const { conversationId } = await visitor.socket.next('ack', (a) => a.id === 'start-answered');
    visitor.socket.send({ type: 'message.send', id: 'hello-from-visitor', conversationId, text: 'Hello?' });
    await visitor.socket.answer('hello-from-visitor');
    await agent.socket.next('offer', (o) => o.offer.conversationId === conversationId);
    agent.socket.send({ type: 'offer.accept', id: 'accept-answered', conversationId });
    assert.equal((await agent.socket.answer('accept-answered')).type, 'ack');
    agent.socket.send({ type: 'message.send', id: 'reply-from-agent', conversationId, text: 'Hi, how can I help?' });
    assert.equal((await agent.socket.answer('reply-from-agent')).type, 'ack');

    // One chat whose visitor leaves while it is still offered (Ana does not accept it).
    const leaving = await connectVisitor(server);
    leaving.socket.send({ type: 'conversation.start', id: 'start-abandoned' });
    const abandoned = await leaving.socket.next('ack', (a) => a.id === 'start-abandoned');
    leaving.socket.send({ type: 'conversation.end', id: 'end-abandoned', conversationId: abandoned.conversationId });
    assert.equal((await leaving.socket.answer('end-abandoned')).type, 'ack');

    // One mail: the acknowledgement of a message left with the offline form.
    const left = await fetch(`${server.url}/api/visitors/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${leaving.token}` },
      body: JSON.stringify({ id: 'offline-form-1', name: 'Rosa', email: 'rosa@example.test', message: 'Call me back, please.' }),
    });
    assert.equal(left.status, 200);
    await sink.next((m) => m.to.includes('rosa@example.test'));
    await server.services.mailSender.idle();
    await server.services.log.flushed();

    agent.socket.close();
    visitor.socket.close();
    leaving.socket.close();
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
    text = await res.text();
  });
  after(async () => {
    await server.close();
    await sink.close();
  });

  const sample = (line: string) => new RegExp(`^${line.replace(/[{}".+*?()[\]\\]/g, '\\$&')}$`, 'm');

  it('counts contacts offered, answered and abandoned by queue slug and channel', () => {
    assert.match(text, sample('switchboard_contacts_offered_total{queue="support",channel="chat"} 2'));
    assert.match(text, sample('switchboard_contacts_answered_total{queue="support",channel="chat"} 1'));
    assert.match(text, sample('switchboard_contacts_abandoned_total{queue="support",channel="chat"} 1'));
    // The offline form's message is an e-mail contact of its own.
    assert.match(text, sample('switchboard_contacts_offered_total{queue="support",channel="email"} 1'));
    assert.doesNotMatch(text, /queue="Support"/, 'never the display name');
  });

  it('counts messages by author and the mail the outbox sent', () => {
    assert.match(text, sample('switchboard_messages_total{author="visitor",channel="chat"} 1'));
    assert.match(text, sample('switchboard_messages_total{author="agent",channel="chat"} 1'));
    assert.match(text, sample('switchboard_outbox_sent_total{outbox="mail"} 1'));
  });

  it('times HTTP requests by route pattern, socket frames, routing decisions and acknowledgements', () => {
    assert.match(text, /^switchboard_http_request_duration_seconds_count\{method="POST",route="\/api\/visitors\/messages",status_class="2xx"\} 1$/m);
    assert.match(text, /^switchboard_http_request_duration_seconds_count\{method="GET",route="\/ws\/visitor",status_class="1xx"\} 2$/m);
    assert.match(text, /^switchboard_socket_frame_duration_seconds_count\{endpoint="agent",type="offer\.accept"\} 1$/m);
    assert.match(text, /^switchboard_socket_frame_duration_seconds_bucket\{le="\+Inf",endpoint="visitor",type="message\.send"\} 1$/m);
    assert.match(text, /^switchboard_message_ack_seconds_count\{endpoint="visitor"\} 1$/m);
    assert.match(text, /^switchboard_message_ack_seconds_count\{endpoint="agent"\} 1$/m);
    assert.match(text, /^switchboard_routing_decision_seconds_count\{event="offer-accepted"\} 1$/m);
    assert.match(text, /^switchboard_routing_decision_seconds_count\{event="contact-arrived"\} 3$/m);
  });

  it('has the process and Node.js figures, and keeps the wallboard gauges', () => {
    assert.match(text, /^process_cpu_seconds_total \d/m);
    assert.match(text, /^process_resident_memory_bytes \d/m);
    assert.match(text, /^nodejs_eventloop_lag_seconds /m);
    assert.match(text, /^nodejs_heap_size_used_bytes \d/m);
    assert.match(text, sample('switchboard_queue_offered_today{queue="support"} 3'));
    assert.match(text, /^switchboard_websocket_connections \d+$/m);
  });
});
