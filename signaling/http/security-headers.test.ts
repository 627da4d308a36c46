/** Each kind of page gets its security headers, and the demo's inline embed snippet is allowed by its hash only. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { staticRoutes } from './static-routes.js';
import { securityHeaders } from './security-headers.js';

const SNIPPET = '!function(w){var s=w.Switchboard=w.Switchboard||{q:[]};}(window);';

describe('security headers', () => {
  let dir: string;
  const app = (publicUrl: string) => {
    const hono = new Hono();
    hono.use('*', securityHeaders({ publicUrl, staticDir: dir }));
    hono.get('/api/thing', (c) => c.json({ ok: true }));
    hono.route('/', staticRoutes(dir));
    return hono;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sb-headers-'));
    mkdirSync(join(dir, 'widget/demo'), { recursive: true });
    mkdirSync(join(dir, 'agent-pwa'), { recursive: true });
    writeFileSync(join(dir, 'widget/demo/index.html'), `<!doctype html><script>${SNIPPET}</script><script src="/widget.js" async></script>`);
    writeFileSync(join(dir, 'agent-pwa/index.html'), '<!doctype html><script type="module" src="/assets/agent.js"></script>');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the agent app out of frames and its scripts to our origin', async () => {
    const res = await app('http://localhost:8787').request('/agent/');
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.match(res.headers.get('permissions-policy')!, /microphone=\(self\), camera=\(\)/);
    assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over plain http');
  });

  it('allows the demo page’s inline snippet by its hash, and no inline styles', async () => {
    const res = await app('http://localhost:8787').request('/');
    const csp = res.headers.get('content-security-policy')!;
    const hash = createHash('sha256').update(SNIPPET).digest('base64');
    assert.ok(csp.includes(`script-src 'self' 'sha256-${hash}'`), csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /style-src 'self'(;|$)/);
  });

  it('sends HSTS when the public address is https, and only nosniff and a referrer policy with JSON', async () => {
    const res = await app('https://support.example.com').request('/api/thing');
    assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.equal(res.headers.get('content-security-policy'), null);
  });
});
