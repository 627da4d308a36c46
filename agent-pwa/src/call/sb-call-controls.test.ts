import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CallView } from '../../../signaling/protocol/call.js';
import '../define.js';
import type { SbCallControls } from './sb-call-controls.js';
import type { SbTransferForm } from './sb-transfer-form.js';

const call: CallView = { conversationId: 'c1', phase: 'active', agent: { id: 'a1', name: 'Ana' }, answeredAt: Date.now() - 5_000 };

describe('<sb-call-controls>', () => {
  it('shows the call’s state and timer, and reports mute, hold and hang-up', async () => {
    const el = await fixture<SbCallControls>(html`<sb-call-controls .call=${call} .media=${{ status: 'connected', muted: false, level: 0.2 }} .visitor=${'Maria'}></sb-call-controls>`);
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
    const el = await fixture<SbCallControls>(html`<sb-call-controls .call=${{ ...call, heldBy: 'visitor' }} .visitor=${'Maria'}></sb-call-controls>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Maria put the call on hold');
    expect(el.shadowRoot!.querySelectorAll('button')[1]!.disabled).to.equal(true);
  });
});

describe('<sb-transfer-form>', () => {
  const targets = { agents: [{ id: 'b1', name: 'Ben', available: true }, { id: 'c1', name: 'Cleo', available: false }], queues: [{ id: 'q1', name: 'Billing' }] };

  it('offers available colleagues and queues, and sends the choice with the note', async () => {
    const el = await fixture<SbTransferForm>(html`<sb-transfer-form .targets=${targets} .visitor=${'Maria'}></sb-transfer-form>`);
    const root = el.shadowRoot!;
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => [o.textContent, o.disabled])).to.deep.equal([['Ben', false], ['Cleo (away)', true], ['Billing', false]]);
    expect(root.activeElement).to.equal(select, 'focus starts on the choice');
    select.value = 'queue:q1';
    root.querySelector('textarea')!.value = 'Refund for order 1234';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const chosen = (await oneEvent(el, 'sb-transfer')) as CustomEvent;
    expect(chosen.detail).to.deep.equal({ to: { queueId: 'q1' }, note: 'Refund for order 1234' });
    await expect(el).to.be.accessible();
  });

  it('closes on Escape', async () => {
    const el = await fixture<SbTransferForm>(html`<sb-transfer-form .targets=${targets}></sb-transfer-form>`);
    setTimeout(() => el.shadowRoot!.querySelector('select')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    await oneEvent(el, 'sb-transfer-cancel');
  });
});
