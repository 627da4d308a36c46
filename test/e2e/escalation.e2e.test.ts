/**
 * Escalation to the next tier, end to end: a tier-1 agent escalates a chat with a reason; the
 * visitor reads that a specialist is taking over; the tier-2 agent is offered it and reads the
 * whole conversation, the reason and the customer; escalating past the last tier says so and
 * leaves the chat where it was. The queue's tiers are set through the admin API, as an admin would.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { adminApi, e2eAdminEnv, type AdminApi } from '../support/admin-api.js';
import { useStage } from '../support/stage.js';

describe('escalating a chat to the next tier in the browser', () => {
  const stage = useStage({ env: e2eAdminEnv });
  let admin: AdminApi;

  before(async () => {
    admin = adminApi(stage.server.url);
    // Ana answers first (tier 1); Ben is the specialist (tier 2).
    await admin('PUT', `/admin/queues/${await admin.queueId('support')}/members`, [
      { agentId: await admin.agentId(ANA.email), tier: 1, position: 0 },
      { agentId: await admin.agentId(BEN.email), tier: 2, position: 0 },
    ]);
  });

  it('moves the chat from tier 1 to tier 2 with its history, tells the visitor, and refuses past the last tier', async () => {
    const ana = await stage.page();
    const ben = await stage.page();
    await agent.signIn(ana, stage.server.url, ANA);
    await agent.signIn(ben, stage.server.url, BEN);

    const customer = await stage.page();
    await customer.goto(`${stage.server.url}/`);
    await visitor.openChat(customer);
    await visitor.send(customer, 'My invoice shows a charge I do not recognise.');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    assert.equal(await ben.getByRole('button', { name: /^Accept chat from/ }).count(), 0, 'tier 2 is not offered what tier 1 can take');
    await agent.reply(ana, 'Let me look into that charge.');
    await visitor.messages(customer, 'Let me look into that charge.').waitFor();

    // Ana escalates: the reason is required.
    await ana.getByRole('button', { name: 'Escalate', exact: true }).click();
    await ana.getByRole('textbox', { name: 'Reason (the next agent reads it)' }).fill('Disputed charge: needs a billing specialist.');
    await ana.getByRole('button', { name: 'Escalate now' }).click();
    await customer.getByText('A specialist is taking over your conversation.', { exact: false }).waitFor();

    // Ben is offered it, and reads the whole conversation, Ana's reason and the customer.
    await ben.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.messages(ben, 'My invoice shows a charge I do not recognise.').waitFor();
    await agent.messages(ben, 'Let me look into that charge.').waitFor();
    await ben.getByRole('log').getByText('Escalated to tier 2 by Ana Lima').waitFor();
    await ben.getByText('Disputed charge: needs a billing specialist.').first().waitFor();
    await ben.getByRole('region', { name: /^Customer: / }).waitFor();
    await customer.getByRole('log').getByText(`${BEN.name} joined the chat`).waitFor();

    // Ben is the last tier: the form says so and the chat stays his.
    await ben.getByRole('button', { name: 'Escalate', exact: true }).click();
    await ben.getByRole('textbox', { name: 'Reason (the next agent reads it)' }).fill('Even deeper?');
    await ben.getByRole('button', { name: 'Escalate now' }).click();
    await ben.getByRole('alert').getByText('This queue has no higher tier to escalate to.', { exact: false }).waitFor();
    await agent.reply(ben, 'I can see the duplicate charge; refunding it now.');
    await visitor.messages(customer, 'I can see the duplicate charge; refunding it now.').waitFor();
    for (const page of [customer, ana, ben]) await page.context().close();
  });

  it('shows each agent’s day in the agent activity report after the session', async () => {
    const ben = await stage.page();
    await agent.signIn(ben, stage.server.url, BEN);
    await agent.openTab(ben, 'Reports');
    const table = ben.getByRole('table', { name: 'Agent activity' });
    const anaRow = table.getByRole('row').filter({ hasText: ANA.name });
    await anaRow.waitFor();
    // Ana accepted one chat and escalated it; Ben accepted it: one chat each, on today's row.
    await anaRow.getByRole('cell', { name: 'Chat 1', exact: true }).waitFor();
    await table.getByRole('row').filter({ hasText: BEN.name }).getByRole('cell', { name: 'Chat 1', exact: true }).waitFor();
    assert.match((await anaRow.getByRole('cell').first().textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);
    await ben.context().close();
  });
});
