import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { SbPresenceSwitch } from './sb-presence-switch.js';

const shown = (el: SbPresenceSwitch) => {
  const select = el.shadowRoot!.querySelector('select')!;
  return select.options[select.selectedIndex]!.textContent!.trim();
};

describe('<sb-presence-switch>', () => {
  it('shows what routing sees: wrap-up and contacts while available, the missed-offers pause while away', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="available"></sb-presence-switch>`);
    expect(shown(el)).to.equal('Available');
    el.contacts = 2;
    await el.updateComplete;
    expect(shown(el)).to.equal('On 2 contacts');
    el.wrapUp = true;
    await el.updateComplete;
    expect(shown(el)).to.equal('Wrap-up (no new contacts yet)');
    el.status = 'away';
    el.breakReason = 'no-answer';
    el.wrapUp = false;
    await el.updateComplete;
    expect(shown(el)).to.equal('Paused: missed chats');
    await expect(el).to.be.accessible();
  });
});
