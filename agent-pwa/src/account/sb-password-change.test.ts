import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbPasswordChange } from './sb-password-change.js';

const input = (el: SbPasswordChange, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
const fill = (el: SbPasswordChange, values: Record<string, string>) => Object.entries(values).forEach(([name, value]) => (input(el, name).value = value));
const submit = (el: SbPasswordChange) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

describe('<sb-password-change>', () => {
  it('asks a person with a given password to choose their own, and sends both once the new one is typed twice alike', async () => {
    const el = await fixture<SbPasswordChange>(html`<sb-password-change forced></sb-password-change>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).to.equal('Choose your own password');
    expect(input(el, 'currentPassword').closest('label')!.textContent!.trim()).to.equal('Password you were given');
    fill(el, { currentPassword: 'given-x7', newPassword: 'juniper-harbor-quilt', repeat: 'juniper-harbor-quilt' });
    setTimeout(() => submit(el));
    const change = (await oneEvent(el, 'sb-password-change')) as CustomEvent<{ currentPassword: string; newPassword: string }>;
    expect(change.detail).to.deep.equal({ currentPassword: 'given-x7', newPassword: 'juniper-harbor-quilt' });
    await expect(el).to.be.accessible();
  });

  it('says beside the field when the two new passwords differ, and sends nothing', async () => {
    const el = await fixture<SbPasswordChange>(html`<sb-password-change forced></sb-password-change>`);
    let sent = false;
    el.addEventListener('sb-password-change', () => (sent = true));
    fill(el, { currentPassword: 'given-x7', newPassword: 'juniper-harbor-quilt', repeat: 'juniper-harbor-quilts' });
    submit(el);
    await el.updateComplete;
    const repeat = input(el, 'repeat');
    expect(repeat.getAttribute('aria-invalid')).to.equal('true');
    const message = el.shadowRoot!.getElementById(repeat.getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.equal('The two new passwords differ.');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(sent).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a weak-password refusal next to the new password, once', async () => {
    const refusal = { message: 'This password is too easy to guess.', fields: { newPassword: 'This password is too easy to guess.' } };
    const el = await fixture<SbPasswordChange>(html`<sb-password-change forced .refusal=${refusal}></sb-password-change>`);
    const field = input(el, 'newPassword');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('new-password-hint newPassword-error');
    const alerts = [...el.shadowRoot!.querySelectorAll('[role=alert]')].map((a) => a.textContent);
    expect(alerts).to.deep.equal(['This password is too easy to guess.']);
    await expect(el).to.be.accessible();
  });

  it('as a section of Your account: says a wrong current password, confirms a change and clears the fields', async () => {
    const el = await fixture<SbPasswordChange>(html`<sb-password-change .refusal=${{ message: 'The current password is wrong.', fields: {} }}></sb-password-change>`);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Change password');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('The current password is wrong.');
    expect(el.shadowRoot!.textContent).not.to.contain('Sign out');
    fill(el, { currentPassword: 'old', newPassword: 'juniper-harbor-quilt', repeat: 'juniper-harbor-quilt' });
    el.refusal = undefined;
    el.done = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Your password was changed');
    expect(input(el, 'newPassword').value).to.equal('');
  });

  it('lets a person who would rather not choose now sign out', async () => {
    const el = await fixture<SbPasswordChange>(html`<sb-password-change forced></sb-password-change>`);
    const signOut = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Sign out')!;
    setTimeout(() => signOut.click());
    await oneEvent(el, 'sb-sign-out');
  });
});
