import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConversationEvent } from '../../../signaling/protocol/conversation.js';
import './sb-callback-panel.js';
import type { SbCallbackPanel } from './sb-callback-panel.js';

const callback = (patch: Partial<Extract<ConversationEvent, { type: 'callback' }>> = {}): Extract<ConversationEvent, { type: 'callback' }> => ({
  type: 'callback',
  conversationId: 'c1',
  seq: 1,
  at: Date.now(),
  phone: '+442079460018',
  attempt: 2,
  requestedAt: Date.now() - 3_600_000,
  asap: true,
  page: { url: 'https://shop.test/cart', title: 'Your cart' },
  ...patch,
});
const button = (el: SbCallbackPanel, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

describe('<sb-callback-panel>', () => {
  it('shows the number as a tel: link with the attempt and the page, and reports the outcome', async () => {
    const el = await fixture<SbCallbackPanel>(html`<sb-callback-panel .callback=${callback()} .visitor=${'Priya'}></sb-callback-panel>`);
    const root = el.shadowRoot!;
    const tel = root.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    expect(tel.getAttribute('href')).to.equal('tel:+442079460018');
    expect(root.textContent).to.contain('attempt 2');
    expect(root.querySelector<HTMLAnchorElement>('a[href^="https:"]')!.textContent).to.equal('Your cart');
    setTimeout(() => button(el, 'No answer').click());
    expect(((await oneEvent(el, 'sb-callback-outcome')) as CustomEvent).detail).to.deep.equal({ outcome: 'no-answer' });
    await expect(el).to.be.accessible();
  });

  it('schedules another attempt only at a future time, and never links a script URL', async () => {
    const el = await fixture<SbCallbackPanel>(html`<sb-callback-panel .callback=${callback({ page: { url: 'javascript:alert(1)' } })} .visitor=${'Priya'}></sb-callback-panel>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('a[href^="javascript:"]')).to.equal(null);
    let fired = false;
    el.addEventListener('sb-callback-outcome', () => (fired = true));
    button(el, 'Schedule').click();
    await el.updateComplete;
    expect(fired).to.equal(false);
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Pick a date and time in the future.');
    const input = root.querySelector<HTMLInputElement>('input[name=retry-at]')!;
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setSeconds(0, 0);
    input.value = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    setTimeout(() => button(el, 'Schedule').click());
    expect(((await oneEvent(el, 'sb-callback-outcome')) as CustomEvent).detail).to.deep.equal({ outcome: 'retry', retryAt: tomorrow.getTime() });
  });
});
