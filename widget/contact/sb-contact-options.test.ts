import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { QueueStatus } from '../../signaling/protocol/contact-options.js';
import type { ContactState } from './contact-options.js';
import './sb-contact-options.js';
import type { SbContactOptions } from './sb-contact-options.js';

const HALF_HOUR = 1_800_000;
const firstSlot = Math.ceil((Date.now() + 86_400_000) / HALF_HOUR) * HALF_HOUR;
const status = (patch: Partial<QueueStatus> = {}): QueueStatus => ({ queue: { slug: 'support', name: 'Support' }, open: true, agentsAvailable: 0, answerSoon: { chat: false, voice: false }, callbackSlots: [firstSlot, firstSlot + HALF_HOUR, firstSlot + 86_400_000], ...patch });
const state = (patch: Partial<ContactState> = {}): ContactState => ({ status: status(), callbacks: [], busy: false, ...patch });
const buttons = (el: SbContactOptions) => [...el.shadowRoot!.querySelectorAll('button')];
const byText = (el: SbContactOptions, text: string) => buttons(el).find((b) => b.textContent!.trim() === text)!;

describe('<sb-contact-options>', () => {
  it('offers a message or a callback when nobody can answer, and says when the queue is closed', async () => {
    const el = await fixture<SbContactOptions>(html`<sb-contact-options .state=${state()} .reason=${'offline'}></sb-contact-options>`);
    expect(el.shadowRoot!.textContent).to.contain('Nobody can answer a chat right now');
    expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['Leave a message', 'Call me back']);
    setTimeout(() => byText(el, 'Call me back').click());
    expect(((await oneEvent(el, 'sb-contact-open')) as CustomEvent).detail).to.deep.equal({ form: 'callback' });
    el.state = state({ status: status({ open: false }) });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('We are closed right now');
    await expect(el).to.be.accessible();
  });

  it('offers the alternatives with the expected wait when the wait is long', async () => {
    const el = await fixture<SbContactOptions>(html`<sb-contact-options .state=${state({ status: status({ agentsAvailable: 2, estimatedWaitMs: 7 * 60_000 }) })} .reason=${'wait'}></sb-contact-options>`);
    expect(el.shadowRoot!.textContent).to.contain('The wait is about 7 min');
  });

  it('sends the message form with labelled, required fields, focusing the first one', async () => {
    const el = await fixture<SbContactOptions>(html`<sb-contact-options .state=${state({ form: 'message' })} .reason=${'offline'}></sb-contact-options>`);
    const root = el.shadowRoot!;
    expect(root.activeElement?.getAttribute('name')).to.equal('name');
    const submit = byText(el, 'Send message');
    let sent = false;
    el.addEventListener('sb-contact-message', () => (sent = true));
    submit.click();
    expect(sent, 'an empty form is not sent').to.equal(false);
    (root.querySelector('input[name=name]') as HTMLInputElement).value = 'Rosa';
    (root.querySelector('input[name=email]') as HTMLInputElement).value = 'rosa@example.test';
    (root.querySelector('textarea[name=message]') as HTMLTextAreaElement).value = 'Where is my parcel?';
    setTimeout(() => submit.click());
    expect(((await oneEvent(el, 'sb-contact-message')) as CustomEvent).detail).to.deep.equal({ name: 'Rosa', email: 'rosa@example.test', message: 'Where is my parcel?' });
    await expect(el).to.be.accessible();
  });

  it('books a callback as soon as possible or at a slot shown in the visitor’s time zone, grouped by day', async () => {
    const el = await fixture<SbContactOptions>(html`<sb-contact-options .state=${state({ form: 'callback' })}></sb-contact-options>`);
    const root = el.shadowRoot!;
    (root.querySelector('input[name=phone]') as HTMLInputElement).value = '+44 20 7946 0018';
    setTimeout(() => byText(el, 'Request call back').click());
    expect(((await oneEvent(el, 'sb-contact-callback')) as CustomEvent).detail).to.deep.equal({ phone: '+44 20 7946 0018', when: 'asap' });

    (root.querySelector('input[value=slot]') as HTMLInputElement).click();
    await el.updateComplete;
    const select = root.querySelector('select')!;
    expect(select.labels[0]!.textContent).to.contain(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(select.querySelectorAll('optgroup').length).to.equal(2, 'two days');
    expect(select.options[1]!.textContent).to.equal(new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(firstSlot + HALF_HOUR));
    select.selectedIndex = 1;
    setTimeout(() => byText(el, 'Request call back').click());
    expect(((await oneEvent(el, 'sb-contact-callback')) as CustomEvent).detail).to.deep.equal({ phone: '+44 20 7946 0018', when: firstSlot + HALF_HOUR });
    await expect(el).to.be.accessible();
  });

  it('marks the phone field invalid with the server’s reason, and lists booked callbacks with Cancel', async () => {
    const el = await fixture<SbContactOptions>(html`<sb-contact-options .state=${state({ form: 'callback', error: { reason: 'invalid-input', fields: ['phone'] } })}></sb-contact-options>`);
    const phone = el.shadowRoot!.querySelector('input[name=phone]')!;
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Please enter a valid phone number, with the country code.');

    el.state = state({ callbacks: [{ id: 'cb1', phone: '+442079460018', asap: false, dueAt: firstSlot, status: 'scheduled', attempts: 0 }] });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('We will call you on +442079460018 on');
    const cancel = byText(el, 'Cancel call back');
    expect(cancel.getAttribute('aria-label')).to.match(/^Cancel call back on /);
    setTimeout(() => cancel.click());
    expect(((await oneEvent(el, 'sb-contact-cancel')) as CustomEvent).detail).to.deep.equal({ id: 'cb1' });
    await expect(el).to.be.accessible();
  });
});
