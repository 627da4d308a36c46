import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPreface, writePreface } from './forward-preface.js';

const secret = 'a-deployment-secret-of-enough-length';

describe('forward preface', () => {
  it('carries the client address and leaves the bytes after it untouched', () => {
    const bytes = Buffer.concat([Buffer.from(writePreface(secret, '203.0.113.7', 1000)), Buffer.from('GET / HTTP/1.1\r\n')]);
    const read = readPreface(secret, bytes, 2000);
    assert.ok(read.ok);
    assert.equal(read.clientAddress, '203.0.113.7');
    assert.equal(read.rest.toString(), 'GET / HTTP/1.1\r\n');
    const v6 = readPreface(secret, Buffer.from(writePreface(secret, '::ffff:10.0.0.1', 1000)), 1000);
    assert.ok(v6.ok && v6.clientAddress === '::ffff:10.0.0.1');
  });

  it('refuses a forged, altered, stale or foreign line, and waits for an unfinished one', () => {
    const line = writePreface(secret, '203.0.113.7', 1000);
    assert.deepEqual(readPreface('another-secret-entirely-here-too', Buffer.from(line), 1000), { ok: false, reason: 'bad-signature' });
    assert.deepEqual(readPreface(secret, Buffer.from(line.replace('203.0.113.7', '203.0.113.8')), 1000), { ok: false, reason: 'bad-signature' });
    assert.deepEqual(readPreface(secret, Buffer.from(line), 1000 + 31_000), { ok: false, reason: 'stale' });
    assert.deepEqual(readPreface(secret, Buffer.from('GET / HTTP/1.1\r\n'), 1000), { ok: false, reason: 'malformed' });
    assert.deepEqual(readPreface(secret, Buffer.from(line.slice(0, 20)), 1000), { ok: false, reason: 'incomplete' });
    assert.deepEqual(readPreface(secret, Buffer.alloc(300, 0x41), 1000), { ok: false, reason: 'malformed' }, 'a long line without an end is not waited for');
  });
});
