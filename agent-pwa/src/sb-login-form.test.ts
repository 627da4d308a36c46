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

  it('announces a refused sign-in in words the agent understands', async () => {
    const el = await fixture<SbLoginForm>(html`<sb-login-form .error=${'rate-limited'}></sb-login-form>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Too many attempts. Wait a few minutes and try again.');
    await expect(el).to.be.accessible();
  });
});

describe('<sb-presence-switch>', () => {
  it('shows the current status and reports a new choice', async () => {
    const el = await fixture<SbPresenceSwitch>(html`<sb-presence-switch status="available"></sb-presence-switch>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.value).to.equal('available');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Available', 'Away', 'Offline']);
    select.value = 'away';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const change = (await oneEvent(el, 'sb-presence-change')) as CustomEvent<{ status: string }>;
    expect(change.detail.status).to.equal('away');
    await expect(el).to.be.accessible();
  });
});
