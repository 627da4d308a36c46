import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbTransferForm } from './sb-transfer-form.js';

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
