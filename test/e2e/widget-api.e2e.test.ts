/**
 * The widget's public JavaScript API as a site developer uses it: calls queued before the
 * script loads, identify, send, and events; and the visitor told when nobody can answer.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

type Recorded = [name: string, detail: Record<string, unknown>];
declare global {
  interface Window {
    recorded: Recorded[];
  }
}

describe('the widget JavaScript API', () => {
  const stage = useStage();
  let visitorPage: Page;
  let agentPage: Page;

  before(async () => {
    visitorPage = await stage.page();
    agentPage = await stage.page();
    // What a site does before widget.js has arrived: subscribe through the queue. A string,
    // because tsx would wrap named functions in a helper that does not exist in the page.
    await visitorPage.addInitScript(`
      window.recorded = [];
      window.Switchboard = {
        q: ['ready', 'message', 'agent-joined', 'conversation-ended'].map(function (name) {
          return ['on', [name, function (detail) { window.recorded.push([name, detail]); }]];
        }),
      };
    `);
  });

  const recorded = (name: string) => visitorPage.waitForFunction((n) => window.recorded.find(([event]) => event === n)?.[1], name).then((h) => h.jsonValue());

  it('replays calls queued before the script loaded: ready fires', async () => {
    await visitorPage.goto(`${stage.server.url}/`);
    await recorded('ready');
  });

  it('tells the visitor when no agent is available, then routes the chat once one signs in', async () => {
    await visitorPage.evaluate(() => {
      window.Switchboard!.identify!({ name: 'Maria Gomez', email: 'maria@example.com' });
      window.Switchboard!.send!('My order #1042 has not arrived.');
      window.Switchboard!.open!();
    });
    await visitorPage.getByText('No agent is available right now.', { exact: false }).waitFor();
    const sent = (await recorded('message')) as { from: string; text: string; conversationId: string };
    assert.deepEqual([sent.from, sent.text], ['visitor', 'My order #1042 has not arrived.']);

    await agent.signIn(agentPage, stage.server.url, ANA);
    await agentPage.getByRole('button', { name: 'Accept chat from Maria Gomez' }).click();
    await agentPage.locator('sb-conversation-view').getByText('maria@example.com').waitFor();
    await agent.messages(agentPage, 'My order #1042 has not arrived.').waitFor();
    assert.deepEqual(await recorded('agent-joined'), { conversationId: sent.conversationId, name: ANA.name });
  });

  it('reports the agent’s messages and the end of the conversation as events', async () => {
    await agent.reply(agentPage, 'It ships today, sorry for the wait.');
    await visitorPage.waitForFunction(() => window.recorded.some(([n, d]) => n === 'message' && d.from === 'agent'));
    const fromAgent = await visitorPage.evaluate(() => window.recorded.find(([n, d]) => n === 'message' && d.from === 'agent')![1]);
    assert.equal(fromAgent.text, 'It ships today, sorry for the wait.');
    assert.equal(fromAgent.name, ANA.name);

    await agentPage.getByRole('button', { name: 'End conversation' }).click();
    const ended = (await recorded('conversation-ended')) as { by: string };
    assert.equal(ended.by, 'agent');
    await visitorPage.getByText(`${ANA.name} ended the conversation.`).waitFor();
    assert.equal(await visitor.messages(visitorPage, 'It ships today, sorry for the wait.').count(), 1);
  });
});
