/** The supervisor's wallboard in the agent app, live: a contact goes from waiting to answered, an agent changes state. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

describe('the supervisor wallboard and reports', () => {
  const stage = useStage();
  let supervisor: Page;
  let ana: Page;
  let customer: Page;

  before(async () => {
    supervisor = await stage.page();
    ana = await stage.page();
  });

  const supportRow = () => supervisor.getByRole('row', { name: /^Support/ });
  const anaRow = () => supervisor.getByRole('row', { name: /^Ana Lima/ });

  it('shows a waiting contact, then the same contact answered and the agent on it', async () => {
    await agent.signIn(supervisor, stage.server.url, BEN);
    await supervisor.getByRole('combobox', { name: 'Your status' }).selectOption('away:meeting');
    await agent.openTab(supervisor, 'Wallboard');
    await supportRow().getByRole('cell').first().waitFor();

    await agent.signIn(ana, stage.server.url, ANA);
    await ana.getByRole('combobox', { name: 'Your status' }).selectOption('away:lunch');
    await anaRow().getByText('Away: lunch').first().waitFor(); // the state, not the same words in the row's menu

    customer = await stage.page();
    await customer.goto(`${stage.server.url}/`);
    await visitor.openChat(customer);
    await visitor.send(customer, 'Is anyone there?');
    // Waiting 1, offered 1, answered 0; nobody available, so the waiting count is flagged.
    await supervisor.locator('tr[data-queue] td.alert', { hasText: '1' }).waitFor();

    await ana.getByRole('combobox', { name: 'Your status' }).selectOption('available');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await anaRow().getByText('On contact').waitFor();
    // Waiting 0, offered 1, answered 1 (cells: name, waiting, longest, expected, offered, answered).
    await supervisor.waitForFunction(() => {
      const board = document.querySelector('sb-agent-app')!.shadowRoot!.querySelector('sb-workspace')!.shadowRoot!.querySelector('sb-wallboard')!.shadowRoot!;
      const row = [...board.querySelectorAll('tr[data-queue]')].find((r) => r.textContent!.includes('Support'))!;
      const cells = [...row.querySelectorAll('td')].map((c) => c.textContent!.trim());
      return cells[0] === '0' && cells[3] === '1' && cells[4] === '1' && cells[6] === '100%';
    });
  });

  it('reports the day in the Reports tab, with a chart and a CSV export', async () => {
    await agent.openTab(supervisor, 'Reports');
    const reports = supervisor.locator('sb-reports');
    await reports.getByRole('row', { name: /Everything/ }).waitFor();
    const cells = await reports.getByRole('row', { name: /Everything/ }).getByRole('cell').allInnerTexts();
    // Interval, group, offered, answered, abandoned, SL.
    assert.deepEqual(cells.slice(2, 6), ['1', '1', '0', '100%']);
    await reports.locator('.chart canvas').waitFor();
    const href = await reports.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await supervisor.request.get(`${stage.server.url}${href}`);
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /^bucket,key,label,offered,answered/);
  });

  it('lets the supervisor watch Ana’s chat, whisper to her alone, and then join it', async () => {
    await agent.openTab(supervisor, 'Wallboard');
    await supervisor.getByRole('button', { name: 'Monitor chat 1 of Ana Lima' }).click();
    await supervisor.getByText('Monitoring (the visitor and the agent do not see you)').waitFor();
    await agent.messages(supervisor, 'Is anyone there?').waitFor();

    const whisper = supervisor.getByRole('textbox', { name: /^Whisper to Ana Lima/ });
    await whisper.fill('Mention the free returns.');
    await whisper.press('Enter');
    await ana.locator('sb-conversation-view').getByText('Whisper from Ben Okafor:').waitFor();
    await ana.locator('sb-conversation-view').getByText('Mention the free returns.').waitFor();

    await visitor.send(customer, 'Hello again?');
    await agent.messages(supervisor, 'Hello again?').waitFor();
    await supervisor.getByRole('button', { name: 'Join the conversation' }).click();
    await customer.getByRole('log').getByText(`${BEN.name} joined the chat`).waitFor();
    await agent.reply(supervisor, 'Hi, I am the supervisor. Returns are free!');
    await visitor.messages(customer, 'Hi, I am the supervisor. Returns are free!').waitFor();
    assert.equal(await customer.getByText('Mention the free returns.').count(), 0, 'the visitor never sees the whisper');
  });
});
