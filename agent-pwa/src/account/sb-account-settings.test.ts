import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbAccountSettings } from './sb-account-settings.js';

const profile = { id: 'a1', email: 'ana@example.com', name: 'Ana Lima', role: 'agent' as const, languages: ['en'], notifications: { sound: true, volume: 0.8, desktop: false }, mustChangePassword: false };

describe('<sb-account-settings>', () => {
  it('shows the person’s own settings and sends what they change: name, app language, sound, volume, desktop notifications', async () => {
    const el = await fixture<SbAccountSettings>(html`<sb-account-settings .profile=${profile}></sb-account-settings>`);
    const root = el.shadowRoot!;
    const name = root.querySelector<HTMLInputElement>('input[name=name]')!;
    const locale = root.querySelector<HTMLSelectElement>('select[name=locale]')!;
    const volume = root.querySelector<HTMLInputElement>('input[name=volume]')!;
    expect(name.value).to.equal('Ana Lima');
    expect([...locale.options].map((o) => o.textContent)).to.deep.equal(['Browser default', 'English']);
    expect(locale.value).to.equal('');
    expect(volume.value).to.equal('80');
    name.value = 'Ana L.';
    locale.value = 'en';
    volume.value = '40';
    volume.dispatchEvent(new Event('input'));
    root.querySelector<HTMLInputElement>('input[name=desktop]')!.checked = true;
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const save = (await oneEvent(el, 'sb-profile-save')) as CustomEvent;
    expect(save.detail).to.deep.equal({ change: { name: 'Ana L.', locale: 'en', notifications: { sound: true, volume: 0.4, desktop: true } } });
    await expect(el).to.be.accessible();
  });

  it('turns the volume off with the sound, and goes back to the browser’s language', async () => {
    const el = await fixture<SbAccountSettings>(html`<sb-account-settings .profile=${{ ...profile, locale: 'en' }}></sb-account-settings>`);
    const root = el.shadowRoot!;
    expect(root.querySelector<HTMLSelectElement>('select[name=locale]')!.value).to.equal('en');
    root.querySelector<HTMLSelectElement>('select[name=locale]')!.value = '';
    const sound = root.querySelector<HTMLInputElement>('input[name=sound]')!;
    sound.click();
    await el.updateComplete;
    expect(root.querySelector<HTMLInputElement>('input[name=volume]')!.disabled).to.equal(true);
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const save = (await oneEvent(el, 'sb-profile-save')) as CustomEvent;
    expect(save.detail.change.locale).to.equal(null);
    expect(save.detail.change.notifications).to.deep.equal({ sound: false, volume: 0.8, desktop: false });
  });

  it('shows a refused name beside the field, and a saved change', async () => {
    const el = await fixture<SbAccountSettings>(html`<sb-account-settings .profile=${profile} .refusal=${{ message: 'Check the fields marked below.', fields: { name: 'A name.' } }}></sb-account-settings>`);
    expect(el.shadowRoot!.querySelector('input[name=name]')!.getAttribute('aria-invalid')).to.equal('true');
    expect([...el.shadowRoot!.querySelectorAll('[role=alert]')].map((a) => a.textContent)).to.deep.equal(['A name.']);
    el.refusal = undefined;
    el.saved = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Saved.');
  });
});
