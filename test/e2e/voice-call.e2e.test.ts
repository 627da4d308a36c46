/**
 * Browser voice end to end: a visitor calls from the widget, an agent answers in the app, and
 * Opus audio flows both ways over a real WebRTC connection between two Chromium contexts with
 * fake microphones, signalled through our PeerJS server. Every packet stays on loopback.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { LOOPBACK_ONLY_ICE } from '../support/browser.js';
import { AGENT_CALL, audioArrives, audioStops, receivedBytes, VISITOR_CALL } from '../support/call-stats.js';
import { ANA, BEN } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

describe('browser voice calls', () => {
  const stage = useStage({ media: true });

  async function party(): Promise<Page> {
    const context = await stage.party();
    await context.addInitScript(LOOPBACK_ONLY_ICE);
    return context.newPage();
  }

  async function signedIn(login: typeof ANA, status?: string): Promise<Page> {
    const page = await party();
    await agent.signIn(page, stage.server.url, login);
    if (status) await page.getByRole('combobox', { name: 'Your status' }).selectOption({ label: status });
    return page;
  }

  async function callFromWidget(): Promise<Page> {
    const page = await party();
    await page.goto(`${stage.server.url}/`);
    await visitor.openChat(page);
    await page.getByRole('button', { name: 'Call us from your browser' }).click();
    await page.getByRole('group', { name: 'Call' }).waitFor();
    return page;
  }

  async function answer(page: Page, visitorName: RegExp = /./): Promise<void> {
    await page.getByRole('button', { name: /^Answer the call from/ }).first().click();
    await page.getByRole('group', { name: /^Call with/ }).filter({ hasText: visitorName }).waitFor();
  }

  it('connects a call from the widget to the agent app with audio both ways; mute, hold and hang-up work on both sides', async () => {
    const ana = await signedIn(ANA);
    const ben = await signedIn(BEN, 'Away: meeting');
    // While the call rings, Ana's app (the microphone allowed before) connects her peer for it, so Answer only dials.
    const prepared = ana.waitForEvent('websocket', (ws) => ws.url().includes('/voice/'));
    const caller = await callFromWidget();
    await caller.getByRole('group', { name: 'Call' }).getByRole('status').filter({ hasText: /in line|number|next/ }).waitFor();

    await ana.getByText(/^Call from/).waitFor();
    await prepared;
    await answer(ana);
    await caller.getByRole('group', { name: 'Call' }).getByText(`On a call with ${ANA.name}`).waitFor();
    // Audio flows both ways: each side's inbound-rtp keeps growing.
    const toVisitor = await audioArrives(caller, VISITOR_CALL);
    const toAgent = await audioArrives(ana, AGENT_CALL);
    await audioArrives(caller, VISITOR_CALL, toVisitor);
    await audioArrives(ana, AGENT_CALL, toAgent);
    await ana.getByRole('timer', { name: 'Call time' }).waitFor();

    // Mute stops what the visitor sends; unmute brings it back.
    await caller.getByRole('button', { name: 'Mute', exact: true }).click();
    await audioStops(ana, AGENT_CALL);
    const whileMuted = await receivedBytes(ana, AGENT_CALL);
    await caller.getByRole('button', { name: 'Unmute' }).click();
    await audioArrives(ana, AGENT_CALL, whileMuted);

    // Hold (by the agent): the visitor is told, and no audio goes either way until resumed.
    await ana.getByRole('button', { name: 'Hold', exact: true }).click();
    await caller.getByText(`${ANA.name} put you on hold. Please stay on the line.`).waitFor();
    await audioStops(caller, VISITOR_CALL);
    await audioStops(ana, AGENT_CALL);
    const heldAt = await receivedBytes(caller, VISITOR_CALL);
    await ana.getByRole('button', { name: 'Resume' }).click();
    await caller.getByText(`On a call with ${ANA.name}`).waitFor();
    await audioArrives(caller, VISITOR_CALL, heldAt);

    // Recording, only once the caller allows it: both voices, stored, playable in the agent app.
    await ana.getByText('Recording not allowed by the caller').waitFor();
    await caller.getByRole('button', { name: 'Allow recording' }).click();
    await ana.getByRole('button', { name: 'Record', exact: true }).click();
    await ana.getByRole('timer', { name: 'Recording' }).filter({ hasText: '0:02' }).waitFor();
    await ana.getByRole('button', { name: 'Stop and save recording' }).click();
    const player = ana.getByRole('log').getByLabel(/^Call recording \(0:0\d\)/);
    await player.waitFor();
    const seconds = await ana.evaluate(`(async () => {
      const src = document.querySelector('sb-agent-app').shadowRoot.querySelector('sb-workspace').shadowRoot.querySelector('sb-conversation-view').shadowRoot.querySelector('audio').src;
      const response = await fetch(src);
      const decoded = await new AudioContext().decodeAudioData(await response.arrayBuffer());
      return response.headers.get('content-type') === 'audio/webm' ? decoded.duration : -1;
    })()`);
    assert.ok((seconds as number) > 1, `the recording decodes to ${String(seconds)} s of audio`);
    await caller.getByText('A recording of this call was saved.').waitFor();

    // A stranger cannot claim the agent's peer id, nor signal it from a call of their own.
    const agentPeerId = await ana.evaluate(`${AGENT_CALL}.peerId`);
    // Ana is on a call: the widget offers "Call us" only while someone who takes calls is free.
    await ben.getByRole('combobox', { name: 'Your status' }).selectOption({ label: 'Available' });
    const stranger = await callFromWidget();
    const strangerView = await stranger.evaluate(`${VISITOR_CALL}.view`);
    const claims = await stranger.evaluate(`new Promise((resolve) => {
      const base = location.origin.replace('http', 'ws') + '/voice/peerjs?key=switchboard';
      const view = ${JSON.stringify(strangerView)};
      const answers = {};
      const thief = new WebSocket(base + '&id=${agentPeerId}&token=' + view.peer.token);
      thief.onmessage = (m) => { answers.claim = JSON.parse(m.data).type; };
      const own = new WebSocket(base + '&id=' + view.peer.id + '&token=' + view.peer.token);
      own.onmessage = (m) => {
        const message = JSON.parse(m.data);
        if (message.type === 'OPEN') own.send(JSON.stringify({ type: 'OFFER', dst: '${agentPeerId}', payload: { sdp: { type: 'offer', sdp: 'v=0' }, type: 'media', connectionId: 'mc_stranger' } }));
        if (message.type === 'EXPIRE') { answers.offer = message.type; resolve(answers); }
      };
    })`);
    assert.deepEqual(claims, { claim: 'ID-TAKEN', offer: 'EXPIRE' });
    await stranger.getByRole('button', { name: 'Hang up' }).click();
    await stranger.getByText('You ended the conversation.').waitFor();

    // The visitor hangs up: both sides show the end, with the call's length.
    await caller.getByRole('button', { name: 'Hang up' }).click();
    // The length in words of the reader's language (Intl.DurationFormat: "5 sec", "1 min, 5 sec").
    await caller.getByText(/The call ended after \d+ (sec|min)/).waitFor();
    await ana.getByRole('log').getByText(/Call lasted \d+ (sec|min)/).waitFor();
    await ana.getByRole('group', { name: /^Call with/ }).waitFor({ state: 'detached' });
    assert.equal(await caller.evaluate(`${VISITOR_CALL}.state.status`), 'closed');
    for (const page of [ana, ben, caller, stranger]) await page.context().close();
  });

  it('puts the caller back in the queue when the agent’s page closes mid-call, and the next agent connects without a new call', async () => {
    const ana = await signedIn(ANA);
    const ben = await signedIn(BEN, 'Away: meeting');
    const caller = await callFromWidget();
    await answer(ana);
    await audioArrives(caller, VISITOR_CALL);

    await ana.context().close(); // the agent's tab dies
    await caller.getByRole('group', { name: 'Call' }).getByRole('status').filter({ hasText: 'Your call stays in line' }).waitFor();
    await ben.getByRole('combobox', { name: 'Your status' }).selectOption({ label: 'Available' });
    await answer(ben);
    await caller.getByText(`On a call with ${BEN.name}`).waitFor();
    await audioArrives(ben, AGENT_CALL);
    const before = await receivedBytes(caller, VISITOR_CALL);
    await audioArrives(caller, VISITOR_CALL, before);
    await ben.getByRole('button', { name: 'Hang up' }).click();
    await caller.getByText(/The call ended after/).waitFor();
    for (const page of [ben, caller]) await page.context().close();
  });
});
