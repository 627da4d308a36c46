/**
 * Calling a visitor back on the web, end to end: an agent in a chat calls the visitor from the
 * customer pane, the visitor's widget rings, and an accepted call carries audio both ways over a
 * real WebRTC connection between two Chromium contexts (fake microphones, loopback only). A
 * declined call is in the timeline; a visitor who turned calls off is not rung; an outsider is refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { adminApi, e2eAdminEnv } from '../support/admin-api.js';
import { LOOPBACK_ONLY_ICE } from '../support/browser.js';
import { AGENT_CALL, audioArrives, VISITOR_CALL } from '../support/call-stats.js';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

describe('calling a visitor back in the browser', () => {
  const stage = useStage({ media: true, env: e2eAdminEnv });

  async function party(): Promise<Page> {
    const context = await stage.party();
    await context.addInitScript(LOOPBACK_ONLY_ICE);
    return context.newPage();
  }

  /** The web-call route as the page's signed-in agent calls it: status and error reason. */
  const webCall = (page: Page, method: 'GET' | 'POST', conversationId: string) =>
    page.evaluate(
      async ([m, id]) => {
        const r = await fetch(`/api/conversations/${id}/web-call`, { method: m });
        const body = (await r.json()) as { available?: boolean; reason?: string; error?: { reason: string } };
        return { status: r.status, reason: body.error?.reason ?? body.reason };
      },
      [method, conversationId] as const,
    );

  it('rings the visitor’s widget; accepted, audio flows both ways; declined, the timeline says so; calls turned off ring nothing; outsiders are refused', async () => {
    const ana = await party();
    await agent.signIn(ana, stage.server.url, ANA);
    const guest = await party();
    await guest.goto(`${stage.server.url}/`);
    await visitor.openChat(guest);
    await visitor.send(guest, 'Could you call me? Typing is hard on this phone.');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.messages(ana, 'Could you call me?').waitFor();
    const conversationId = await ana.evaluate(async () => {
      const mine = (await (await fetch('/api/conversations')).json()) as { id: string; status: string }[];
      return mine.find((c) => c.status === 'active')!.id;
    });

    // The agent calls from the customer pane; the visitor's widget rings with who is calling.
    const callButton = ana.getByRole('button', { name: 'Call in browser' });
    await callButton.and(ana.locator(':enabled')).waitFor();
    const started = Date.now();
    await callButton.click();
    const ring = guest.getByRole('alertdialog', { name: `${ANA.name} from Northwind is calling` });
    await ring.waitFor();
    const ringMs = Date.now() - started;
    await ana.getByRole('status').filter({ hasText: 'Ringing…' }).waitFor();
    // The focus is on Accept: the visitor answers with the keyboard.
    const acceptButton = ring.getByRole('button', { name: 'Accept' });
    assert.equal(await acceptButton.evaluate((el) => el.matches(':focus')), true, 'the ring takes the focus');
    await guest.keyboard.press('Enter');

    // Once accepted it is an ordinary call: the call controls on both sides, audio both ways.
    const connectStarted = Date.now();
    await guest.getByRole('group', { name: 'Call' }).getByText(`On a call with ${ANA.name}`).waitFor();
    await ana.getByRole('group', { name: /^Call with/ }).waitFor();
    await audioArrives(guest, VISITOR_CALL);
    await audioArrives(ana, AGENT_CALL);
    const audioMs = Date.now() - connectStarted;
    await ring.waitFor({ state: 'detached' });

    // The visitor hangs up: the call ends, the chat goes on.
    await guest.getByRole('button', { name: 'Hang up' }).click();
    await ana.getByRole('group', { name: /^Call with/ }).waitFor({ state: 'detached' });
    await visitor.send(guest, 'Thanks, that helped.');
    await agent.messages(ana, 'Thanks, that helped.').waitFor();

    // Called again, the visitor declines: the agent sees it, and the timeline keeps it.
    await callButton.and(ana.locator(':enabled')).waitFor();
    await callButton.click();
    await ring.waitFor();
    await ring.getByRole('button', { name: 'Decline' }).click();
    await ana.getByText('The visitor declined the call.').waitFor();
    await ana.getByRole('log').getByText(/declined a call from Ana Lima/).waitFor();
    await guest.getByRole('log').getByText(`You declined a call from ${ANA.name}.`).waitFor();

    // The visitor turns calls off: the route answers 409 and nothing rings.
    await guest.getByRole('checkbox', { name: 'Agents may call me here' }).uncheck();
    let refused = await webCall(ana, 'POST', conversationId);
    // The setting's ack and the route race only in the test: ask until the server has it.
    for (let i = 0; i < 20 && refused.status !== 409; i++) refused = await webCall(ana, 'POST', conversationId);
    assert.deepEqual(refused, { status: 409, reason: 'web-calls-off' });
    assert.deepEqual(await webCall(ana, 'GET', conversationId), { status: 200, reason: 'calls-off' });
    assert.equal(await guest.getByRole('alertdialog').count(), 0, 'nothing rang');

    // An agent who is not a party to the conversation is told it does not exist.
    const admin = adminApi(stage.server.url);
    await admin('PATCH', `/team/${await admin.agentId(BEN.email)}`, { role: 'agent' });
    const outsider = await party();
    await agent.signIn(outsider, stage.server.url, BEN);
    assert.deepEqual(await webCall(outsider, 'POST', conversationId), { status: 404, reason: 'not-found' });
    assert.deepEqual(await webCall(outsider, 'GET', conversationId), { status: 404, reason: 'not-found' });

    console.log(`web call: ring shown ${ringMs} ms after the click; audio both ways ${audioMs} ms after Accept`);
    for (const page of [ana, guest, outsider]) await page.context().close();
  });
});
