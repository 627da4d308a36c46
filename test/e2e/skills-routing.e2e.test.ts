/**
 * The ACD end to end: two agents with different skills in the agent app; a billing chat
 * reaches only the agent with the billing skill; an offer nobody answers moves on to the
 * other agent when it times out. Queues are configured through the admin API, as an admin would.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { adminApi, e2eAdminEnv, type AdminApi } from '../support/admin-api.js';
import { useStage } from '../support/stage.js';

describe('skill-based routing and ring-no-answer in the browser', () => {
  const stage = useStage({ env: e2eAdminEnv });
  let admin: AdminApi;
  let ana: Page;
  let ben: Page;

  before(async () => {
    admin = adminApi(stage.server.url);
    // The demo seed has Support (everyone) and Billing (needs the billing skill); make the
    // skills explicit and the ring time short, as an admin would.
    const queues = (await admin('GET', '/admin/queues')) as { id: string; slug: string }[];
    for (const q of queues) await admin('PATCH', `/admin/queues/${q.id}`, { offerTimeoutMs: 5_000, retryDelayMs: 60_000 });
    await admin('PATCH', `/admin/queues/${await admin.queueId('billing')}`, { requiredSkills: { billing: 2 } });
    await admin('PATCH', `/admin/agents/${await admin.agentId(ANA.email)}/routing`, { skills: { billing: 3 } });
    await admin('PATCH', `/admin/agents/${await admin.agentId(BEN.email)}/routing`, { skills: {} });

    ana = await stage.page();
    ben = await stage.page();
    await agent.signIn(ana, stage.server.url, ANA);
    await agent.signIn(ben, stage.server.url, BEN);
  });

  it('offers a billing chat only to the agent with the billing skill', async () => {
    const customer = await stage.page();
    await customer.goto(`${stage.server.url}/demo/billing.html`);
    await visitor.openChat(customer);
    await visitor.send(customer, 'I was charged twice this month.');
    const accept = ana.getByRole('button', { name: /^Accept chat from/ });
    await accept.waitFor();
    assert.equal(await ana.getByText('Queue: Billing').count(), 1);
    assert.equal(await ben.getByRole('button', { name: /^Accept chat from/ }).count(), 0, 'Ben has no billing skill');
    await accept.click();
    await customer.getByRole('log').getByText(`${ANA.name} joined the chat`).waitFor();
  });

  it('moves an offer nobody answers to the other agent when it rings out', async () => {
    const customer = await stage.page();
    await customer.goto(`${stage.server.url}/`);
    await visitor.openChat(customer);
    await visitor.send(customer, 'Do you ship to Norway?');
    // Ben has been idle longest (Ana just took the billing chat), so his app rings first.
    const benOffer = ben.getByRole('button', { name: /^Accept chat from/ });
    await benOffer.waitFor();
    await customer.getByText('You are next in line.', { exact: false }).waitFor();
    // Nobody answers: after the 5 s ring time the offer leaves Ben and reaches Ana.
    await ana.getByRole('button', { name: /^Accept chat from/ }).waitFor({ timeout: 15_000 });
    await benOffer.waitFor({ state: 'detached' });
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.messages(ana, 'Do you ship to Norway?').waitFor();
  });
});
