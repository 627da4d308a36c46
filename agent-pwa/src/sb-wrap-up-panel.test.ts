import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import type { SbWrapUpPanel } from './sb-wrap-up-panel.js';

describe('<sb-wrap-up-panel>', () => {
  it('reports the chosen outcome when the agent is done', async () => {
    const el = await fixture<SbWrapUpPanel>(html`<sb-wrap-up-panel .until=${Date.now() + 30_000}></sb-wrap-up-panel>`);
    const root = el.shadowRoot!;
    expect(root.textContent).to.contain('New chats resume at');
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'resolved', 'follow-up', 'escalated', 'wrong-number', 'spam', 'other']);
    select.value = 'follow-up';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button')!.click());
    const done = (await oneEvent(el, 'sb-wrap-up-done')) as CustomEvent<{ disposition?: string }>;
    expect(done.detail).to.deep.equal({ disposition: 'follow-up' });
    await expect(el).to.be.accessible();
  });

  it('does not let the agent finish without an outcome when the queue requires one', async () => {
    const el = await fixture<SbWrapUpPanel>(html`<sb-wrap-up-panel dispositionRequired></sb-wrap-up-panel>`);
    const root = el.shadowRoot!;
    expect(root.textContent).to.contain('Record the outcome');
    let fired = false;
    el.addEventListener('sb-wrap-up-done', () => (fired = true));
    root.querySelector<HTMLButtonElement>('button')!.click();
    expect(fired).to.equal(false);
    expect(root.querySelector('select')!.validity.valueMissing).to.equal(true);
  });
});
