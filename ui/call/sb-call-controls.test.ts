import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CallView } from '../../signaling/protocol/call.js';
import type { CallControlsMessages } from './call-controls-messages.js';
import './define.js';
import type { SbCallControls } from './sb-call-controls.js';

// Each app hands its own words; these are the widget's and the agent app's English.
const common = { callTime: 'Call time', micLevel: 'Your microphone level', mute: 'Mute', unmute: 'Unmute', hold: 'Hold', resume: 'Resume', hangUp: 'Hang up' };
const visitorWords: CallControlsMessages = {
  ...common,
  controls: 'Call',
  waiting: 'Your call is in line. An agent will answer shortly.',
  heldBySelf: 'You put the call on hold.',
  heldByPeer: '{name} put you on hold. Please stay on the line.',
  reconnecting: 'The connection dropped. Reconnecting the call…',
  connecting: 'Connecting you to {name}…',
  connected: 'On a call with {name}',
  consent: { allow: 'Allow recording', allowed: 'Recording allowed' },
};
const agentWords: CallControlsMessages = {
  ...common,
  controls: 'Call with {name}',
  waiting: 'Waiting for an agent',
  heldBySelf: 'On hold',
  heldByPeer: '{name} put the call on hold',
  reconnecting: 'Connection dropped. Reconnecting…',
  connecting: 'Connecting the call…',
  connected: 'Connected',
  recorder: { record: 'Record', stop: 'Stop and save recording', time: 'Recording', notAllowed: 'Recording not allowed by the caller' },
};

describe('<sb-call-controls side="visitor"> (the widget’s call bar)', () => {
  const active = (patch: Partial<CallView> = {}): CallView => ({ conversationId: 'c1', phase: 'active', agent: { id: 'a1', name: 'Ana' }, answeredAt: Date.now() - 65_000, ...patch });
  const connected = { status: 'connected' as const, muted: false, level: 0.4 };

  it('shows who the visitor talks to, for how long, and their microphone level', async () => {
    const el = await fixture<SbCallControls>(html`<sb-call-controls side="visitor" .messages=${visitorWords} .call=${active()} .media=${connected}></sb-call-controls>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=status]')!.textContent).to.equal('On a call with Ana');
    expect(root.querySelector('[role=timer]')!.textContent).to.match(/^1:0[5-6]$/);
    expect(root.querySelector('meter')!.value).to.equal(0.4);
    await expect(el).to.be.accessible();
  });

  it('reports mute and hold as toggles, and hang-up', async () => {
    const el = await fixture<SbCallControls>(html`<sb-call-controls side="visitor" .messages=${visitorWords} .call=${active()} .media=${connected}></sb-call-controls>`);
    const byText = (text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
    const [mute, hold, hangUp] = [byText('Mute'), byText('Hold'), byText('Hang up')];
    expect(mute!.getAttribute('aria-pressed')).to.equal('false');
    setTimeout(() => mute!.click());
    expect(((await oneEvent(el, 'sb-call-mute')) as CustomEvent).detail).to.deep.equal({ muted: true });
    setTimeout(() => hold!.click());
    expect(((await oneEvent(el, 'sb-call-hold')) as CustomEvent).detail).to.deep.equal({ held: true });
    setTimeout(() => hangUp!.click());
    await oneEvent(el, 'sb-call-hangup');
    setTimeout(() => byText('Allow recording').click());
    expect(((await oneEvent(el, 'sb-call-consent')) as CustomEvent).detail).to.deep.equal({ recording: true });
  });

  it('while waiting shows the place in line and only mute and hang-up; on the agent’s hold, says so and disables Hold', async () => {
    const el = await fixture<SbCallControls>(html`<sb-call-controls side="visitor" .messages=${visitorWords} .call=${{ conversationId: 'c1', phase: 'queued' }} .queueText=${'You are next in line.'}></sb-call-controls>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('You are next in line.');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Mute', 'Hang up']);
    el.call = active({ heldBy: 'agent' });
    el.media = connected;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Ana put you on hold. Please stay on the line.');
    expect(el.shadowRoot!.querySelectorAll('button')[1]!.disabled).to.equal(true);
  });
});

describe('<sb-call-controls side="agent"> (the agent app’s call controls)', () => {
  // Answered five seconds before each test renders it (not before the file's other tests ran).
  const answeredNow = (): CallView => ({ conversationId: 'c1', phase: 'active', agent: { id: 'a1', name: 'Ana' }, answeredAt: Date.now() - 5_000 });

  it('shows the call’s state and timer, and reports mute, hold and hang-up', async () => {
    const call = answeredNow();
    const el = await fixture<SbCallControls>(html`<sb-call-controls side="agent" .messages=${agentWords} .call=${call} .media=${{ status: 'connected', muted: false, level: 0.2 }} .peer=${'Maria'}></sb-call-controls>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Call with Maria');
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Connected');
    expect(root.querySelector('[role=timer]')!.textContent).to.match(/^0:0[5-6]$/);
    const [mute, hold, hangUp] = [...root.querySelectorAll('button')];
    setTimeout(() => hold!.click());
    expect(((await oneEvent(el, 'sb-call-hold')) as CustomEvent).detail).to.deep.equal({ held: true });
    setTimeout(() => mute!.click());
    expect(((await oneEvent(el, 'sb-call-mute')) as CustomEvent).detail).to.deep.equal({ muted: true });
    setTimeout(() => hangUp!.click());
    await oneEvent(el, 'sb-call-hangup');
    await expect(el).to.be.accessible();
  });

  it('says when the visitor holds, and the agent cannot take it off hold for them', async () => {
    const el = await fixture<SbCallControls>(html`<sb-call-controls side="agent" .messages=${agentWords} .call=${{ ...answeredNow(), heldBy: 'visitor' }} .peer=${'Maria'}></sb-call-controls>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Maria put the call on hold');
    expect(el.shadowRoot!.querySelectorAll('button')[1]!.disabled).to.equal(true);
  });

  it('offers Record only once the caller allows it, and times the recording', async () => {
    const media = { status: 'connected' as const, muted: false, level: 0 };
    const call = answeredNow();
    const el = await fixture<SbCallControls>(html`<sb-call-controls side="agent" .messages=${agentWords} .call=${call} .media=${media} .peer=${'Maria'}></sb-call-controls>`);
    const root = el.shadowRoot!;
    expect(root.textContent).to.contain('Recording not allowed by the caller');
    el.call = { ...call, recordingAllowed: true };
    await el.updateComplete;
    const record = [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Record')!;
    setTimeout(() => record.click());
    expect(((await oneEvent(el, 'sb-call-record')) as CustomEvent).detail).to.deep.equal({ recording: true });
    el.recordingSince = Date.now() - 2_000;
    await el.updateComplete;
    expect(root.querySelector('[role=timer][aria-label=Recording]')!.textContent).to.match(/^● 0:0[2-3]$/);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include('Stop and save recording');
  });
});
