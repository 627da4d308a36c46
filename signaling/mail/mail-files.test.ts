/**
 * Files by e-mail over real SMTP on loopback: a customer's attachments (inline images too) join
 * the conversation as chat files do, refused ones are named for the agent, and an agent's file
 * reaches the customer's mailbox as a real attachment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectAgent, newVisitorToken } from '../../test/support/connect.js';
import { ask, take } from '../../test/support/conversation-steps.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { HTML_AS_PNG, PDF, PNG } from '../../test/support/sample-files.js';
import { sendToListener, SmtpSink } from '../../test/support/smtp-sink.js';
import type { ConversationEvent } from '../protocol/conversation.js';

const messages = (events: ConversationEvent[]) => events.filter((e): e is Extract<ConversationEvent, { type: 'message' }> => e.type === 'message');

describe('files by e-mail', () => {
  let server: TestServer & { smtpPort?: number };
  let sink: Awaited<ReturnType<typeof SmtpSink.start>>;

  before(async () => {
    sink = await SmtpSink.start();
    server = await startTestServer({ mail: { smtpUrl: sink.url, from: 'Acme Support <support@acme.test>', company: 'Acme' }, smtpListener: true });
  });
  after(async () => {
    await server.close();
    await sink.close();
  });

  it('takes a mail’s picture and PDF into the conversation for the agent, refuses a page dressed as a PNG, and mails the agent’s file back as an attachment', async () => {
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    // An HTML mail with a screenshot pasted inline (cid:) and a PDF attached.
    await sendToListener(server.smtpPort!, {
      from: 'Rosa Diaz <rosa@example.test>',
      subject: 'Broken parcel',
      text: 'The box was crushed, see the photo and the delivery note.',
      html: '<p>The box was crushed, see the photo and the delivery note.</p><img src="cid:photo@rosa">',
      messageId: '<rosa-files-1@example.test>',
      attachments: [
        { filename: 'photo.png', content: PNG, contentType: 'image/png', cid: 'photo@rosa' },
        { filename: 'delivery-note.pdf', content: PDF, contentType: 'application/pdf' },
      ],
    });
    const rosa = (await server.store.visitors.findByEmail('rosa@example.test'))!;
    const conversationId = (await server.store.conversations.summariesForVisitor(rosa.id))[0]!.id;
    const [first] = messages(await server.store.conversations.eventsAfter(conversationId, 0));
    assert.equal(first?.text, 'The box was crushed, see the photo and the delivery note.');
    assert.deepEqual(first?.attachments?.map((f) => [f.name, f.mimeType]), [
      ['photo.png', 'image/png'],
      ['delivery-note.pdf', 'application/pdf'],
    ]);

    // Ana takes it: she fetches both through their signed links; an outsider gets nothing.
    await take(ana, conversationId);
    for (const [file, bytes] of [[first!.attachments![0]!, PNG], [first!.attachments![1]!, PDF]] as const) {
      const linkAnswer = await fetch(`${server.url}/api/files/${file.id}/link`, { headers: { cookie: ana.cookie } });
      assert.equal(linkAnswer.status, 200);
      const opened = await fetch(`${server.url}${((await linkAnswer.json()) as { url: string }).url}`);
      assert.equal(opened.headers.get('content-type'), file.mimeType);
      assert.deepEqual(Buffer.from(await opened.arrayBuffer()), bytes);
    }
    const stranger = await newVisitorToken(server);
    assert.equal((await fetch(`${server.url}/api/visitors/files/${first!.attachments![0]!.id}/link`, { headers: { authorization: `Bearer ${stranger}` } })).status, 404);
    assert.equal((await fetch(`${server.url}/api/files/${first!.attachments![0]!.id}`)).status, 404, 'no signature, no file');

    // Rosa answers with a page named .png: it is not stored, the agent reads why, the text is kept.
    const before = (await server.store.attachments.listFor([conversationId])).length;
    await sendToListener(server.smtpPort!, {
      from: 'rosa@example.test',
      subject: 'Re: Broken parcel',
      text: 'One more picture.',
      messageId: '<rosa-files-2@example.test>',
      inReplyTo: '<rosa-files-1@example.test>',
      attachments: [{ filename: 'more.png', content: HTML_AS_PNG, contentType: 'image/png' }],
    });
    const second = await ana.socket.next('events', (f) => f.conversationId === conversationId && f.events.some((e) => e.type === 'message' && e.text.startsWith('One more picture.')));
    const note = messages(second.events)[0]!;
    assert.equal(note.text, 'One more picture.\n\nFile from the mail not kept: more.png (not an accepted kind of file).');
    assert.equal(note.attachments, undefined);
    assert.equal((await server.store.attachments.listFor([conversationId])).length, before, 'nothing of it is stored');

    // Ana sends a file: Rosa's mailbox gets it as a MIME part with the same bytes.
    const upload = await fetch(`${server.url}/api/files?name=return-label.pdf`, { method: 'POST', headers: { cookie: ana.cookie, origin: server.origin, 'content-type': 'application/octet-stream' }, body: new Uint8Array(PDF) });
    const label = (await upload.json()) as { id: string };
    assert.equal((await ask(ana, { type: 'message.send', id: 'mail-files-reply', conversationId, text: 'Sorry! Here is a return label.', attachments: [label.id] })).type, 'ack');
    const reply = await sink.next((m) => m.text.includes('Here is a return label.'));
    assert.deepEqual(reply.to, ['rosa@example.test']);
    assert.deepEqual(reply.attachments.map((a) => [a.filename, a.contentType]), [['return-label.pdf', 'application/pdf']]);
    assert.deepEqual(reply.attachments[0]!.content, PDF);

    // Files too large for one mail together go as links that open them, and the mail says so.
    const big = Buffer.concat([PDF, Buffer.alloc(5.5 * 1024 * 1024)]);
    const ids: string[] = [];
    for (const name of ['manual-1.pdf', 'manual-2.pdf']) {
      const answer = await fetch(`${server.url}/api/files?name=${name}`, { method: 'POST', headers: { cookie: ana.cookie, origin: server.origin, 'content-type': 'application/octet-stream' }, body: new Uint8Array(big) });
      ids.push(((await answer.json()) as { id: string }).id);
    }
    assert.equal((await ask(ana, { type: 'message.send', id: 'mail-files-big', conversationId, text: 'The manuals.', attachments: ids })).type, 'ack');
    const linked = await sink.next((m) => m.text.includes('The manuals.'));
    assert.equal(linked.attachments.length, 0);
    assert.match(linked.text, /too large to send with this mail/);
    const paths = linked.text.match(/\/api\/files\/[^\s]+/g) ?? [];
    assert.equal(paths.length, 2);
    const opened = await fetch(`${server.url}${paths[1]}`);
    assert.equal(opened.status, 200);
    assert.equal(Buffer.from(await opened.arrayBuffer()).byteLength, big.byteLength);
    ana.socket.close();
  });

  it('keeps at most ten files of a mail and names the rest, and takes a mail that is only a file', async () => {
    const files = Array.from({ length: 11 }, (_, i) => ({ filename: `page-${i + 1}.png`, content: PNG, contentType: 'image/png' }));
    await sendToListener(server.smtpPort!, { from: 'tom@example.test', subject: 'Scans', text: '', messageId: '<tom-scans@example.test>', attachments: files });
    const tom = (await server.store.visitors.findByEmail('tom@example.test'))!;
    const conversationId = (await server.store.conversations.summariesForVisitor(tom.id))[0]!.id;
    const [message] = messages(await server.store.conversations.eventsAfter(conversationId, 0));
    assert.equal(message?.attachments?.length, 10);
    assert.equal(message?.text, 'File from the mail not kept: page-11.png (more than 10 files in one mail).');
  });
});
