/**
 * Channel media, both ways, over real HTTP on 127.0.0.1: what the fetcher refuses to reach
 * (SSRF), what it refuses to bring back, and a signed message whose pictures are fetched, checked
 * from their bytes and kept, with a line for each one that failed; an agent's file goes back out
 * as an hour-long signed URL in the reply's `media`.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { connectAgent, signIn } from '../../test/support/connect.js';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';
import { sign } from '../kernel/signature.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, type ChannelReply, type ChannelView, type WebhookEnvelope } from '../protocol/channels.js';
import type { ConversationEvent } from '../protocol/conversation.js';
import { fetchMedia, MediaFetchError } from './media-fetch.js';
import { classifyAddress } from './public-address.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const HTML = '<!doctype html><html><body><script>alert(1)</script></body></html>';

/** A gateway's media host and outbound endpoint in one: serves files, records replies. */
class Gateway {
  readonly replies: WebhookEnvelope<ChannelReply>[] = [];
  private waiting: ((reply: WebhookEnvelope<ChannelReply>) => void) | undefined;
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.method === 'POST') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          res.writeHead(200).end();
          const envelope = JSON.parse(body) as WebhookEnvelope<ChannelReply>;
          this.replies.push(envelope);
          this.waiting?.(envelope);
        });
        return;
      }
      switch (req.url) {
        case '/media/photo.png':
          return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
        case '/media/page.png':
          return res.writeHead(200, { 'content-type': 'image/png' }).end(HTML);
        case '/media/redirect':
          return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        case '/media/big':
          return res.writeHead(200, { 'content-length': String(64 * 1024) }).end(Buffer.alloc(64 * 1024));
        case '/media/big-chunked':
          res.writeHead(200);
          for (let i = 0; i < 64; i++) res.write(Buffer.alloc(1024));
          return res.end();
        case '/media/slow':
          return; // never answers
        default:
          return res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  nextReply(): Promise<WebhookEnvelope<ChannelReply>> {
    const found = this.replies.find((r) => r.event === 'reply');
    return found ? Promise.resolve(found) : new Promise((resolve) => (this.waiting = resolve));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function refusal(url: string, options: Partial<Parameters<typeof fetchMedia>[1]> = {}): Promise<MediaFetchError['reason']> {
  try {
    await fetchMedia(url, { maxBytes: 32 * 1024, timeoutMs: 2000, ...options });
  } catch (error) {
    assert.ok(error instanceof MediaFetchError, String(error));
    return error.reason;
  }
  assert.fail(`${url} was fetched`);
}

describe('what the media fetcher will not reach', () => {
  it('judges addresses: private, loopback, link-local, shared and mapped ones are not public', () => {
    for (const address of ['10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', 'fd00::1', 'fe80::1', '::', '::ffff:10.0.0.1', '64:ff9b::a00:1']) assert.equal(classifyAddress(address), 'not-public', address);
    for (const address of ['127.0.0.1', '127.8.8.8', '::1', '::ffff:127.0.0.1']) assert.equal(classifyAddress(address), 'loopback', address);
    for (const address of ['93.184.216.34', '2606:4700::1111']) assert.equal(classifyAddress(address), 'public', address);
  });

  it('refuses other schemes, credentials, and hosts that are or resolve to private or loopback addresses', async () => {
    assert.equal(await refusal('file:///etc/passwd'), 'bad-url');
    assert.equal(await refusal('ftp://example.com/a.png'), 'bad-url');
    assert.equal(await refusal('gopher://127.0.0.1:6379/_FLUSHALL'), 'bad-url');
    assert.equal(await refusal('not a url'), 'bad-url');
    assert.equal(await refusal('http://user:pw@example.com/a.png'), 'bad-url');
    assert.equal(await refusal('http://127.0.0.1:5432/'), 'not-public');
    assert.equal(await refusal('http://[::1]/'), 'not-public');
    assert.equal(await refusal('http://[::ffff:127.0.0.1]/'), 'not-public');
    assert.equal(await refusal('http://localhost/'), 'not-public', 'a name resolving to loopback');
    assert.equal(await refusal('http://10.0.0.1/a.png', { allowLoopback: true }), 'not-public', 'the test switch opens loopback only');
    assert.equal(await refusal('http://169.254.169.254/latest/meta-data/', { allowLoopback: true }), 'not-public');
    assert.equal(await refusal('http://2130706433/'), 'not-public', 'a decimal address is still loopback');
  });
});

describe('fetching from a real server on 127.0.0.1', () => {
  const gateway = new Gateway();
  before(() => gateway.start());
  after(() => gateway.close());
  const options = { allowLoopback: true };

  it('brings back the bytes and the name, and refuses redirects, oversize files and slow servers', async () => {
    const photo = await fetchMedia(`${gateway.base}/media/photo.png`, { maxBytes: 32 * 1024, ...options });
    assert.deepEqual(Buffer.from(photo.bytes), PNG);
    assert.equal(photo.name, 'photo.png');
    assert.equal(await refusal(`${gateway.base}/media/redirect`, options), 'status', 'a redirect is not followed (it could point anywhere)');
    assert.equal(await refusal(`${gateway.base}/media/missing`, options), 'status');
    assert.equal(await refusal(`${gateway.base}/media/big`, options), 'too-large', 'refused on its declared length');
    assert.equal(await refusal(`${gateway.base}/media/big-chunked`, options), 'too-large', 'refused as it streams past the cap');
    const started = Date.now();
    assert.equal(await refusal(`${gateway.base}/media/slow`, { ...options, timeoutMs: 300 }), 'timeout');
    assert.ok(Date.now() - started < 2000);
  });
});

describe('a channel message with media, and a reply with a file', () => {
  const gateway = new Gateway();
  let server: TestServer;
  let channel: ChannelView;

  before(async () => {
    await gateway.start();
    server = await startTestServer({ channelMedia: { allowLoopback: true, timeoutMs: 2000 } });
    const admin = await signIn(server, 'admin@test.local');
    const created = await fetch(`${server.url}/api/integrations/channels`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin, origin: server.origin }, body: JSON.stringify({ name: 'MMS', queue: 'support', outboundUrl: `${gateway.base}/outbound` }) });
    channel = (await created.json()) as ChannelView;
  });
  after(async () => {
    await server.close();
    await gateway.close();
  });

  const post = (message: unknown) => {
    const body = JSON.stringify(message);
    const timestamp = String(Math.floor(Date.now() / 1000));
    return fetch(`${server.url}/api/channels/${channel.id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(channel.secret, timestamp, body) }, body });
  };

  it('keeps the picture, names each file it could not take, and sends the agent’s file back as an hour-long link', async () => {
    const ana = await connectAgent(server, 'ana@demo.switchboard');
    const response = await post({
      id: 'mms-1',
      from: { id: '+15550177', name: 'Noor' },
      media: [
        { url: `${gateway.base}/media/photo.png`, contentType: 'image/png' },
        { url: `${gateway.base}/media/page.png`, contentType: 'image/png' },
        { url: `${gateway.base}/media/missing` },
        { url: 'http://10.1.2.3/inside.png' },
      ],
    });
    assert.equal(response.status, 202, await response.clone().text());
    const { conversationId } = (await response.json()) as { conversationId: string };
    const [message] = (await server.store.conversations.eventsAfter(conversationId, 0)).filter((e): e is ConversationEvent & { type: 'message' } => e.type === 'message');
    assert.deepEqual(message!.attachments?.map((a) => [a.name, a.mimeType, a.size]), [['photo.png', 'image/png', PNG.byteLength]]);
    const lines = message!.text.split('\n\n');
    assert.equal(lines.length, 3, message!.text);
    assert.match(lines[0]!, /could not be received \(127\.0\.0\.1:\d+\): the site does not accept this kind of file/);
    assert.match(lines[1]!, /the server answered 404/);
    assert.match(lines[2]!, /\(10\.1\.2\.3\): 10\.1\.2\.3 is not on the public internet/);

    // The agent answers with the picture the customer sent, re-uploaded as theirs.
    await ana.socket.next('offer', (o) => o.offer.conversationId === conversationId);
    ana.socket.send({ type: 'offer.accept', id: 'accept-mms-1', conversationId });
    assert.equal((await ana.socket.answer('accept-mms-1')).type, 'ack');
    const uploaded = await fetch(`${server.url}/api/files?name=label.png`, { method: 'POST', headers: { cookie: ana.cookie, origin: server.origin, 'content-type': 'application/octet-stream' }, body: new Uint8Array(PNG) });
    const file = (await uploaded.json()) as { id: string };
    ana.socket.send({ type: 'message.send', id: 'reply-mms-1', conversationId, text: 'Here is your return label.', attachments: [file.id] });
    assert.equal((await ana.socket.answer('reply-mms-1')).type, 'ack');
    const reply = (await gateway.nextReply()).data;
    assert.equal(reply.text, 'Here is your return label.');
    assert.equal(reply.media?.length, 1);
    const media = reply.media![0]!;
    assert.deepEqual([media.name, media.contentType, media.size], ['label.png', 'image/png', PNG.byteLength]);
    assert.ok(Math.abs(media.expiresAt - (Date.now() + 3_600_000)) < 60_000, 'valid for an hour');
    // The link is absolute (the server's public address) and opens without credentials.
    const path = new URL(media.url).pathname + new URL(media.url).search;
    const bytes = await fetch(`${server.url}${path}`);
    assert.equal(bytes.status, 200);
    assert.deepEqual(Buffer.from(await bytes.arrayBuffer()), PNG);
    ana.socket.close();
  });

  it('refuses a message with neither text nor media, and more than ten files, storing nothing', async () => {
    const empty = await post({ id: 'mms-empty', from: { id: '+15550178' } });
    assert.equal(empty.status, 400);
    assert.match(((await empty.json()) as { error: { message: string } }).error.message, /text or media/);
    const many = await post({ id: 'mms-many', from: { id: '+15550178' }, media: Array.from({ length: 11 }, (_, i) => ({ url: `${gateway.base}/media/photo.png?${i}` })) });
    assert.equal(many.status, 400);
    assert.equal(await server.store.channels.hasReceipt(channel.id, 'mms-many'), false);
  });
});
