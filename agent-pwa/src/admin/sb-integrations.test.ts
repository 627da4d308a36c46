import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './sb-integrations.js';
import type { SbIntegrations } from './sb-integrations.js';

const queues = [
  { id: 'q1', slug: 'support', name: 'Support' },
  { id: 'q2', slug: 'billing', name: 'Billing' },
];

describe('<sb-integrations>', () => {
  it('shows each channel with its endpoint and secret, and adds one', async () => {
    const channels = [{ id: 'ch1', name: 'SMS', queueId: 'q1', secret: 's3cr3t', outboundUrl: 'https://gateway.example/sms', createdAt: 1 }];
    const el = await fixture<SbIntegrations>(html`<sb-integrations .channels=${channels} .queues=${queues}></sb-integrations>`);
    const root = el.shadowRoot!;
    const text = root.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('SMS → Support');
    expect(text).to.contain('POST /api/channels/ch1/messages');
    expect(text).to.contain('s3cr3t');
    const form = root.querySelector<HTMLFormElement>('form[aria-label="New channel"]')!;
    (form.elements.namedItem('name') as HTMLInputElement).value = 'WhatsApp';
    (form.elements.namedItem('queue') as HTMLSelectElement).value = 'billing';
    setTimeout(() => form.requestSubmit());
    expect(((await oneEvent(el, 'sb-channel-create')) as CustomEvent).detail).to.deep.equal({ name: 'WhatsApp', queue: 'billing' });
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[aria-label="Remove channel SMS"]')!.click());
    expect(((await oneEvent(el, 'sb-channel-remove')) as CustomEvent).detail).to.deep.equal({ id: 'ch1' });
    await expect(el).to.be.accessible();
  });

  it('subscribes a webhook to the chosen events, and adds and removes e-mail routing rules', async () => {
    const rules = [{ keywords: ['invoice'], in: 'subject' as const, queue: 'billing' }];
    const el = await fixture<SbIntegrations>(html`<sb-integrations .rules=${rules} .queues=${queues}></sb-integrations>`);
    const root = el.shadowRoot!;
    const hook = root.querySelector<HTMLFormElement>('form[aria-label="New webhook"]')!;
    (hook.elements.namedItem('url') as HTMLInputElement).value = 'https://crm.example/hook';
    for (const box of hook.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = box.value === 'conversation.ended';
    setTimeout(() => hook.requestSubmit());
    expect(((await oneEvent(el, 'sb-webhook-create')) as CustomEvent).detail).to.deep.equal({ url: 'https://crm.example/hook', events: ['conversation.ended'] });

    expect(root.textContent!.replace(/\s+/g, ' ')).to.contain('invoice (in the subject) → Billing');
    const rule = root.querySelector<HTMLFormElement>('form[aria-label="New rule"]')!;
    (rule.elements.namedItem('keywords') as HTMLInputElement).value = 'refund, chargeback';
    (rule.elements.namedItem('queue') as HTMLSelectElement).value = 'billing';
    setTimeout(() => rule.requestSubmit());
    expect(((await oneEvent(el, 'sb-mail-rules')) as CustomEvent).detail).to.deep.equal({ rules: [...rules, { keywords: ['refund', 'chargeback'], in: 'subject-and-text', queue: 'billing' }] });
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[aria-label="Remove rule 1"]')!.click());
    expect(((await oneEvent(el, 'sb-mail-rules')) as CustomEvent).detail).to.deep.equal({ rules: [] });
    await expect(el).to.be.accessible();
  });

  it('sets a queue’s callback policy and when the widget offers alternatives, in minutes', async () => {
    const contactOptions = { q1: { offerAlternativesAfterMs: 120_000, callbackRetryMs: 900_000, callbackMaxAttempts: 3 }, q2: { callbackRetryMs: 600_000, callbackMaxAttempts: 2 } };
    const el = await fixture<SbIntegrations>(html`<sb-integrations .queues=${queues} .contactOptions=${contactOptions}></sb-integrations>`);
    const root = el.shadowRoot!;
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Callbacks and waiting"]')!;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    expect([field('after').value, field('retry').value, field('attempts').value]).to.deep.equal(['2', '15', '3']);
    const select = form.elements.namedItem('queue') as HTMLSelectElement;
    select.value = 'q2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([field('after').value, field('retry').value, field('attempts').value]).to.deep.equal(['', '10', '2']);
    field('after').value = '5';
    setTimeout(() => form.requestSubmit());
    expect(((await oneEvent(el, 'sb-contact-options')) as CustomEvent).detail).to.deep.equal({ queueId: 'q2', options: { offerAlternativesAfterMs: 300_000, callbackRetryMs: 600_000, callbackMaxAttempts: 2 } });
    await expect(el).to.be.accessible();
  });
});
