/**
 * E-mail conversations over real SMTP on loopback: the widget's offline form, the
 * acknowledgement, an agent's reply, and the customer's reply threaded back in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, newVisitorToken } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { sendToListener, SmtpSink } from '../../test/support/smtp-sink.js';
import { conversationReference } from '../protocol/contact-options.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../protocol/channels.js';
import { sign } from '../kernel/signature.js';

const ANA = 'ana@demo.switchboard';
const INBOUND_SECRET = 'inbound-mail-secret-0123456789';

async function leaveMessage(server: TestServer, token: string, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/visitors/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { reason: string; message: string } } };
}

describe('e-mail conversations', () => {
  let server: TestServer & { smtpPort?: number };
  let sink: Awaited<ReturnType<typeof SmtpSink.start>>;

  before(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer({ mail: { smtpUrl: sink.url, from: 'Acme Support <support@acme.test>', company: 'Acme' }, smtpListener: true, inboundMailSecret: INBOUND_SECRET });
  });
  after(async () => {
    await server.close();
    await sink.close();
  });

  it('acknowledges an offline message by mail, sends the agent’s reply, and threads the customer’s answer into the same conversation', async () => {
    const ana = await connectAgent(server, ANA);
    const token = await newVisitorToken(server);
    const left = await leaveMessage(server, token, { id: 'offline-msg-1', name: 'Rosa Diaz', email: 'Rosa@Example.test', message: 'My parcel never arrived.' });
    assert.equal(left.status, 200);
    const conversationId = left.body.conversationId as string;
    assert.equal(left.body.reference, conversationReference(conversationId));

    const ack = await sink.next((m) => m.to.includes('rosa@example.test'));
    assert.match(ack.subject, new RegExp(`\\[#${left.body.reference}\\]`));
    assert.match(ack.text, /reached our team/);
    assert.match(ack.text, /> My parcel never arrived\./);
    assert.match(ack.from, /support@acme\.test/);
    assert.equal(String(ack.headers.get('auto-submitted')), 'auto-replied', 'robots can tell an acknowledgement from a person');

    // The same form sent again (a retry) is one conversation and one mail.
    const again = await leaveMessage(server, token, { id: 'offline-msg-1', name: 'Rosa Diaz', email: 'rosa@example.test', message: 'My parcel never arrived.' });
    assert.equal(again.body.conversationId, conversationId);

    const offer = await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId);
    assert.equal(offer.offer.channel, 'email');
    ana.socket.send({ type: 'offer.accept', id: 'accept-mail-1', conversationId });
    assert.equal((await ana.socket.answer('accept-mail-1')).type, 'ack');
    ana.socket.send({ type: 'message.send', id: 'reply-mail-1', conversationId, text: 'Sorry about that, Rosa. A new parcel is on its way.' });
    assert.equal((await ana.socket.answer('reply-mail-1')).type, 'ack');

    const reply = await sink.next((m) => m.text.includes('A new parcel is on its way'));
    assert.deepEqual(reply.to, ['rosa@example.test']);
    assert.equal(reply.inReplyTo, ack.messageId, 'the reply continues the thread of the acknowledgement');
    assert.ok(reply.references.includes(ack.messageId));
    assert.match(reply.text, /Ana Lima\nAcme/);
    assert.equal(String(reply.headers.get('auto-submitted')), 'no');

    // A file Ana sends goes out with her reply as a real attachment, the same bytes, named in the text.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const uploaded = await fetch(`${server.url}/api/files?name=label.pdf`, { method: 'POST', headers: { cookie: ana.cookie, origin: server.origin, 'content-type': 'application/octet-stream' }, body: new Uint8Array(pdf) });
    const file = (await uploaded.json()) as { id: string };
    ana.socket.send({ type: 'message.send', id: 'reply-mail-file', conversationId, text: 'Here is the return label.', attachments: [file.id] });
    assert.equal((await ana.socket.answer('reply-mail-file')).type, 'ack');
    const withFile = await sink.next((m) => m.text.includes('Here is the return label.'));
    assert.match(withFile.text, /File: label\.pdf \(1 kB\)/);
    assert.doesNotMatch(withFile.text, /\/api\/files\//, 'a file that fits is attached, not linked');
    assert.deepEqual(withFile.attachments.map((a) => [a.filename, a.contentType]), [['label.pdf', 'application/pdf']]);
    assert.deepEqual(withFile.attachments[0]!.content, pdf);

    // The customer answers from their mail client, quoting ours.
    await sendToListener(server.smtpPort!, {
      from: 'Rosa Diaz <rosa@example.test>',
      subject: `Re: ${reply.subject}`,
      text: 'Thank you! It arrived today.\n\nOn Tue, Ana Lima wrote:\n> Sorry about that, Rosa.',
      messageId: '<rosa-answer-1@example.test>',
      inReplyTo: reply.messageId,
      references: [ack.messageId, reply.messageId],
    });
    const incoming = await ana.socket.next('events', (f) => f.conversationId === conversationId && f.events.some((e) => e.type === 'message' && e.text === 'Thank you! It arrived today.'));
    assert.ok(incoming, 'the quoted part is cut and the new text lands in the same conversation');

    // The same mail delivered twice (a retrying mail server) is one message.
    await sendToListener(server.smtpPort!, { from: 'rosa@example.test', subject: 'Re: again', text: 'Thank you! It arrived today.', messageId: '<rosa-answer-1@example.test>', inReplyTo: reply.messageId });
    const events = await server.store.conversations.eventsAfter(conversationId, 0);
    assert.equal(events.filter((e) => e.type === 'message' && e.text === 'Thank you! It arrived today.').length, 1);
    assert.ok(events.some((e) => e.type === 'auto-reply'), 'the agent sees that an acknowledgement went out');

    // Ana closes it; a week later Rosa answers the same thread: it opens again, with everything in it.
    ana.socket.send({ type: 'conversation.end', id: 'end-mail-1', conversationId });
    await ana.socket.answer('end-mail-1');
    await sendToListener(server.smtpPort!, { from: 'rosa@example.test', subject: `Re: ${reply.subject}`, text: 'The replacement is broken too.', messageId: '<rosa-answer-2@example.test>', inReplyTo: reply.messageId });
    await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId && o.offer.preview === 'The replacement is broken too.');
    assert.equal((await server.store.conversations.findById(conversationId))?.status, 'queued');
    ana.socket.close();
  });

  it('acknowledges in the language the visitor wrote in, and records it for the agent in theirs', async () => {
    const token = await newVisitorToken(server);
    const left = await leaveMessage(server, token, { id: 'offline-msg-es', name: 'Lucía Pérez', email: 'lucia@example.test', message: 'Mi pedido no ha llegado.', locale: 'es-MX' });
    assert.equal(left.status, 200);
    const ack = await sink.next((m) => m.to.includes('lucia@example.test'));
    assert.match(ack.subject, /^Hemos recibido su mensaje \[#/);
    assert.match(ack.text, /^Hola, Lucía Pérez:/);
    assert.match(ack.text, /le responderemos por correo electrónico/);
    assert.match(ack.text, /> Mi pedido no ha llegado\./);
    const events = await server.store.conversations.eventsAfter(left.body.conversationId as string, 0);
    const note = events.find((e) => e.type === 'auto-reply');
    assert.deepEqual(note?.type === 'auto-reply' && [note.text, note.reference], [`Acuse de recibo enviado por correo (referencia ${left.body.reference}).`, left.body.reference]);

    const arabic = await leaveMessage(server, await newVisitorToken(server), { id: 'offline-msg-ar', name: 'سارة', email: 'sara@example.test', message: 'أين طلبي؟', locale: 'ar' });
    assert.equal(arabic.status, 200);
    assert.match((await sink.next((m) => m.to.includes('sara@example.test'))).text, /^مرحبًا سارة،/);
  });

  it('opens a conversation for a new mail in the queue its routing rule names, and never answers an auto-responder', async () => {
    await server.services.email.setRules({ kind: 'agent', agent: (await server.store.agents.findByEmail('admin@test.local'))! }, [{ keywords: ['invoice', 'refund'], in: 'subject-and-text', queue: 'billing' }]);
    await sendToListener(server.smtpPort!, { from: 'Tom <tom@example.test>', subject: 'Question about my Invoice', text: 'Why was I charged twice?', messageId: '<tom-1@example.test>' });
    const tom = await server.store.visitors.findByEmail('tom@example.test');
    assert.ok(tom, 'the sender becomes a known customer');
    const [conversation] = await server.store.conversations.summariesForVisitor(tom.id);
    const billing = await server.store.queues.findBySlug('billing');
    assert.equal(conversation?.queueId, billing!.id);
    assert.equal(conversation?.channel, 'email');
    assert.equal(conversation?.subject, 'Question about my Invoice');
    await sink.next((m) => m.to.includes('tom@example.test') && m.inReplyTo === '<tom-1@example.test>');

    await sendToListener(server.smtpPort!, { from: 'robot@example.test', subject: 'Out of office', text: 'I am away until Monday.', messageId: '<ooo-1@example.test>', headers: { 'Auto-Submitted': 'auto-replied' } });
    const robot = await server.store.visitors.findByEmail('robot@example.test');
    assert.ok(robot, 'the mail is still filed for an agent to see');
    const mails = await server.store.mail.forConversation((await server.store.conversations.summariesForVisitor(robot.id))[0]!.id);
    assert.equal(mails.length, 0, 'no acknowledgement to an auto-responder');
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const token = await newVisitorToken(server);
    const before = (await server.store.conversations.listByStatus(['queued', 'active', 'ended'])).length;
    const badEmail = await leaveMessage(server, token, { id: 'offline-bad-1', name: 'X', email: 'not-an-address', message: 'hi' });
    assert.equal(badEmail.status, 400);
    assert.equal(badEmail.body.error?.reason, 'invalid-input');
    assert.match(badEmail.body.error!.message, /email/);
    const noToken = await fetch(`${server.url}/api/visitors/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'offline-bad-2', name: 'X', email: 'x@example.test', message: 'hi' }) });
    assert.equal(noToken.status, 401);
    // A mail without a sender is refused at the SMTP level (550), so the sending server bounces it.
    await assert.rejects(sendToListener(server.smtpPort!, { from: '', subject: 'no sender', text: 'hello' }), /550|sender|From/i);
    assert.equal((await server.store.conversations.listByStatus(['queued', 'active', 'ended'])).length, before);
  });

  it('keeps mail the SMTP server refuses, and sends it on a later attempt', async () => {
    sink.failing = true;
    const token = await newVisitorToken(server);
    const left = await leaveMessage(server, token, { id: 'offline-retry-1', name: 'Kim', email: 'kim@example.test', message: 'Hello?' });
    const conversationId = left.body.conversationId as string;
    await server.services.mailSender.idle();
    const [pending] = await server.store.mail.forConversation(conversationId);
    assert.equal(pending?.status, 'pending');
    assert.equal(pending?.attempts, 1);
    assert.match(pending?.lastError ?? '', /451|try again/);
    sink.failing = false;
    // Make the retry due now instead of in 10 s, then let the outbox run.
    await server.store.mail.markFailedAttempt(pending!.id, 1, pending!.lastError!, Date.now());
    server.services.mailSender.kick();
    await sink.next((m) => m.to.includes('kim@example.test'));
    await server.services.mailSender.idle();
    assert.equal((await server.store.mail.forConversation(conversationId))[0]?.status, 'sent');
  });

  it('takes mail forwarded over HTTP only with a valid signature', async () => {
    const raw = ['From: Ines <ines@example.test>', 'To: support@acme.test', 'Subject: Size exchange', 'Message-ID: <ines-1@example.test>', 'Content-Type: text/plain; charset=utf-8', '', 'Can I swap the boots for a size 39?', ''].join('\r\n');
    const post = (headers: Record<string, string>, body = raw) => fetch(`${server.url}/api/inbound/email`, { method: 'POST', headers: { 'content-type': 'message/rfc822', ...headers }, body });
    const timestamp = String(Math.floor(Date.now() / 1000));
    assert.equal((await post({})).status, 401);
    assert.equal((await post({ [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign('wrong-secret-0123456789', timestamp, raw) })).status, 401);
    assert.equal(await server.store.visitors.findByEmail('ines@example.test'), undefined, 'a refused request files nothing');
    const garbage = 'this is not a mail';
    assert.equal((await post({ [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(INBOUND_SECRET, timestamp, garbage) }, garbage)).status, 400);

    const ok = await post({ [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(INBOUND_SECRET, timestamp, raw) });
    assert.equal(ok.status, 202);
    const receipt = (await ok.json()) as { conversationId: string; outcome: string };
    assert.equal(receipt.outcome, 'opened');
    const [first] = await server.store.conversations.eventsAfter(receipt.conversationId, 0);
    assert.equal(first?.type === 'message' && first.text, 'Can I swap the boots for a size 39?');
    const again = await post({ [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(INBOUND_SECRET, timestamp, raw) });
    assert.equal(((await again.json()) as { outcome: string }).outcome, 'duplicate', 'the same mail forwarded twice is filed once');
  });
});
