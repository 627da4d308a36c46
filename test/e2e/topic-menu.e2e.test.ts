/**
 * The topic menu as its people meet it: an admin sets "Orders" (answered from the knowledge base
 * first) and "Billing" through the API; a visitor on a phone sees the menu before the chat, reads
 * the Orders articles, goes back, picks Billing by keyboard, changes their mind once more before
 * writing, fills in Billing's pre-chat form, and the chat reaches the agent with the billing skill,
 * in the Billing queue, with the topic.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { adminApi, E2E_ADMIN, e2eAdminEnv, type AdminApi } from '../support/admin-api.js';
import { useStage } from '../support/stage.js';

describe('topic menu before the chat', () => {
  const stage = useStage({ env: e2eAdminEnv });
  let admin: AdminApi;
  let ana: Page;
  let ben: Page;
  let customer: Page;
  const framesSent: string[] = [];

  before(async () => {
    admin = adminApi(stage.server.url);
    // Billing needs the billing skill: Ana has it, Ben has not.
    // Billing also asks a first-time visitor for their e-mail: the form follows the topic.
    await admin('PATCH', `/admin/queues/${await admin.queueId('billing')}`, { requiredSkills: { billing: 2 }, preChatForm: { enabled: true, fields: { name: 'off', email: 'required', phone: 'off' }, consent: null, custom: [] } });
    await admin('PATCH', `/admin/agents/${await admin.agentId(ANA.email)}/routing`, { skills: { billing: 3 } });
    await admin('PATCH', `/admin/agents/${await admin.agentId(BEN.email)}/routing`, { skills: {} });
    ana = await stage.page();
    ben = await stage.page();
    customer = await stage.page({ viewport: { width: 360, height: 740 } });
    customer.on('websocket', (ws) => ws.on('framesent', (f) => framesSent.push(String(f.payload))));
  });

  it('an admin sets the topics through the API', async () => {
    const saved = await admin('PUT', '/admin/topic-menu', {
      topics: [
        { label: 'Orders', labels: { de: 'Bestellungen' }, queue: 'support', articleSearch: 'shipping' },
        { label: 'Billing', queue: 'billing' },
      ],
    });
    assert.equal((saved as { topics: unknown[] }).topics.length, 2);
  });

  it('the visitor sees the menu first, reads the Orders articles and comes back', async () => {
    await agent.signIn(ana, stage.server.url, ANA);
    await agent.signIn(ben, stage.server.url, BEN);
    await customer.goto(`${stage.server.url}/`);
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const menu = customer.getByRole('group', { name: 'What can we help you with?' });
    await menu.waitFor();
    assert.equal(await customer.getByRole('textbox', { name: 'Your message' }).count(), 0, 'the menu comes before the composer');
    const fits = await customer.locator('sb-topic-menu').evaluate((el) => el.shadowRoot!.querySelector('.menu')!.scrollWidth <= el.clientWidth);
    assert.ok(fits, 'the menu fits 360 px without scrolling sideways');

    await menu.getByRole('button', { name: 'Orders' }).click();
    await customer.getByText('These articles may help with Orders:').waitFor();
    await customer.getByRole('button', { name: 'Shipping times and costs' }).waitFor();
    await customer.getByRole('button', { name: 'Back to topics' }).click();
    await menu.waitFor();
  });

  it('picks Billing by keyboard, may change it before writing, fills in its form, and the chat reaches the billing agent with the topic', async () => {
    const billing = customer.getByRole('group', { name: 'What can we help you with?' }).getByRole('button', { name: 'Billing' });
    await billing.focus();
    await billing.press('Enter');
    await customer.getByText('Topic: Billing').waitFor();
    const email = customer.getByRole('textbox', { name: 'Your e-mail address (required)' });
    await email.waitFor();

    // Second thoughts: back to the menu, and Billing again.
    await customer.getByRole('button', { name: 'Change topic' }).click();
    await customer.getByRole('group', { name: 'What can we help you with?' }).getByRole('button', { name: 'Billing' }).click();
    await customer.getByText('Topic: Billing').waitFor();
    assert.ok(!framesSent.some((f) => f.includes('conversation.start')), 'nothing was started while choosing');

    await email.fill('mia@example.com');
    await customer.getByRole('textbox', { name: 'How can we help? (optional)' }).fill('I was charged twice this month.');
    await customer.getByRole('button', { name: 'Start chat' }).click();
    await visitor.messages(customer, 'I was charged twice this month.').waitFor();
    await customer.getByRole('textbox', { name: 'Your message' }).waitFor();
    assert.equal(await customer.getByRole('button', { name: 'Change topic' }).count(), 0, 'once written, the topic stays');
    const start = framesSent.map((f) => JSON.parse(f) as { type: string; queue?: string; topic?: string }).find((f) => f.type === 'conversation.start');
    assert.deepEqual([start?.queue, start?.topic], ['billing', 'Billing']);

    const accept = ana.getByRole('button', { name: /^Accept chat from/ });
    await accept.waitFor();
    assert.equal(await ana.getByText('Queue: Billing').count(), 1);
    assert.equal(await ben.getByRole('button', { name: /^Accept chat from/ }).count(), 0, 'Ben has no billing skill');
    await accept.click();
    await agent.messages(ana, 'I was charged twice this month.').waitFor();
    await ana.getByText('About this conversation').waitFor();
    await ana.getByRole('term').filter({ hasText: 'Topic' }).waitFor();
    await ana.getByRole('definition').filter({ hasText: /^Billing$/ }).waitFor();
    await ana.getByText('mia@example.com').first().waitFor();
  });

  it('an admin reorders the topics in the agent app and saves them', async () => {
    const page = await stage.page();
    await agent.signIn(page, stage.server.url, E2E_ADMIN);
    await agent.openTab(page, 'Invitations');
    await page.getByRole('heading', { name: 'Topic menu' }).waitFor();
    const label = page.getByRole('textbox', { name: 'Label' });
    await label.nth(1).waitFor();
    assert.deepEqual(await label.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)), ['Orders', 'Billing']);
    const up = page.getByRole('button', { name: 'Move up: Billing' });
    await up.focus();
    await up.press('Enter');
    await page.getByRole('button', { name: 'Save topic menu' }).click();
    await page.getByText('Topic menu saved.').waitFor();
    const menu = (await admin('GET', '/admin/topic-menu')) as { topics: { label: string; queue: string }[] };
    assert.deepEqual(menu.topics.map((t) => [t.label, t.queue]), [['Billing', 'billing'], ['Orders', 'support']]);
  });
});
