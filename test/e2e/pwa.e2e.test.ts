/**
 * The agent app as an installable, offline-capable PWA in real Chromium: its manifest and service
 * worker pass Chromium's own installability check, it starts with no network and says it is
 * offline (API answers never come from a cache), and a new version is offered as "Reload to
 * update" without losing the reply the agent was typing.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { startServer, tempDataDir, type RunningServer } from '../support/server-process.js';

const repoRoot = join(import.meta.dirname, '..', '..');

/** Resolves once the app's service worker controls the page (it claims the page on its first install); fails after 10 s. */
async function controlledByWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no service worker took the page within 10 s')), 10_000));
    const controlled = (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      return navigator.serviceWorker.controller!.scriptURL;
    })();
    return Promise.race([controlled, deadline]);
  });
}

describe('the agent app as a PWA', () => {
  const data = tempDataDir();
  // A copy of the build, so the test can deploy a "new version" of the service worker into it.
  const staticDir = join(data.dir, 'app');
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    cpSync(join(repoRoot, 'dist/app'), staticDir, { recursive: true });
    server = await startServer({ databaseUrl: data.databaseUrl, env: { STATIC_DIR: staticDir } });
    browser = await launchBrowser();
    context = await newParty(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    data.dispose();
  });

  it('passes Chromium’s installability check: manifest, icons, service worker', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/agent/`);
    assert.equal(await controlledByWorker(page), `${server.url}/agent/sw.js`);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; parsed?: { scope?: string; startUrl?: string } };
    assert.equal(manifest.url, `${server.url}/agent/manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // A headless test context is always incognito; everything else the check could say is ours.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
    await page.close();
  });

  it('starts with no network: the app from the cache, saying it is offline, and back online by itself', async () => {
    const page = await context.newPage();
    await agent.signIn(page, server.url, ANA);
    await controlledByWorker(page);
    await context.setOffline(true);
    await page.reload();
    // The app's own page, not the browser's error page; and the sign-in was not answered from a cache.
    await page.getByRole('status').filter({ hasText: 'You are offline. Switchboard reconnects as soon as the network is back.' }).waitFor();
    assert.equal(await page.title(), 'Switchboard — Agent');
    await context.setOffline(false);
    await page.getByRole('combobox', { name: 'Your status' }).waitFor();
    assert.equal(await page.getByText('You are offline').count(), 0);
    await page.close();
  });

  it('offers a new version as “Reload to update” and keeps the unsent reply across the reload', async () => {
    const customer = await newParty(browser);
    const site = await customer.newPage();
    await site.goto(`${server.url}/`);
    await visitor.openChat(site);
    await visitor.send(site, 'Can you keep my draft?');
    const page = await context.newPage();
    await page.goto(`${server.url}/agent/`);
    await page.getByRole('button', { name: /^Accept chat from/ }).first().click();
    const reply = page.getByRole('textbox', { name: /^Reply to/ });
    await reply.fill('Half-written answer about your parcel');
    // A deploy: the worker's script changes on the server, and the app looks for it.
    const worker = join(staticDir, 'agent-pwa/sw.js');
    writeFileSync(worker, `${readFileSync(worker, 'utf8')}\n// next version\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/agent/'))!.update());
    await page.getByText('A new version of Switchboard is ready.').waitFor();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
    await page.getByRole('combobox', { name: 'Your status' }).waitFor();
    await page.getByRole('button', { name: /Can you keep my draft|Visitor/ }).first().click();
    assert.equal(await page.getByRole('textbox', { name: /^Reply to/ }).inputValue(), 'Half-written answer about your parcel');
    await customer.close();
  });
});
