/**
 * The foundation flow, end to end: a visitor on the demo site chats with an agent in the
 * agent app; the server restarts; the visitor reloads and sees the whole conversation once.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

describe('chat from the widget to the agent app and back', () => {
  const stage = useStage();
  let visitorPage: Page;
  let agentPage: Page;

  before(async () => {
    visitorPage = await stage.page();
    agentPage = await stage.page();
  });

  it('delivers the visitor message as an offer, and the agent reply back to the visitor', async () => {
    await agent.signIn(agentPage, stage.server.url, ANA);
    await visitorPage.goto(`${stage.server.url}/`);
    await visitor.openChat(visitorPage);
    await visitor.send(visitorPage, 'Hello, does the Ridgeline tent fit two people?');
    await visitor.messages(visitorPage, 'Hello, does the Ridgeline tent fit two people?').waitFor();

    const accept = agentPage.getByRole('button', { name: /^Accept chat from/ });
    await accept.waitFor();
    assert.match(await agentPage.getByText('“Hello, does the Ridgeline tent fit two people?”').innerText(), /Ridgeline/);
    await accept.click();
    await agent.messages(agentPage, 'Hello, does the Ridgeline tent fit two people?').waitFor();

    // The visitor sees who joined, and the agent typing before the reply lands.
    await visitorPage.getByRole('log').getByText(`${ANA.name} joined the chat`).waitFor();
    await agentPage.getByRole('textbox', { name: /^Reply to/ }).pressSequentially('Yes');
    await visitorPage.getByText(`${ANA.name} is typing…`).waitFor();

    await agent.reply(agentPage, 'Yes, two adults with room for packs.');
    await visitor.messages(visitorPage, 'Yes, two adults with room for packs.').waitFor();
    // The visitor has the panel open, so the reply is read: the agent sees the receipt.
    await agent.messages(agentPage, 'Yes, two adults with room for packs.').getByText('Seen').waitFor();
  });

  it('keeps the whole conversation, once each, across a server restart and a reload', async () => {
    const code = await stage.server.stop();
    assert.equal(code, 0, 'graceful shutdown exits 0');
    await visitorPage.getByText('Connection lost. Reconnecting…').waitFor();

    stage.server = await stage.startServer(stage.server.port);
    await visitorPage.reload();
    // The panel was open before the reload and stays open.
    await visitor.messages(visitorPage, 'Yes, two adults with room for packs.').waitFor();
    await visitorPage.getByRole('log').getByText(`${ANA.name} joined the chat`).waitFor();
    assert.equal(await visitor.messages(visitorPage, 'Hello, does the Ridgeline tent fit two people?').count(), 1);
    assert.equal(await visitor.messages(visitorPage, 'Yes, two adults with room for packs.').count(), 1);

    // The agent's app reconnected by itself and the conversation goes on both ways.
    await agentPage.getByText('Connection lost. Reconnecting…').waitFor({ state: 'detached' });
    await agent.reply(agentPage, 'Anything else I can help with?');
    await visitor.messages(visitorPage, 'Anything else I can help with?').waitFor();
    await visitor.send(visitorPage, 'No, thanks!');
    await agent.messages(agentPage, 'No, thanks!').waitFor();
    assert.equal(await agent.messages(agentPage, 'Hello, does the Ridgeline tent fit two people?').count(), 1);
  });

  it('shows the agent each page the visitor opens, as they browse', async () => {
    const pages = agentPage.getByRole('list', { name: 'Pages visited' });
    await pages.getByRole('listitem').first().waitFor();
    assert.equal(await pages.getByText('Shipping & returns — Northwind Outfitters').count(), 0);
    // No message is sent: the page view alone updates the agent's customer pane.
    await visitorPage.goto(`${stage.server.url}/demo/shipping.html`);
    await pages.getByText('Shipping & returns — Northwind Outfitters').waitFor();
  });

  it('lets the visitor end the conversation, and both sides see it ended', async () => {
    await visitorPage.getByRole('button', { name: 'End conversation' }).click();
    await visitorPage.getByRole('button', { name: 'Yes, end it' }).click();
    await visitorPage.getByText('This conversation has ended.').waitFor();
    await agentPage.getByRole('status').getByText('This conversation has ended.').waitFor();
    await visitorPage.getByRole('button', { name: 'Start a new conversation' }).waitFor();
  });
});
