import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import type { SbLoginForm } from './sb-login-form.js';
import type { SbPresenceSwitch } from './sb-presence-switch.js';

describe('<sb-login-form>', () => {
  it('submits the e-mail and password typed into its labelled fields', async () => {
    const el = await fixture<SbLoginForm>(html`<sb-login-form></sb-login-form>`);
    const root = el.shadowRoot!;
    const [email, password] = [...root.querySelectorAll('input')];
    expect(email!.closest('label')!.textContent).to.contain('E-mail');
    expect(password!.type).to.equal('password');
    email!.value = 'ana@example.com';
    password!.value = 'secret words';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const login = (await oneEvent(el, 'sb-login')) as CustomEvent<{ email: string; password: string }>;
    expect(login.detail).to.deep.equal({ email: 'ana@example.com', password: 'secret words' });
  });

  it('says why this window was signed out when the server ended its session', async () => {
    const el = await fixture<SbLoginForm>(html`<sb-login-form .notice=${'deactivated'}></sb-login-form>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Your account was deactivated by an admin');
    el.notice = 'signed-out-elsewhere';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('You were signed out from another device or window.');
    await expect(el).to.be.accessible();
  });

  it('announces a refused sign-in in words the agent understands', async () => {
    const el = await fixture<SbLoginForm>(html`<sb-login-form .error=${'rate-limited'}></sb-login-form>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Too many attempts. Wait a few minutes and try again.');
    await expect(el).to.be.accessible();
  });
});

describe('<sb-presence-switch>', () => {
  it('shows the current status and reports a new choice, with a break reason', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="available"></sb-presence-switch>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.value).to.equal('available');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Available', 'Away: lunch', 'Away: meeting', 'Away: training', 'Away: personal', 'Offline']);
    select.value = 'away:lunch';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const change = (await oneEvent(el, 'sb-presence-change')) as CustomEvent<{ status: string; reason?: string }>;
    expect(change.detail).to.deep.equal({ status: 'away', reason: 'lunch' });
    await expect(el).to.be.accessible();
  });

  it('shows an automatic pause for missed chats, which the agent cannot choose', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="away" .breakReason=${'no-answer'}></sb-presence-switch>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.selectedOptions[0]!.textContent).to.equal('Paused: missed chats');
    expect(select.selectedOptions[0]!.disabled).to.equal(true);
  });
});
