import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbEscalateForm } from './sb-escalate-form.js';

describe('<sb-escalate-form>', () => {
  it('sends the reason, and sends nothing while the reason is only spaces', async () => {
    const el = await fixture<SbEscalateForm>(html`<sb-escalate-form .visitor=${'Maria'}></sb-escalate-form>`);
    const root = el.shadowRoot!;
    const reason = root.querySelector('textarea')!;
    expect(root.activeElement).to.equal(reason, 'focus starts on the reason');
    let sent = 0;
    el.addEventListener('sb-escalate', () => sent++);
    reason.value = '   ';
    root.querySelector('form')!.requestSubmit();
    expect(sent).to.equal(0);
    reason.value = 'Refund above my limit';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const chosen = (await oneEvent(el, 'sb-escalate')) as CustomEvent;
    expect(chosen.detail).to.deep.equal({ reason: 'Refund above my limit' });
    await expect(el).to.be.accessible();
  });

  it('says when the queue has no higher tier, and closes on Escape', async () => {
    const el = await fixture<SbEscalateForm>(html`<sb-escalate-form refused></sb-escalate-form>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain('no higher tier');
    setTimeout(() => el.shadowRoot!.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    await oneEvent(el, 'sb-escalate-cancel');
  });
});
