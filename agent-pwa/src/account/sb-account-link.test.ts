import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import { accountLinkIn } from './account-link.js';
import type { SbAccountLink } from './sb-account-link.js';

const invite = { purpose: 'invite' as const, email: 'dana@example.com', name: 'Dana', expiresAt: Date.now() + 86_400_000 };

describe('<sb-account-link>', () => {
  it('welcomes an invited person by name, their name filled in, and sends the password they chose', async () => {
    const el = await fixture<SbAccountLink>(html`<sb-account-link .info=${invite}></sb-account-link>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).to.equal('Welcome to Switchboard, Dana — choose your password');
    expect(root.textContent).to.contain('You will sign in as dana@example.com.');
    const name = root.querySelector<HTMLInputElement>('input[name=name]')!;
    expect(name.value).to.equal('Dana');
    name.value = 'Dana Reyes';
    root.querySelector<HTMLInputElement>('input[name=password]')!.value = 'juniper-harbor-quilt';
    root.querySelector<HTMLInputElement>('input[name=repeat]')!.value = 'juniper-harbor-quilt';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const accept = (await oneEvent(el, 'sb-link-accept')) as CustomEvent;
    expect(accept.detail).to.deep.equal({ password: 'juniper-harbor-quilt', name: 'Dana Reyes' });
    await expect(el).to.be.accessible();
  });

  it('asks only for a new password on a reset link, and shows a refusal beside it', async () => {
    const refusal = { message: 'x', fields: { password: 'The password needs at least 10 characters.' } };
    const el = await fixture<SbAccountLink>(html`<sb-account-link .info=${{ ...invite, purpose: 'reset' }} .refusal=${refusal}></sb-account-link>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).to.equal('Choose a new password');
    expect(root.querySelector('input[name=name]')).to.equal(null);
    expect(root.querySelector('input[name=password]')!.getAttribute('aria-invalid')).to.equal('true');
    expect([...root.querySelectorAll('[role=alert]')].map((a) => a.textContent)).to.deep.equal(['The password needs at least 10 characters.']);
    await expect(el).to.be.accessible();
  });

  it('says an expired or used link no longer works and sends the person to their admin', async () => {
    const el = await fixture<SbAccountLink>(html`<sb-account-link expired></sb-account-link>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('This link has expired or was used already. Ask your admin for a new one.');
    expect(root.querySelector('form')).to.equal(null);
    setTimeout(() => root.querySelector('button')!.click());
    await oneEvent(el, 'sb-link-dismiss');
    await expect(el).to.be.accessible();
  });
});

describe('accountLinkIn', () => {
  it('reads invitation and reset tokens from the address, and nothing else', () => {
    const token = 'AbC_-0123456789abcdefXYZ';
    expect(accountLinkIn(`#/invite/${token}`)).to.deep.equal({ purpose: 'invite', token });
    expect(accountLinkIn(`#/reset/${token}`)).to.deep.equal({ purpose: 'reset', token });
    expect(accountLinkIn('#/invite/short')).to.equal(undefined);
    expect(accountLinkIn(`#/admin/${token}`)).to.equal(undefined);
    expect(accountLinkIn(`#/invite/${token}/extra`)).to.equal(undefined);
    expect(accountLinkIn('')).to.equal(undefined);
  });
});
