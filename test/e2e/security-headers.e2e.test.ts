/**
 * The strict Content-Security-Policy holds in a real browser: the demo site (a host page without
 * inline styles or foreign scripts) shows and runs the widget, the agent app signs in, nothing the
 * pages do is refused, and the agent app cannot be framed by another page.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

/** Every message the browser logs about the policy refusing something on this page. */
function violations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) found.push(m.text());
  });
  return found;
}

describe('security headers in the browser', () => {
  const stage = useStage();
  let context: BrowserContext;

  before(async () => {
    context = await stage.party();
  });

  it('runs the widget on a host page with a strict policy: launcher styled, chat sent, nothing refused', async () => {
    const page = await context.newPage();
    const refused = violations(page);
    const response = await page.goto(`${stage.server.url}/`);
    assert.match(response!.headers()['content-security-policy']!, /style-src 'self'(;|$)/);
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();
    // The launcher's own styles applied (a constructable stylesheet, which the policy allows).
    assert.equal(await launcher.evaluate((b) => getComputedStyle(b).position), 'fixed');
    await visitor.openChat(page);
    await visitor.send(page, 'Is the policy strict?');
    await visitor.messages(page, 'Is the policy strict?').waitFor();
    assert.deepEqual(refused, []);
  });

  it('signs an agent in under the agent app’s policy, with nothing refused', async () => {
    const page = await context.newPage();
    const refused = violations(page);
    await agent.signIn(page, stage.server.url, ANA);
    await page.getByRole('button', { name: /^Accept chat from/ }).waitFor();
    assert.deepEqual(refused, []);
  });

  it('refuses to show the agent app inside another page’s frame', async () => {
    const page = await context.newPage();
    const refused = violations(page);
    await page.goto(`${stage.server.url}/demo/shipping.html`);
    await page.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
    }, `${stage.server.url}/agent/`);
    await page.waitForEvent('console', { predicate: (m) => /frame-ancestors|Refused to (display|frame)/.test(m.text()) });
    assert.ok(refused.some((r) => /frame-ancestors/.test(r)), refused.join('\n'));
  });
});
