/**
 * axe-core on every screen, in the light and the dark colour scheme: the demo page with the widget
 * closed, open, in a conversation and in each contact form (callback, message); the agent app's
 * sign-in, inbox, conversation, customer pane, wallboard, reports, queues, agents, team,
 * integrations and replies. No serious and no moderate violation may remain (minor ones are
 * advice); a failure lists each rule's id and the elements it found, to fix them one by one.
 * Set AXE_REPORT=1 to print every screen's counts (how the "before and after" figures were taken).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { startServer, tempDataDir, type RunningServer } from '../support/server-process.js';

const ADMIN = { email: 'admin@axe.local', password: 'admin-password-axe' };
const BLOCKING = new Set(['serious', 'critical', 'moderate']);

interface Finding { screen: string; id: string; impact: string; targets: string[]; summary: string }

/** Runs axe on the page (or on one part of it) and returns what blocks: serious, critical and moderate. */
async function scan(page: Page, screen: string, include?: string): Promise<Finding[]> {
  // Let the last render and any transition settle: two frames after the screen's own marker.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include({ fromShadowDom: (await shadowPath(page, include)) as [string, string, ...string[]] });
  const { violations } = await builder.analyze();
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  if (process.env.AXE_REPORT) {
    const count = (impact: string) => violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0);
    console.log(`axe ${screen}: serious ${count('serious') + count('critical')}, moderate ${count('moderate')}, minor ${count('minor')}`);
  }
  return blocking.map((v) => ({
    screen,
    id: v.id,
    impact: v.impact ?? '',
    targets: v.nodes.slice(0, 6).map((n) => n.target.map(String).join(' >>> ') + (n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})` : '')),
    summary: v.help,
  }));
}

/** The chain of shadow hosts down to the first element with this tag, as axe's `fromShadowDom` wants it. */
async function shadowPath(page: Page, tag: string): Promise<string[]> {
  const path = (await page.evaluate(`(() => {
    const walk = (root, chain) => {
      for (const el of root.querySelectorAll('*')) {
        const name = el.tagName.toLowerCase();
        if (name === ${JSON.stringify(tag)}) return [...chain, name];
        if (el.shadowRoot) { const found = walk(el.shadowRoot, [...chain, name]); if (found) return found; }
      }
      return null;
    };
    return walk(document, []);
  })()`)) as string[] | null;
  assert.ok(path, `${tag} is on the page`);
  return path;
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.screen}: ${f.id} [${f.impact}] ${f.summary}\n    ${f.targets.join('\n    ')}`).join('\n');
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`accessibility of every screen (${colorScheme} colour scheme)`, () => {
    const data = tempDataDir();
    let server: RunningServer;
    let browser: Browser;
    const party = async () => (await newParty(browser, { colorScheme })).newPage();

    before(async () => {
      server = await startServer({ databaseUrl: data.databaseUrl, env: { SWITCHBOARD_ADMIN_EMAIL: ADMIN.email, SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password } });
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      data.dispose();
    });

    it('the widget on the demo page: closed, its contact forms, and in a conversation; the agent app: sign-in, inbox, conversation, customer pane', async () => {
      const findings: Finding[] = [];
      // Nobody is signed in: opening the widget offers a message or a callback instead of a chat.
      const messenger = await party();
      await messenger.goto(`${server.url}/`);
      await messenger.getByRole('button', { name: 'Open chat' }).waitFor();
      findings.push(...(await scan(messenger, 'demo page, widget closed')));
      await messenger.getByRole('button', { name: 'Open chat' }).click();
      await messenger.getByRole('button', { name: 'Leave a message' }).waitFor();
      findings.push(...(await scan(messenger, 'widget open (nobody available)')));
      await messenger.getByRole('button', { name: 'Leave a message' }).click();
      await messenger.getByRole('textbox', { name: 'Your e-mail address' }).waitFor();
      findings.push(...(await scan(messenger, 'widget message form')));

      const caller = await party();
      await caller.goto(`${server.url}/`);
      await caller.getByRole('button', { name: 'Open chat' }).click();
      await caller.getByRole('button', { name: 'Call me back' }).click();
      await caller.getByRole('textbox', { name: 'Your phone number' }).waitFor();
      findings.push(...(await scan(caller, 'widget callback form')));

      const staff = await party();
      await staff.goto(`${server.url}/agent/`);
      await staff.getByRole('button', { name: 'Sign in' }).waitFor();
      findings.push(...(await scan(staff, 'agent sign-in')));
      await agent.signIn(staff, server.url, BEN);
      findings.push(...(await scan(staff, 'agent inbox (empty)')));

      const customer = await party();
      await customer.goto(`${server.url}/`);
      await customer.evaluate(() => window.Switchboard!.identify!({ name: 'Maria Gomez', email: 'maria@example.test' }));
      await visitor.openChat(customer);
      findings.push(...(await scan(customer, 'widget open, ready to chat')));
      await visitor.send(customer, 'Hello! My order #1042 has not arrived yet.');
      await staff.getByRole('button', { name: 'Accept chat from Maria Gomez' }).click();
      await agent.reply(staff, 'Hi Maria, it left our warehouse yesterday.');
      await visitor.messages(customer, 'it left our warehouse').waitFor();
      findings.push(...(await scan(customer, 'widget in a conversation')));
      await agent.messages(staff, 'it left our warehouse').waitFor();
      findings.push(...(await scan(staff, 'agent conversation')));
      await staff.getByRole('region', { name: /^Customer: / }).waitFor();
      findings.push(...(await scan(staff, 'agent customer pane', 'sb-customer-pane')));

      assert.deepEqual(findings, [], `axe found serious or moderate violations:\n${report(findings)}`);
    });

    it('the agent app for an admin: wallboard, reports, review, queues, agents, team, integrations, replies', async () => {
      const findings: Finding[] = [];
      const admin = await party();
      await agent.signIn(admin, server.url, ADMIN);
      const tabs: Array<[string, string]> = [
        ['Wallboard', 'sb-wallboard'],
        ['Reports', 'sb-reports'],
        ['Review', 'sb-review-list'],
        ['Queues', 'sb-admin-queues'],
        ['Agents', 'sb-agent-routing'],
        ['Team', 'sb-team-list'],
        ['Integrations', 'sb-integrations'],
        ['Replies & articles', 'sb-reply-library'],
      ];
      for (const [tab, element] of tabs) {
        await agent.openTab(admin, tab);
        await admin.locator(element).first().waitFor();
        findings.push(...(await scan(admin, `agent ${tab}`)));
      }
      assert.deepEqual(findings, [], `axe found serious or moderate violations:\n${report(findings)}`);
    });
  });
}
