/**
 * A call placed from the topic menu: the visitor picks Billing, presses Call, and the call rings
 * in the Billing queue (not the page's Support queue) for the agent with the billing skill, with
 * the topic on it. Fake microphones; every packet on loopback.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { LOOPBACK_ONLY_ICE } from '../support/browser.js';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { adminApi, e2eAdminEnv } from '../support/admin-api.js';
import { useStage } from '../support/stage.js';

describe('calls from the topic menu', () => {
  const stage = useStage({ env: e2eAdminEnv, media: true });
  const framesSent: string[] = [];
  let ana: Page;
  let caller: Page;

  async function party(): Promise<Page> {
    const context = await stage.party();
    await context.addInitScript(LOOPBACK_ONLY_ICE);
    return context.newPage();
  }

  before(async () => {
    await adminApi(stage.server.url)('PUT', '/admin/topic-menu', {
      topics: [
        { label: 'Orders', queue: 'support' },
        { label: 'Billing', queue: 'billing' },
      ],
    });
    ana = await party();
    caller = await party();
    caller.on('websocket', (ws) => ws.on('framesent', (f) => framesSent.push(String(f.payload))));
  });

  it('a call after choosing Billing rings in the billing queue, with the topic', async () => {
    await agent.signIn(ana, stage.server.url, ANA);
    await caller.goto(`${stage.server.url}/`);
    await visitor.openChat(caller);
    await caller.getByRole('group', { name: 'What can we help you with?' }).getByRole('button', { name: 'Billing' }).click();
    await caller.getByText('Topic: Billing').waitFor();
    await caller.getByRole('button', { name: 'Call us from your browser' }).click();
    await caller.getByRole('group', { name: 'Call' }).waitFor();

    // The offer names the queue it rings in.
    const offer = ana.getByRole('listitem').filter({ hasText: 'Call from' }).filter({ hasText: 'Queue: Billing' });
    await offer.first().waitFor();
    const start = framesSent.map((f) => JSON.parse(f) as { type: string; queue?: string; topic?: string }).find((f) => f.type === 'call.start');
    assert.deepEqual([start?.queue, start?.topic], ['billing', 'Billing'], 'the call request carries the topic and its queue');

    await ana.getByRole('button', { name: /^Answer the call from/ }).first().click();
    await ana.getByRole('group', { name: /^Call with/ }).waitFor();
    await caller.getByRole('group', { name: 'Call' }).getByText(`On a call with ${ANA.name}`).waitFor();
    // The agent sees what the call is about beside it.
    await ana.getByRole('definition').filter({ hasText: 'Billing' }).first().waitFor();
  });
});
