/**
 * Day one, as the README tells it: Switchboard started with nothing configured (no SWITCHBOARD_*
 * variables, no DATABASE_URL) in a fresh directory; the newcomer signs in with exactly what the
 * banner printed, lands in the workspace with the Team tab, and chooses their own password.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { agent } from '../support/parties.js';
import { installDir, startServer, type RunningServer } from '../support/server-process.js';

const CHOSEN = 'lantern-orchard-velvet-93';

async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a newcomer with an empty environment', () => {
  const install = installDir();
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer({ clean: true, cwd: install.dir });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    install.dispose();
  });

  it('signs in as the admin the banner printed, finds the Team tab, and chooses their own password', async () => {
    const banner = server.output();
    const agentApp = /^ {2}Agent app: +(\S+)$/m.exec(banner)?.[1];
    const admin = /^ {2}Admin account created: +(\S+) +password: (\S+) +\(shown once; change it under Your account\)$/m.exec(banner);
    assert.ok(agentApp && admin, `the banner names the agent app and the admin:\n${banner}`);
    const [, email, printed] = admin as unknown as [string, string, string];
    assert.equal(email, 'admin@localhost');
    assert.equal(agentApp, `http://localhost:${server.port}/agent/`);
    assert.ok(existsSync(join(install.dir, 'data', 'switchboard.db')), 'the database is under ./data/ where the server was started');

    const page = await (await newParty(browser)).newPage();
    await signIn(page, agentApp!, email, printed);
    // Straight into the workspace: the printed password was the operator's alone.
    await page.getByRole('combobox', { name: 'Your status' }).waitFor();
    await agent.openTab(page, 'Team');
    const team = page.getByRole('table', { name: 'Team' });
    await team.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Active' }).waitFor();

    // Your account: a guessable password is refused beside the field and changes nothing; their own is kept.
    await agent.openAccountMenu(page);
    await page.getByRole('button', { name: 'Your account', exact: true }).click();
    await page.getByLabel('Current password').fill(printed);
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('New password again').fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'too easy to guess' }).waitFor();
    assert.equal(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid'), 'true');
    await page.getByLabel('New password', { exact: true }).fill(CHOSEN);
    await page.getByLabel('New password again').fill(CHOSEN);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor();

    // Their own password is the one that works now; the printed one does not.
    await agent.openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, agentApp!, email, printed);
    await page.getByRole('alert').filter({ hasText: 'E-mail or password is wrong.' }).waitFor();
    await signIn(page, agentApp!, email, CHOSEN);
    await page.getByRole('combobox', { name: 'Your status' }).waitFor();
  });
});
