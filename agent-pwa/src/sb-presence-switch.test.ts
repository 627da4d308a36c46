import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { SbPresenceSwitch } from './sb-presence-switch.js';

const shown = (el: SbPresenceSwitch) => {
  const select = el.shadowRoot!.querySelector('select')!;
  return select.options[select.selectedIndex]!.textContent!.trim();
};

const dot = (el: SbPresenceSwitch) => el.shadowRoot!.querySelector('.dot')!.className.replace('dot', '').trim();

describe('<sb-presence-switch>', () => {
  it('shows what routing sees: contacts, wrap-up, the missed-offers pause, a lost connection', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="available"></sb-presence-switch>`);
    expect(shown(el)).to.equal('Available');
    el.contacts = 2;
    await el.updateComplete;
    expect(shown(el)).to.equal('On 2 contacts');
    el.status = 'away';
    el.breakReason = 'no-answer';
    await el.updateComplete;
    expect(shown(el)).to.equal('Paused: missed chats');
    el.breakReason = 'disconnected';
    await el.updateComplete;
    expect(shown(el)).to.equal('Away: connection lost');
    expect(dot(el)).to.equal('away');
    await expect(el).to.be.accessible();
  });

  it('never says Available during wrap-up: it counts down, or names the outcome it waits for', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="available"></sb-presence-switch>`);
    el.wrapUp = { until: Date.now() + 42_400, dispositionRequired: false };
    el.contacts = 1;
    await el.updateComplete;
    expect(shown(el)).to.match(/^Wrap-up: 0:4[12] left$/);
    expect(dot(el)).to.equal('wrap-up');
    el.wrapUp = { dispositionRequired: true };
    await el.updateComplete;
    expect(shown(el)).to.equal('Wrap-up: record the outcome');
    // Available is still a choice, but not the one shown.
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.value).to.equal('wrap-up');
    expect([...select.options].find((o) => o.value === 'available')!.selected).to.equal(false);
  });

  it('says it is reconnecting while this window has no connection, whatever the last status was', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="available" connection="reconnecting"></sb-presence-switch>`);
    expect(shown(el)).to.equal('Offline: reconnecting…');
    expect(dot(el)).to.equal('offline');
    el.connection = 'open';
    await el.updateComplete;
    expect(shown(el)).to.equal('Available');
  });

  it('offers only the breaks an agent may choose', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="available"></sb-presence-switch>`);
    const values = [...el.shadowRoot!.querySelectorAll('option')].map((o) => o.value);
    expect(values).to.deep.equal(['available', 'away:lunch', 'away:meeting', 'away:training', 'away:personal', 'offline']);
  });
});
