/**
 * Quality control end to end, one browser context per person: the admin writes a scorecard in the
 * Quality tab; Ana handles and finishes a chat; Ben (supervisor) finds it proposed for review,
 * scores it and leaves a comment; Ana reads her score and the comment; the Reports tab shows the
 * week's quality beside her handle time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eAdminEnv, E2E_ADMIN } from '../support/admin-api.js';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

describe('quality reviews in the agent app', () => {
  const stage = useStage({ env: e2eAdminEnv });

  const signedIn = async (login: { email: string; password: string }): Promise<Page> => {
    const page = await stage.page();
    await agent.signIn(page, stage.server.url, login);
    return page;
  };

  it('lets an admin write a scorecard, a supervisor score a proposed chat, and the agent read the score and the comment', async () => {
    const admin = await signedIn(E2E_ADMIN);
    await agent.openTab(admin, 'Quality');
    await admin.getByText('No scorecard yet.', { exact: false }).waitFor();
    await admin.getByRole('button', { name: 'New scorecard' }).click();
    const editor = admin.getByRole('form', { name: 'New scorecard' });
    await editor.getByLabel('Name', { exact: true }).fill('Chat basics');
    await editor.getByLabel('What is checked').fill('Greeted the customer by name');
    await editor.getByRole('button', { name: 'Add a criterion' }).click();
    await editor.getByLabel('What is checked').nth(1).fill('Tone');
    await editor.getByRole('group', { name: 'Criterion 2' }).getByRole('combobox', { name: /^Answer/ }).selectOption({ label: 'Scale from 1 to 5' });
    await editor.getByRole('group', { name: 'Criterion 2' }).getByLabel('Weight').fill('2');
    await editor.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('heading', { name: 'Chat basics' }).waitFor();
    await admin.getByText('2 criteria').waitFor();
    await agent.signOut(admin);

    // Ana answers a chat and finishes it.
    const ana = await signedIn(ANA);
    const customer = await stage.page();
    await customer.goto(`${stage.server.url}/`);
    await visitor.openChat(customer);
    await visitor.send(customer, 'Where is my order?');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.reply(ana, 'It left the warehouse this morning.');
    await visitor.messages(customer, 'It left the warehouse this morning.').waitFor();
    await ana.getByRole('button', { name: 'End conversation' }).click();

    // Ben finds it proposed, scores it: no greeting by name, a good tone.
    const ben = await signedIn(BEN);
    await agent.openTab(ben, 'Quality');
    await ben.getByRole('heading', { name: 'Chat handled by Ana Lima' }).waitFor();
    await ben.getByRole('button', { name: /^Score: Chat handled by Ana Lima/ }).click();
    const form = ben.getByRole('form', { name: /^Score: Chat handled by Ana Lima/ });
    // Saving with a question unanswered is stopped by the browser; nothing is stored.
    await form.getByRole('button', { name: 'Save the score' }).click();
    assert.ok((await form.locator('input:invalid').count()) > 0, 'the unanswered questions are marked');
    await ben.getByRole('region', { name: 'Latest reviews' }).getByText('No reviews in the last 30 days.', { exact: false }).waitFor();
    await form.getByRole('group', { name: 'Greeted the customer by name' }).getByLabel('No').check();
    await form.getByRole('group', { name: 'Tone' }).getByLabel('4', { exact: true }).check();
    await form.getByLabel('Comment for the agent').fill('Greet the customer by name next time.');
    await form.getByRole('button', { name: 'Save the score' }).click();
    // 0 of 1 for the greeting, 0.75 × 2 for the tone: 1.5 of 3.
    await ben.getByRole('region', { name: 'Latest reviews' }).getByLabel('Score 50 of 100').waitFor();
    await ben.getByText('Nothing to propose yet.', { exact: false }).waitFor();

    // The Reports tab: the week's quality beside the handle time.
    await agent.openTab(ben, 'Reports');
    const quality = ben.getByRole('table', { name: 'Quality by week' });
    const row = quality.getByRole('row').filter({ hasText: 'Ana Lima' });
    await row.getByRole('cell', { name: '50', exact: true }).waitFor();

    // Ana reads it, with the comment and each answer.
    await agent.openTab(ana, 'Quality');
    const mine = ana.getByRole('region', { name: 'Reviews of your conversations' });
    await mine.getByLabel('Score 50 of 100').waitFor();
    await mine.getByText('Greet the customer by name next time.').waitFor();
    await mine.getByText('Answers').click();
    await mine.getByText('4 of 5').waitFor();
    for (const page of [ana, ben, customer]) await page.context().close();
  });
});
