/**
 * The API reference at /api/docs as a developer opens it: the server's banner names it, and it
 * renders the operations in Chromium from our own origin, under its strict Content-Security-Policy.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useStage } from '../support/stage.js';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

describe('the API reference page', () => {
  const stage = useStage();
  let page: Page;
  const requested: string[] = [];
  const blocked = new Map<string, string>();
  const pageErrors: string[] = [];

  before(async () => {
    page = await stage.page();
    page.on('request', (request) => requested.push(request.url()));
    page.on('requestfailed', (request) => blocked.set(request.url(), request.failure()?.errorText ?? ''));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A string: tsx would wrap a function in helpers the page does not have.
    await page.addInitScript(`
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', function (e) { window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });
    `);
  });

  it('is named in the server banner', () => {
    // The banner shows the public address (localhost here), not the loopback one the tests use.
    assert.match(stage.server.output(), new RegExp(`^ {2}API reference: +http://localhost:${stage.server.port}/api/docs$`, 'm'));
  });

  it('renders the operations from the description', async () => {
    const response = await page.goto(`${stage.server.url}/api/docs`);
    assert.equal(response?.status(), 200);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'(;|$)/);
    await page.locator('#api-reference[data-state="ready"]').waitFor();
    await page.getByRole('heading', { name: 'Sign in an agent' }).waitFor();
    await page.getByRole('heading', { name: 'Take a message from an outside channel (SMS gateway, social-media bridge)' }).waitFor();
    assert.equal(await page.title(), 'Switchboard API reference');
  });

  it('loads everything from its own origin, with no script error', async () => {
    assert.ok(requested.includes(`${stage.server.url}/api/openapi.json`), 'the description was fetched');
    assert.ok(requested.includes(`${stage.server.url}/api/docs/redoc.standalone.js`), 'Redoc came from our origin');
    // Redoc's sidebar credit shows its logo from a CDN: the page's policy refuses it before any
    // request leaves (these machines have no internet, and visitors' addresses stay with us).
    const elsewhere = requested.filter((url) => !url.startsWith(`${stage.server.url}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
    assert.deepEqual(elsewhere, ['https://cdn.redoc.ly/redoc/logo-mini.svg'].filter((url) => elsewhere.includes(url)));
    for (const url of elsewhere) assert.match(blocked.get(url) ?? 'not blocked', /^(csp|net::ERR_BLOCKED_BY_CSP)$/, `${url} was refused by the policy`);
    const violations = await page.evaluate(() => window.cspViolations);
    assert.deepEqual(violations.filter((v) => !elsewhere.some((url) => v === `img-src ${url}`)), [], 'nothing of our own breaks the policy');
    assert.deepEqual(pageErrors, []);
  });
});
