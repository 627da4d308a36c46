/**
 * Presence tells the truth. One agent with two tabs is one presence: an offer shows in both,
 * accepting it in one takes it from the other, and closing a tab changes nothing. An agent whose
 * connection goes silent without a close frame (their pages behind a proxy that freezes, as a
 * frozen process or a shut laptop would) is noticed by the heartbeat, turns away once the grace
 * is over, and the chat offered to them moves to a colleague before its offer would have timed out.
 * The server runs in this process, so the test reads the agents' state from its store.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_QUEUE } from '../../signaling/acd/acd-engine.js';
import { launchBrowser, newParty } from '../support/browser.js';
import { ANA, BEN } from '../support/demo-logins.js';
import { startFreezableProxy, type FreezableProxy } from '../support/freezable-proxy.js';
import { startTestServer, type TestServer } from '../support/in-process-server.js';
import { until } from '../support/until.js';
import { agent, visitor } from '../support/parties.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const GRACE_MS = 2_000;

/** The status selector's choice as the agent sees it. */
const statusShown = (page: Page) => page.getByRole('combobox', { name: 'Your status' }).evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.textContent?.trim());

const acceptButton = (page: Page) => page.getByRole('button', { name: /^Accept chat from/ });

async function startChat(browser: Browser, url: string, text: string): Promise<Page> {
  const site = await (await newParty(browser)).newPage();
  await site.goto(`${url}/`);
  await visitor.openChat(site);
  await visitor.send(site, text);
  return site;
}

describe('presence', () => {
  let browser: Browser;
  let server: TestServer;
  let proxy: FreezableProxy | undefined;

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const context of browser.contexts()) await context.close();
    await proxy?.close();
    proxy = undefined;
    await server?.close();
  });

  const start = () => startTestServer({ staticDir: join(repoRoot, 'dist/app'), presenceGraceMs: GRACE_MS });
  const agentId = async (email: string) => (await server.store.agents.findByEmail(email))!.id;

  it('one agent in two tabs is one presence: offers reach both, accepting in one takes it from the other, closing one changes nothing', async () => {
    server = await start();
    const desk = await newParty(browser);
    const first = await desk.newPage();
    await agent.signIn(first, server.url, ANA);
    const second = await desk.newPage();
    await second.goto(`${server.url}/agent/`);
    await second.getByRole('combobox', { name: 'Your status' }).waitFor();
    assert.equal(await statusShown(first), 'Available');
    assert.equal(await statusShown(second), 'Available');

    await startChat(browser, server.url, 'First question');
    await acceptButton(first).waitFor();
    await acceptButton(second).waitFor();
    await acceptButton(first).click();
    await first.getByRole('textbox', { name: /^Reply to/ }).waitFor();
    await acceptButton(second).waitFor({ state: 'detached' });
    // Both tabs say what routing sees: on a contact, not "Available".
    for (const tab of [first, second]) await tab.getByRole('combobox', { name: 'Your status' }).locator('option:checked', { hasText: 'On a contact' }).waitFor({ state: 'attached' });

    await second.close();
    // Once the server has seen the tab go, one window is left, and no grace began: nothing will change.
    const anaId = await agentId(ANA.email);
    await until(() => server.services.presence.openWindows(anaId) === 1, 'the server sees one window left');
    const ana = (await server.store.agents.findByEmail(ANA.email))!;
    assert.equal(ana.status, 'available');
    assert.equal(server.services.presence.hasOpenSocket(ana.id), true);
    assert.equal(await statusShown(first), 'On a contact');

    await startChat(browser, server.url, 'Second question');
    await acceptButton(first).waitFor();
  });

  it('an agent whose connection goes silent turns away after the heartbeat and the grace, and the waiting chat goes to a colleague', async () => {
    server = await start();
    proxy = await startFreezableProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    const anaDesk = await (await newParty(browser)).newPage();
    await agent.signIn(anaDesk, proxy.url, ANA);
    const benDesk = await (await newParty(browser)).newPage();
    await agent.signIn(benDesk, server.url, BEN);
    await benDesk.getByRole('combobox', { name: 'Your status' }).selectOption('away:lunch');
    await benDesk.getByRole('combobox', { name: 'Your status' }).locator('option:checked', { hasText: 'Away: lunch' }).waitFor({ state: 'attached' });

    await startChat(browser, server.url, 'Is anyone there?');
    await acceptButton(anaDesk).waitFor();
    const offeredAt = Date.now();
    // Ben is back from lunch: the chat is Ana's offer, so it stays hers for now.
    await benDesk.getByRole('combobox', { name: 'Your status' }).selectOption('available');
    await benDesk.getByRole('combobox', { name: 'Your status' }).locator('option:checked', { hasText: 'Available' }).waitFor({ state: 'attached' });

    proxy.freeze();
    const frozenAt = Date.now();
    await acceptButton(benDesk).waitFor({ timeout: DEFAULT_QUEUE.offerTimeoutMs });
    const movedAfterMs = Date.now() - frozenAt;
    console.log(`# frozen connection: chat offered to the colleague ${movedAfterMs} ms after the freeze (heartbeat ≤ 9.5 s + grace ${GRACE_MS} ms)`);

    const ana = (await server.store.agents.findById(await agentId(ANA.email)))!;
    assert.equal(ana.status, 'away');
    assert.equal(ana.breakReason, 'disconnected');
    assert.ok(movedAfterMs <= 10_000 + GRACE_MS + 3_000, `moved after ${movedAfterMs} ms`);
    assert.ok(Date.now() - offeredAt < DEFAULT_QUEUE.offerTimeoutMs, 'moved before Ana’s offer would have timed out');
    const conversationId = (await server.store.conversations.listByStatus(['queued']))[0]!.id;
    const log = (await server.store.eventLog.list({ conversationId })).map((e) => e.type);
    assert.ok(!log.includes('offer-timed-out'), `the offer moved because Ana went away, not by timing out: ${log.join(', ')}`);

    await acceptButton(benDesk).click();
    await benDesk.getByRole('textbox', { name: /^Reply to/ }).waitFor();
  });
});
