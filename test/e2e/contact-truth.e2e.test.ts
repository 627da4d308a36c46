/**
 * What the widget and the wallboard say is true, end to end: "Call us" only when an agent who
 * takes calls can answer soon (a callback otherwise); a chat transferred to a colleague shows
 * on the wallboard under the colleague and no longer under the agent who let it go; and a
 * visitor whose only agent is held in a wrap-up that waits for a disposition reads one notice
 * that nobody can answer soon, with the alternatives, not "under a minute".
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { adminApi, e2eAdminEnv, type AdminApi } from '../support/admin-api.js';
import { useStage } from '../support/stage.js';

describe('the widget and the wallboard tell the truth', () => {
  const stage = useStage({ env: e2eAdminEnv });
  let admin: AdminApi;
  let ana: Page;
  let ben: Page;

  const setStatus = (page: Page, value: string) => page.getByRole('combobox', { name: 'Your status' }).selectOption(value);

  async function customer(): Promise<Page> {
    const page = await stage.page();
    await page.goto(`${stage.server.url}/`);
    await visitor.openChat(page);
    return page;
  }

  /** Waits until the wallboard's row of `name` shows this state and number of contacts. */
  async function boardShows(name: string, state: string, contacts: number): Promise<void> {
    await ben.waitForFunction(
      ({ name, state, contacts }) => {
        const board = document.querySelector('sb-agent-app')?.shadowRoot?.querySelector('sb-workspace')?.shadowRoot?.querySelector('sb-wallboard')?.shadowRoot;
        const row = [...(board?.querySelectorAll('tr[data-agent]') ?? [])].find((r) => r.querySelector('th')!.textContent!.trim() === name);
        const cells = [...(row?.querySelectorAll('td') ?? [])].map((c) => c.textContent!.trim());
        return cells[0] === state && cells[2] === String(contacts);
      },
      { name, state, contacts },
    );
  }

  before(async () => {
    admin = adminApi(stage.server.url);
    // Ana answers chats only; Ben also takes calls. Support waits for an outcome after each contact.
    await admin('PATCH', `/admin/agents/${await admin.agentId(ANA.email)}/routing`, { capacity: { chat: 3, voice: 0, email: 5, message: 5 } });
    await admin('PATCH', `/admin/queues/${await admin.queueId('support')}`, { dispositionRequired: true });
    ana = await stage.page();
    ben = await stage.page();
    await agent.signIn(ana, stage.server.url, ANA);
    await agent.signIn(ben, stage.server.url, BEN);
    await setStatus(ben, 'away:meeting');
    await agent.openTab(ben, 'Wallboard');
    await boardShows('Ben Okafor', 'Away: meeting', 0);
  });

  it('offers "Call us" only when an agent who takes calls is free, and a callback otherwise', async () => {
    const first = await customer();
    await first.getByRole('button', { name: 'Call me back' }).waitFor();
    assert.equal(await first.getByRole('button', { name: 'Call us from your browser' }).count(), 0, 'Ana is signed in, but takes no calls');
    await first.getByRole('button', { name: 'Call me back' }).click();
    await first.getByRole('form', { name: 'Ask us to call you back' }).waitFor();
    await first.context().close();

    await setStatus(ben, 'available');
    await boardShows('Ben Okafor', 'Available', 0);
    const second = await customer();
    await second.getByRole('button', { name: 'Call us from your browser' }).waitFor();
    assert.equal(await second.getByRole('button', { name: 'Call me back' }).count(), 0);
    await second.context().close();
  });

  it('shows a chat transferred to a colleague under the colleague, and no longer under the agent who let it go', async () => {
    await setStatus(ben, 'away:meeting');
    const rosa = await customer();
    await visitor.send(rosa, 'Can someone check my invoice?');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await visitor.messages(rosa, 'Can someone check my invoice?').waitFor();
    await boardShows('Ana Lima', 'On contact', 1);
    await setStatus(ben, 'available');
    await boardShows('Ben Okafor', 'Available', 0);

    await ana.keyboard.press('Alt+KeyT');
    await ana.getByRole('combobox', { name: 'Transfer to' }).selectOption({ label: 'Ben Okafor' });
    await ana.getByRole('button', { name: 'Transfer now' }).click();
    await rosa.getByText('You were transferred to Ben Okafor.').waitFor();
    await boardShows('Ben Okafor', 'On contact', 1);
    await boardShows('Ana Lima', 'Available', 0);
    await ben.getByRole('button', { name: 'Monitor chat 1 of Ben Okafor' }).waitFor();
    assert.equal(await ben.getByRole('button', { name: 'Monitor chat 1 of Ana Lima' }).count(), 0, 'no ghost contact left with Ana');
    await rosa.context().close();
  });

  it('tells a visitor once, with the alternatives, that nobody can answer soon while the only agent is held in wrap-up', async () => {
    await setStatus(ben, 'away:meeting');
    const first = await customer();
    await visitor.send(first, 'Quick question about delivery.');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.reply(ana, 'It ships tomorrow.');
    await visitor.messages(first, 'It ships tomorrow.').waitFor();
    await ana.getByRole('button', { name: 'End conversation' }).click();
    await ana.getByText('Record the outcome of the conversation to receive new chats.').waitFor();
    await boardShows('Ana Lima', 'Wrap-up', 0);

    const next = await customer();
    // Before writing, the alternatives themselves say that nobody can answer soon.
    await next.getByText(/^Nobody can answer soon/).waitFor();
    await visitor.send(next, 'Hello?');
    await visitor.messages(next, 'Hello?').waitFor();
    const notice = next.getByRole('status').filter({ hasText: 'No agent is available right now.' });
    await notice.waitFor();
    // One notice: no place in line promising "shortly", no second notice beside it.
    assert.equal(await next.getByText(/in line|under a minute|Nobody can answer|The wait is about/).count(), 0);
    assert.equal(await next.getByText('No agent is available right now.', { exact: false }).count(), 1);
    await next.getByRole('button', { name: 'Leave a message' }).waitFor();
    assert.equal(await next.getByRole('button', { name: 'Call me back' }).count(), 1);
  });
});
