/**
 * The agent workspace, end to end: a customer who left a message and later chats is one
 * customer at screen pop, with the earlier contact and its note; a canned reply fills in the
 * customer's and the agent's names; a supervisor and the agent see each other viewing; a
 * transfer keeps the whole context; and the help bot hands a visitor over to a person.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

describe('the agent workspace', () => {
  const stage = useStage();

  const pane = (page: Page) => page.getByRole('region', { name: /^Customer: / });

  it('shows an earlier offline message at the screen pop of a chat, fills a canned reply, shows who else is viewing, and keeps the context through a transfer', async () => {
    // Nobody is signed in: Rosa leaves a message.
    const rosa = await stage.page();
    await rosa.goto(`${stage.server.url}/`);
    await rosa.getByRole('button', { name: 'Open chat' }).click();
    await rosa.getByRole('button', { name: 'Leave a message' }).click();
    await rosa.getByRole('textbox', { name: 'Your name' }).fill('Rosa Diaz');
    await rosa.getByRole('textbox', { name: 'Your e-mail address' }).fill('rosa@example.test');
    await rosa.getByRole('textbox', { name: 'Your message' }).fill('My parcel 10449 never arrived.');
    await rosa.getByRole('button', { name: 'Send message' }).click();
    await rosa.getByText(/We received your message/).waitFor();

    // Ana answers the mail and leaves a note for whoever serves Rosa next.
    const ana = await stage.page();
    await agent.signIn(ana, stage.server.url, ANA);
    await ana.getByRole('heading', { name: 'Incoming: Rosa Diaz' }).waitFor();
    await ana.getByRole('button', { name: 'Accept e-mail from Rosa Diaz' }).click();
    await agent.messages(ana, 'My parcel 10449 never arrived.').waitFor();
    await pane(ana).getByRole('textbox', { name: 'Internal note (only agents see it)' }).fill('Sent a replacement parcel on Monday.');
    await pane(ana).getByRole('button', { name: 'Add note' }).click();
    await pane(ana).getByText('Internal note by Ana Lima:').waitFor();
    await agent.reply(ana, 'We are sending a replacement today.');
    await ana.getByRole('button', { name: 'End conversation' }).click();
    await ana.getByText('This conversation has ended.').waitFor();

    // Days later Rosa chats from the same browser: the screen pop shows the earlier e-mail and its note.
    await rosa.reload();
    await visitor.send(rosa, 'Hi, the parcel still has not come.');
    await ana.getByRole('heading', { name: 'Incoming: Rosa Diaz' }).waitFor();
    const contacts = pane(ana).getByRole('list', { name: 'Contacts' }).getByRole('listitem');
    await contacts.filter({ hasText: 'E-mail' }).filter({ hasText: 'Sent a replacement parcel on Monday.' }).waitFor();
    await contacts.filter({ hasText: 'Chat' }).filter({ hasText: 'Hi, the parcel still has not come.' }).waitFor();

    // Keyboard first: accept with Alt+A, insert a canned reply with /hel and Enter, send with Enter.
    await ana.keyboard.press('Alt+KeyA');
    const box = ana.getByRole('textbox', { name: /^Reply to/ });
    await box.waitFor();
    await box.focus();
    await box.pressSequentially('/hel');
    await ana.getByRole('option', { name: /\/hello Greeting/ }).waitFor();
    await box.press('Enter');
    assert.equal(await box.inputValue(), 'Hi Rosa, this is Ana. Thanks for reaching out! How can I help you today?');
    await box.press('Enter');
    await visitor.messages(rosa, 'Hi Rosa, this is Ana. Thanks for reaching out! How can I help you today?').waitFor();

    // Ben, a supervisor, opens the chat to watch it: each sees the other viewing Rosa.
    const ben = await stage.page();
    await agent.signIn(ben, stage.server.url, BEN);
    await agent.openTab(ben, 'Wallboard');
    await ben.getByRole('button', { name: /^Monitor chat 1 of Ana Lima/ }).click();
    await pane(ben).getByRole('status').getByText('Also viewing: Ana Lima').waitFor();
    await pane(ana).getByRole('status').getByText('Also viewing: Ben Okafor').waitFor();
    await ben.getByRole('button', { name: 'Stop monitoring' }).click();
    await pane(ana).getByText('Also viewing: Ben Okafor').waitFor({ state: 'detached' });

    // Ana transfers to Ben with a note; Ben sees the whole conversation, the note and Rosa's history; Rosa sees to whom.
    await ana.keyboard.press('Alt+KeyT');
    await ana.getByRole('combobox', { name: 'Transfer to' }).selectOption({ label: 'Ben Okafor' });
    await ana.getByRole('textbox', { name: 'Note for the next agent (the customer does not see it)' }).fill('Offer a refund if it is not there by Friday.');
    await ana.getByRole('button', { name: 'Transfer now' }).click();
    await rosa.getByText('You were transferred to Ben Okafor.').waitFor();
    await agent.openTab(ben, 'Conversations');
    await ben.getByRole('button', { name: /Rosa Diaz/ }).first().click();
    await agent.messages(ben, 'Hi, the parcel still has not come.').waitFor();
    await agent.messages(ben, 'Hi Rosa, this is Ana. Thanks for reaching out! How can I help you today?').waitFor();
    await ben.getByText('Offer a refund if it is not there by Friday.').first().waitFor();
    await pane(ben).getByRole('list', { name: 'Contacts' }).getByText('Sent a replacement parcel on Monday.').waitFor();
    // Everyone goes home: the next test starts with nobody signed in. Only signing out says so at
    // once; a closed window would leave Ben present for the grace, and the next chat could go to him.
    for (const page of [ana, ben]) await agent.signOut(page);
    for (const page of [rosa, ana, ben]) await page.context().close();
  });

  it('lets the help bot answer from the knowledge base, and hands the visitor to a person with the exchange', async () => {
    const ana = await stage.page();
    await agent.signIn(ana, stage.server.url, ANA);
    const page = await stage.page();
    await page.goto(`${stage.server.url}/demo/shipping.html`);
    await visitor.openChat(page);
    await visitor.send(page, 'How long does shipping to Lisbon take?');
    const bot = page.getByRole('group', { name: 'Answer from our help bot' });
    await bot.getByText('I am a bot.').waitFor();
    await bot.getByRole('button', { name: 'Shipping times and costs' }).click();
    await bot.getByText(/Delivery to Europe takes 5–9 business days/).waitFor();
    assert.equal(await ana.getByText('“How long does shipping to Lisbon take?”').count(), 0, 'nothing is queued while the bot answers');

    await bot.getByRole('button', { name: 'Talk to a person' }).click();
    await page.getByText('You asked to talk to a person.').waitFor();
    await ana.getByText('“How long does shipping to Lisbon take?”').waitFor();
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.messages(ana, 'How long does shipping to Lisbon take?').waitFor();
    await ana.getByRole('log').getByText(/The help bot offered: Shipping times and costs.*asked for a person\./).waitFor();
    await agent.reply(ana, 'Five to nine business days to Lisbon.');
    await visitor.messages(page, 'Five to nine business days to Lisbon.').waitFor();
  });
});
