import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './sb-cobrowse-bar.js';
import type { SbCobrowseBar } from './sb-cobrowse-bar.js';

describe('<sb-cobrowse-bar>', () => {
  it('says the page is shared and with whom, and stops on one press', async () => {
    const el = await fixture<SbCobrowseBar>(html`<sb-cobrowse-bar .agentName=${'Ana'}></sb-cobrowse-bar>`);
    const region = el.shadowRoot!.querySelector('[role=region]')!;
    expect(region.getAttribute('aria-label')).to.equal('Page sharing');
    expect(region.querySelector('[role=status]')!.textContent).to.equal('You are sharing this page with Ana.');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.stop')!.click());
    await oneEvent(el, 'sb-cobrowse-stop');
    await expect(el).to.be.accessible();
  });

  it('asks for control as a separate question, and lets the visitor take it back', async () => {
    const el = await fixture<SbCobrowseBar>(html`<sb-cobrowse-bar .agentName=${'Ana'} .control=${'requested'}></sb-cobrowse-bar>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.include('Ana asks to click and type');
    const allow = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Allow')!;
    setTimeout(() => allow.click());
    expect(((await oneEvent(el, 'sb-cobrowse-control')) as CustomEvent).detail).to.deep.equal({ allowed: true });
    el.control = 'granted';
    await el.updateComplete;
    const revoke = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Take back control')!;
    setTimeout(() => revoke.click());
    expect(((await oneEvent(el, 'sb-cobrowse-control')) as CustomEvent).detail).to.deep.equal({ allowed: false });
    await expect(el).to.be.accessible();
  });
});
