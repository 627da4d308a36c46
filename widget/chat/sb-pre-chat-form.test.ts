import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { PreChatForm } from '../../signaling/protocol/pre-chat-form.js';
import './sb-pre-chat-form.js';
import type { SbPreChatForm } from './sb-pre-chat-form.js';

const FORM: PreChatForm = {
  enabled: true,
  fields: { name: 'optional', email: 'required', phone: 'off' },
  consent: { text: 'I agree to the privacy policy.', required: true },
  custom: [{ key: 'order', label: 'Order number', required: true }],
};

const root = (el: SbPreChatForm) => el.shadowRoot!;
const input = (el: SbPreChatForm, id: string) => root(el).querySelector<HTMLInputElement>(`#${id}`)!;
const submit = (el: SbPreChatForm) => root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

describe('<sb-pre-chat-form>', () => {
  it('labels each field with whether it is required in words, prefilled from what is known', async () => {
    const el = await fixture<SbPreChatForm>(html`<sb-pre-chat-form .form=${FORM} .known=${{ name: 'Mia', phone: '+45 1234' }}></sb-pre-chat-form>`);
    const labels = [...root(el).querySelectorAll('label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal(['Your name (optional)', 'Your e-mail address (required)', 'Order number (required)', 'How can we help? (optional)', 'I agree to the privacy policy. (required)']);
    expect(input(el, 'pc-name').value).to.equal('Mia');
    expect(root(el).querySelector('#pc-phone'), 'a field the queue turned off is not shown').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('ties each missing answer to its field and sends nothing until all are there', async () => {
    const el = await fixture<SbPreChatForm>(html`<sb-pre-chat-form .form=${FORM}></sb-pre-chat-form>`);
    let sent = 0;
    el.addEventListener('sb-pre-chat-submit', () => sent++);
    input(el, 'pc-email').value = 'not-an-address';
    submit(el);
    await el.updateComplete;
    expect(sent).to.equal(0);
    const email = input(el, 'pc-email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Please enter a valid e-mail address.');
    const consent = input(el, 'pc-consent');
    expect(root(el).getElementById(consent.getAttribute('aria-describedby')!)!.textContent).to.equal('Please tick this box to continue.');
    expect(input(el, 'pc-custom-order').getAttribute('aria-invalid')).to.equal('true');
    await el.updateComplete;
    expect(root(el).activeElement, 'focus goes to the first problem').to.equal(email);
    await expect(el).to.be.accessible();

    email.value = 'mia@example.com';
    consent.checked = true;
    input(el, 'pc-custom-order').value = 'A-1042';
    root(el).querySelector<HTMLTextAreaElement>('#pc-message')!.value = 'My parcel is late';
    setTimeout(() => submit(el));
    const { detail } = (await oneEvent(el, 'sb-pre-chat-submit')) as CustomEvent;
    expect(detail).to.deep.equal({ answers: { email: 'mia@example.com', consent: true, custom: { order: 'A-1042' } }, text: 'My parcel is late' });
  });
});
