/** Shared files on the real server: the type read from the bytes, signed links, who may fetch, and transcripts. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password.js';
import { DEMO_PASSWORD } from '../setup/bootstrap.js';
import { after, before, describe, test } from 'node:test';
import { connectAgent, connectVisitor } from '../../test/support/connect.js';
import { ask, finish, startChat, take, visitorIdOf } from '../../test/support/conversation-steps.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { sniffContentType, typeAllowed } from './content-type.js';
import { FileLinks } from './file-links.js';
import { DEFAULT_ATTACHMENT_TYPES } from '../protocol/attachments.js';

// A real 1×1 PNG and the start of a real PDF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');

describe('the type of a file, read from its bytes', () => {
  test('a PNG and a PDF are what they are, whatever their names', async () => {
    assert.equal(await sniffContentType(PNG, 'x.pdf'), 'image/png');
    assert.equal(await sniffContentType(PDF, 'x.png'), 'application/pdf');
  });
  test('a page named .png, and SVG, are never accepted', async () => {
    const html = await sniffContentType(HTML, 'photo.png');
    assert.equal(typeAllowed(html, DEFAULT_ATTACHMENT_TYPES), false);
    assert.equal(typeAllowed(await sniffContentType(SVG, 'logo.svg'), [...DEFAULT_ATTACHMENT_TYPES, 'image/svg+xml']), false);
    assert.equal(typeAllowed('image/svg+xml', ['image/svg+xml']), false);
  });
  test('plain text is text; binary garbage is nothing', async () => {
    assert.equal(await sniffContentType(Buffer.from('Order 1234\nthank you\n'), 'notes.txt'), 'text/plain');
    assert.equal(await sniffContentType(Buffer.from('a,b\n1,2\n'), 'data.csv'), 'text/csv');
    assert.equal(await sniffContentType(Buffer.from([0, 1, 2, 3, 255, 254]), 'x.txt'), undefined);
  });
});

describe('signed links', () => {
  const links = new FileLinks('s'.repeat(32));
  test('open until they expire, and only for their file', () => {
    const { e, s } = links.sign('file-1', 10_000);
    assert.equal(links.check('file-1', e, s, 9_999), undefined);
    assert.equal(links.check('file-1', e, s, 10_001), 'expired');
    assert.equal(links.check('file-2', e, s, 9_999), 'bad-signature');
    assert.equal(links.check('file-1', String(Number(e) + 1000), s, 9_999), 'bad-signature');
    assert.equal(links.check('file-1', e, undefined, 9_999), 'bad-signature');
  });
});

describe('sharing files in a conversation', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      // Cleo: a plain agent in no queue, party to nothing.
      seed: async (store) => store.agents.insert({ id: randomUUID(), email: 'cleo@files.test', name: 'Cleo Park', role: 'agent', passwordHash: await hashPassword(DEMO_PASSWORD), status: 'available', createdAt: Date.now() }),
    });
  });
  after(() => server.close());

  const upload = (token: string, name: string, bytes: Buffer, auth: 'visitor' | string = 'visitor') =>
    fetch(`${server.url}/api/${auth === 'visitor' ? 'visitors/files' : 'files'}?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: auth === 'visitor' ? { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' } : { cookie: auth, origin: server.origin, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });

  test('a visitor sends a picture: the agent sees it, an outsider gets 404, the link expires, the transcript names it', async () => {
    const v = await connectVisitor(server);
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const conversationId = await startChat(v, 'files-start');
    await take(ana, conversationId);

    const refused = await upload(v.token, 'photo.png', HTML);
    assert.equal(refused.status, 415);
    assert.equal(((await refused.json()) as { error: { reason: string } }).error.reason, 'file-type-not-allowed');
    const tooBig = await upload(v.token, 'big.png', Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]));
    assert.equal(tooBig.status, 413);

    const stored = await upload(v.token, 'screenshot.png', PNG);
    assert.equal(stored.status, 201);
    const file = (await stored.json()) as { id: string; mimeType: string };
    assert.equal(file.mimeType, 'image/png');

    // Before it is sent, only its uploader may see it.
    const early = await fetch(`${server.url}/api/files/${file.id}/link`, { headers: { cookie: ana.cookie } });
    assert.equal(early.status, 404);

    const sent = await ask(v, { type: 'message.send', id: 'files-msg-1', conversationId, text: '', attachments: [file.id] });
    assert.equal(sent.type, 'ack', JSON.stringify(sent));
    // Sent once: a second message cannot carry it again.
    assert.equal((await ask(v, { type: 'message.send', id: 'files-msg-2', conversationId, text: 'again', attachments: [file.id] })).type, 'error');

    const linkAnswer = await fetch(`${server.url}/api/files/${file.id}/link`, { headers: { cookie: ana.cookie } });
    assert.equal(linkAnswer.status, 200);
    const link = (await linkAnswer.json()) as { url: string };
    const image = await fetch(`${server.url}${link.url}`);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.match(image.headers.get('content-disposition')!, /^inline/);
    assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
    assert.match(image.headers.get('content-security-policy')!, /sandbox/);
    assert.deepEqual(Buffer.from(await image.arrayBuffer()), PNG);

    // Ben supervises, so he may; Cleo is no party to it, and another visitor neither.
    const ben = await connectAgent(server, 'ben@demo.switchboard');
    assert.equal((await fetch(`${server.url}/api/files/${file.id}/link`, { headers: { cookie: ben.cookie } })).status, 200);
    const cleo = await connectAgent(server, 'cleo@files.test');
    assert.equal((await fetch(`${server.url}/api/files/${file.id}/link`, { headers: { cookie: cleo.cookie } })).status, 404);
    const stranger = await connectVisitor(server);
    assert.equal((await fetch(`${server.url}/api/visitors/files/${file.id}/link`, { headers: { authorization: `Bearer ${stranger.token}` } })).status, 404);
    // A forged or altered link opens nothing.
    assert.equal((await fetch(`${server.url}${link.url.replace(/s=.*/, 's=forged')}`)).status, 404);
    // An expired one says so.
    const expired = server.services.attachments.link(file.id, -1000);
    const gone = await fetch(`${server.url}${expired.url}`);
    assert.equal(gone.status, 410);

    // The agent sends a PDF back: an attachment, never inline.
    const pdf = (await (await upload('', 'invoice.pdf', PDF, ana.cookie)).json()) as { id: string };
    assert.equal((await ask(ana, { type: 'message.send', id: 'files-msg-3', conversationId, text: 'Your invoice', attachments: [pdf.id] })).type, 'ack');
    const pdfLink = (await (await fetch(`${server.url}/api/visitors/files/${pdf.id}/link`, { headers: { authorization: `Bearer ${v.token}` } })).json()) as { url: string };
    const pdfAnswer = await fetch(`${server.url}${pdfLink.url}`);
    assert.equal(pdfAnswer.headers.get('content-type'), 'application/pdf');
    assert.match(pdfAnswer.headers.get('content-disposition')!, /^attachment; filename="invoice.pdf"/);

    await finish(ana, conversationId);
    const transcript = await fetch(`${server.url}/api/conversations/${conversationId}/transcript?format=html`, { headers: { cookie: ana.cookie } });
    assert.equal(transcript.status, 200);
    assert.match(transcript.headers.get('content-disposition')!, /^attachment; filename="transcript-/);
    const html = await transcript.text();
    assert.match(html, /screenshot\.png/);
    assert.match(html, /Your invoice/);
    assert.equal((await fetch(`${server.url}/api/conversations/${conversationId}/transcript`, { headers: { cookie: cleo.cookie } })).status, 404);
    const own = await fetch(`${server.url}/api/visitors/conversations/${conversationId}/transcript`, { headers: { authorization: `Bearer ${v.token}` } });
    assert.equal(own.status, 200);
    assert.match(await own.text(), /invoice\.pdf/);
    assert.ok(visitorIdOf(v));
    for (const s of [v.socket, ana.socket, ben.socket, cleo.socket, stranger.socket]) s.close();
  });
});
