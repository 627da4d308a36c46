/**
 * Review before sending, end to end: an admin marks a new hire's replies for review in the Team
 * tab; her answer to a customer's e-mail waits, marked "Waiting for review", and no mail goes out;
 * a supervisor edits and approves it in the Review tab, and the customer's mail arrives at a real
 * SMTP server on loopback with the approved words.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent } from '../support/parties.js';
import { startServer, tempDataDir, type RunningServer } from '../support/server-process.js';
import { SmtpSink } from '../support/smtp-sink.js';

const ADMIN = { email: 'admin@acme.test', password: 'admin-password-e2e' };

describe('review before sending', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let sink: Awaited<ReturnType<typeof SmtpSink.start>>;
  let browser: Browser;

  before(async () => {
    sink = await SmtpSink.start();
    server = await startServer({
      databaseUrl: data.databaseUrl,
      env: { SMTP_URL: sink.url, MAIL_FROM: 'Acme Support <support@acme.test>', COMPANY_NAME: 'Acme Outdoor', SWITCHBOARD_ADMIN_EMAIL: ADMIN.email, SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
    data.dispose();
  });

  it('holds a reviewed agent’s e-mail reply until a supervisor edits and approves it, then mails the customer the approved words', async () => {
    // The admin marks Ana (a new hire) for review in the Team tab; the switch saves at once.
    const admin: Page = await (await newParty(browser)).newPage();
    await agent.signIn(admin, server.url, ADMIN);
    await agent.openTab(admin, 'Team');
    const reviewed = admin.getByRole('checkbox', { name: 'Replies of Ana Lima need review' });
    const saved = admin.waitForResponse((r) => r.url().includes('/api/reviews/settings/agents/') && r.request().method() === 'PUT');
    await reviewed.check();
    assert.equal((await saved).status(), 200);
    assert.equal(await reviewed.isChecked(), true);
    await admin.context().close();

    // A customer writes in (the widget's message form, as its API).
    const token = ((await (await fetch(`${server.url}/api/visitors`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { token: string }).token;
    const left = await fetch(`${server.url}/api/visitors/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ id: 'review-e2e-1', name: 'Rosa Diaz', email: 'rosa@example.test', message: 'Can I return the Ridgeline tent after 40 days?' }),
    });
    assert.equal(left.status, 200);
    await sink.next((m) => m.to.includes('rosa@example.test')); // the acknowledgement

    // Ana answers; her reply waits under the timeline, and the customer gets nothing.
    const ana = await (await newParty(browser)).newPage();
    await agent.signIn(ana, server.url, ANA);
    await ana.getByRole('button', { name: 'Accept e-mail from Rosa Diaz' }).click();
    await agent.messages(ana, 'Can I return the Ridgeline tent after 40 days?').waitFor();
    await agent.reply(ana, 'no sorry');
    const held = ana.getByRole('list', { name: 'Your replies held for review' });
    await held.getByText('Waiting for review').waitFor();
    await held.getByText('no sorry').waitFor();
    assert.equal(await agent.messages(ana, 'no sorry').count(), 0, 'not a message of the conversation yet');

    // Ben, a supervisor, edits and approves it in the Review tab, seeing what the customer asked.
    const ben = await (await newParty(browser)).newPage();
    await agent.signIn(ben, server.url, BEN);
    await agent.openTab(ben, 'Review');
    const item = ben.getByRole('listitem').filter({ has: ben.getByRole('heading', { name: 'Ana Lima to Rosa Diaz' }) });
    await item.getByText('Can I return the Ridgeline tent after 40 days?').waitFor();
    await item.getByRole('button', { name: 'Edit and approve' }).click();
    const editor = item.getByRole('textbox', { name: 'Reply to send to Rosa Diaz' });
    assert.equal(await editor.inputValue(), 'no sorry');
    await editor.fill('Our returns window is 30 days, but we will gladly make an exception for you this time.');
    await item.getByRole('button', { name: 'Approve and send' }).click();
    await ben.getByText('No replies are waiting for review.').waitFor();
    assert.equal(sink.mails.filter((m) => m.text.includes('no sorry')).length, 0, 'the words the supervisor replaced never went out');

    const mail = await sink.next((m) => m.text.includes('gladly make an exception'));
    assert.deepEqual(mail.to, ['rosa@example.test']);
    assert.match(mail.text, /Ana Lima\nAcme Outdoor/, 'signed by the agent who wrote it');
    // Ana sees the approved words as her message, and nothing waiting any more.
    await agent.messages(ana, 'gladly make an exception').waitFor();
    await held.waitFor({ state: 'detached' });
    assert.equal(sink.mails.filter((m) => m.text.includes('gladly make an exception')).length, 1);
  });
});
