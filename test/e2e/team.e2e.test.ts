/**
 * The team, end to end: an admin invites an agent from the Team tab and copies the link; the
 * agent accepts it in another browser (a weak password first), takes a visitor's chat, and is
 * deactivated mid-conversation: their app says so and the chat goes back to the queue, where the
 * next agent gets it. A used link and demoting the only admin are refused and change nothing.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { adminApi, E2E_ADMIN, e2eAdminEnv, type AdminApi } from '../support/admin-api.js';
import { useStage } from '../support/stage.js';

const DANA = { name: 'Dana Reyes', email: 'dana@e2e.local', password: 'juniper-harbor-quilt-42' };

describe('the team in the agent app', () => {
  const stage = useStage({ env: e2eAdminEnv });
  let api: AdminApi;
  let admin: Page;
  let invitation = '';

  const teamRow = (name: string) => admin.getByRole('table', { name: 'Team' }).getByRole('row').filter({ has: admin.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });

  before(async () => {
    api = adminApi(stage.server.url);
    const context = await stage.party();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stage.server.url });
    admin = await context.newPage();
    await agent.signIn(admin, stage.server.url, E2E_ADMIN);
    await agent.openTab(admin, 'Team');
    await teamRow('Administrator').waitFor();
  });

  it('invites an agent who accepts in another browser, takes a chat, and is deactivated mid-conversation: the chat goes back to the queue', async () => {
    // The admin adds Dana by invitation and copies the link from the dialog that shows it once.
    await admin.getByRole('textbox', { name: 'Name', exact: true }).fill(DANA.name);
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(DANA.email);
    await admin.getByRole('checkbox', { name: 'English' }).check();
    await admin.getByRole('button', { name: 'Add and create the invitation link' }).click();
    const dialog = admin.getByRole('dialog', { name: `Invitation link for ${DANA.name}` });
    await dialog.getByText('It will not be shown again.').waitFor();
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByText('Copied to the clipboard.').waitFor();
    invitation = await admin.evaluate(() => navigator.clipboard.readText());
    assert.equal(invitation, await dialog.getByRole('textbox', { name: 'Invitation link' }).inputValue());
    assert.match(invitation, new RegExp(`^${stage.server.url.replace('127.0.0.1', '(127\\.0\\.0\\.1|localhost)')}/agent/#/invite/[\\w-]{40,}$`));
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await teamRow(DANA.name).filter({ hasText: 'Invited' }).waitFor();

    // The same address again: refused beside the field, and nobody is added.
    await admin.getByRole('textbox', { name: 'Name', exact: true }).fill('Dana Again');
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(DANA.email);
    await admin.getByRole('button', { name: 'Add and create the invitation link' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Already in the team.' }).waitFor();
    assert.equal(await teamRow('Dana Again').count(), 0);

    // Dana serves the support queue; the demo agents are not signed in, so she is the only one online.
    const team = (await api('GET', '/team')) as { id: string; email: string }[];
    const danaId = team.find((m) => m.email === DANA.email)!.id;
    const queues = (await api('GET', '/admin/queues')) as { id: string; slug: string; members: object[] }[];
    const support = queues.find((q) => q.slug === 'support')!;
    await api('PUT', `/admin/queues/${support.id}/members`, [...support.members, { agentId: danaId, tier: 1, position: 0 }]);

    // Dana opens the link in her own browser: a weak password first, then a good one.
    const dana = await stage.page();
    await dana.goto(invitation);
    await dana.getByRole('heading', { name: `Welcome to Switchboard, ${DANA.name} — choose your password` }).waitFor();
    assert.equal(await dana.getByRole('textbox', { name: 'Your name' }).inputValue(), DANA.name);
    await dana.getByLabel('New password', { exact: true }).fill('dana12345678');
    await dana.getByLabel('New password again').fill('dana12345678');
    await dana.getByRole('button', { name: 'Join the team' }).click();
    await dana.getByRole('alert').filter({ hasText: 'too easy to guess' }).waitFor();
    await dana.getByLabel('New password', { exact: true }).fill(DANA.password);
    await dana.getByLabel('New password again').fill(DANA.password);
    await dana.getByRole('button', { name: 'Join the team' }).click();
    const status = dana.getByRole('combobox', { name: 'Your status' });
    await status.waitFor();
    assert.ok(!dana.url().includes('#/invite/'), 'the link leaves the address bar once taken');
    await status.selectOption('available');

    // A visitor chats; Dana gets the offer, accepts and replies.
    const customer = await stage.page();
    await customer.goto(`${stage.server.url}/`);
    await visitor.openChat(customer);
    await visitor.send(customer, 'My tent pole snapped, can you help?');
    await dana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.reply(dana, 'Sorry to hear that, I am on it.');
    await visitor.messages(customer, 'Sorry to hear that, I am on it.').waitFor();
    await customer.getByRole('log').getByText(`${DANA.name} joined the chat`).waitFor();
    assert.equal(await customer.getByText('No agent is available right now.').count(), 0, 'an agent is with the visitor');

    // The admin deactivates Dana mid-conversation, after a confirmation naming what happens.
    await admin.getByRole('button', { name: `Deactivate ${DANA.name}` }).click();
    const confirm = admin.getByRole('dialog', { name: `Deactivate ${DANA.name}?` });
    await confirm.waitFor();
    // The consequences are slotted into the dialog: in the page, not in the dialog element's own subtree.
    await admin.getByText('go back to the head of their queues').waitFor();
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await teamRow(DANA.name).filter({ hasText: 'Deactivated' }).waitFor();

    // Dana's app is back at the sign-in form, saying why; the visitor is waiting in line again.
    await dana.getByRole('alert').filter({ hasText: 'Your account was deactivated by an admin' }).waitFor();
    await dana.getByRole('button', { name: 'Sign in' }).waitFor();
    // Nobody else is online, so the widget says the visitor waits for the next agent to come back.
    await customer.getByText('No agent is available right now.').waitFor();

    // The next agent to come online is offered the same conversation.
    const ana = await stage.page();
    await agent.signIn(ana, stage.server.url, ANA);
    await ana.getByRole('combobox', { name: 'Your status' }).selectOption('available');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.messages(ana, 'My tent pole snapped, can you help?').waitFor();
    await agent.messages(ana, 'Sorry to hear that, I am on it.').waitFor();
  });

  it('says a used invitation link no longer works', async () => {
    assert.ok(invitation, 'the first test copied a link');
    const page = await stage.page();
    await page.goto(invitation);
    await page.getByRole('alert').filter({ hasText: 'This link has expired or was used already. Ask your admin for a new one.' }).waitFor();
    assert.equal(await page.getByLabel('New password', { exact: true }).count(), 0);
  });

  it('refuses to demote the only admin, clearly, and nothing changes', async () => {
    const role = admin.getByRole('combobox', { name: 'Role of Administrator' });
    await role.selectOption('agent');
    await teamRow('Administrator').getByText('Active').waitFor();
    await admin.getByRole('alert').filter({ hasText: 'The last active admin cannot be given another role; make someone else admin first.' }).waitFor();
    assert.equal(await role.inputValue(), 'admin');
    const stored = (await api('GET', '/team')) as { email: string; role: string }[];
    assert.equal(stored.find((m) => m.email === E2E_ADMIN.email)!.role, 'admin');
    // Still an admin in this window: the session was not ended.
    await agent.openTab(admin, 'Team');
    await teamRow('Administrator').waitFor();
  });
});
