/** The site's file policy on the real server: admins change it, bad input changes nothing, the next upload follows it. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectVisitor, signIn } from '../../test/support/connect.js';
import { startTestServer, TEST_ADMIN, type TestServer } from '../../test/support/in-process-server.js';
import { DEFAULT_ATTACHMENT_TYPES, DEFAULT_MAX_ATTACHMENT_BYTES } from '../protocol/attachments.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('the file policy', () => {
  let server: TestServer;
  let admin: string;
  before(async () => {
    server = await startTestServer();
    admin = await signIn(server, TEST_ADMIN.email);
  });
  after(() => server.close());

  const policy = (method: 'GET' | 'PUT', body?: unknown, cookie = admin) =>
    fetch(`${server.url}/api/admin/file-policy`, { method, headers: { cookie, origin: server.origin, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const upload = (token: string, name: string, bytes: Buffer) =>
    fetch(`${server.url}/api/visitors/files?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });

  test('starts from the defaults, and refuses bad input with a 400 that changes nothing', async () => {
    const initial = await (await policy('GET')).json();
    assert.deepEqual(initial, { maxBytes: DEFAULT_MAX_ATTACHMENT_BYTES, types: [...DEFAULT_ATTACHMENT_TYPES] });
    const bad: [unknown, RegExp][] = [
      [{ maxBytes: 1023, types: ['image/png'] }, /at least 1024 bytes/],
      [{ maxBytes: 100 * 1024 * 1024 + 1, types: ['image/png'] }, /at most 104857600 bytes/],
      [{ maxBytes: 2048.5, types: ['image/png'] }, /whole number/],
      [{ maxBytes: 2048, types: [] }, /at least one type/],
      [{ maxBytes: 2048, types: ['text/html'] }, /not a type/],
      [{ maxBytes: 2048, types: ['image/svg+xml'] }, /not a type/],
      [{ maxBytes: 2048, types: ['application/x-made-up'] }, /not a type/],
      [{ maxBytes: 2048, types: ['image/png', 'image/png'] }, /each type once/],
      [{ types: ['image/png'] }, /maxBytes/],
      ['ten megabytes', /invalid request/],
    ];
    for (const [body, message] of bad) {
      const answer = await policy('PUT', body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      const error = ((await answer.json()) as { error: { reason: string; message: string } }).error;
      assert.equal(error.reason, 'invalid-input');
      assert.match(error.message, message);
    }
    assert.deepEqual(await (await policy('GET')).json(), initial);
  });

  test('only admins read or change it', async () => {
    const agent = await signIn(server, 'ana@demo.switchboard');
    assert.equal((await policy('GET', undefined, agent)).status, 403);
    assert.equal((await policy('PUT', { maxBytes: 2048, types: ['image/png'] }, agent)).status, 403);
    assert.equal((await fetch(`${server.url}/api/admin/file-policy`)).status, 401);
  });

  test('the next upload follows a saved policy, and the widget learns the limit', async () => {
    const v = await connectVisitor(server);
    const big = Buffer.concat([PNG, Buffer.alloc(4096)]);
    assert.equal((await upload(v.token, 'big.png', big)).status, 201);

    const saved = await policy('PUT', { maxBytes: 2048, types: ['image/png'] });
    assert.equal(saved.status, 200);
    assert.deepEqual(await saved.json(), { maxBytes: 2048, types: ['image/png'] });
    const status = (await (await fetch(`${server.url}/api/visitors/queue-status`)).json()) as { files?: { maxBytes: number; types: string[] } };
    assert.deepEqual(status.files, { maxBytes: 2048, types: ['image/png'] });

    const tooBig = await upload(v.token, 'big.png', big);
    assert.equal(tooBig.status, 413);
    assert.match(((await tooBig.json()) as { error: { message: string } }).error.message, /2048 bytes/);
    const pdf = await upload(v.token, 'invoice.pdf', PDF);
    assert.equal(pdf.status, 415);
    assert.equal((await upload(v.token, 'small.png', PNG)).status, 201);

    const audit = (await server.services.audit.list({ limit: 5 })).find((e) => e.action === 'file-policy.changed');
    assert.deepEqual(audit?.detail, { maxBytes: [DEFAULT_MAX_ATTACHMENT_BYTES, 2048], types: ['image/png'] });
  });
});
