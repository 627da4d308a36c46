import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CallView } from '../../signaling/protocol/call.js';
import './sb-call-bar.js';
import type { SbCallBar } from './sb-call-bar.js';

const active = (patch: Partial<CallView> = {}): CallView => ({ conversationId: 'c1', phase: 'active', agent: { id: 'a1', name: 'Ana' }, answeredAt: Date.now() - 65_000, ...patch });
const connected = { status: 'connected' as const, muted: false, level: 0.4 };

describe('<sb-call-bar>', () => {
  it('shows who the visitor talks to, for how long, and their microphone level', async () => {
    const el = await fixture<SbCallBar>(html`<sb-call-bar .call=${active()} .media=${connected}></sb-call-bar>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=status]')!.textContent).to.equal('On a call with Ana');
    expect(root.querySelector('[role=timer]')!.textContent).to.match(/^1:0[5-6]$/);
    expect(root.querySelector('meter')!.value).to.equal(0.4);
    await expect(el).to.be.accessible();
  });

  it('reports mute and hold as toggles, and hang-up', async () => {
    const el = await fixture<SbCallBar>(html`<sb-call-bar .call=${active()} .media=${connected}></sb-call-bar>`);
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
    const el = await fixture<SbCallBar>(html`<sb-call-bar .call=${{ conversationId: 'c1', phase: 'queued' }} .queueText=${'You are next in line.'}></sb-call-bar>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('You are next in line.');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Mute', 'Hang up']);
    el.call = active({ heldBy: 'agent' });
    el.media = connected;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Ana put you on hold. Please stay on the line.');
    expect(el.shadowRoot!.querySelectorAll('button')[1]!.disabled).to.equal(true);
  });
});
