import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CustomerProfile } from '../../../signaling/protocol/customers.js';
import './sb-customer-pane.js';
import type { SbCustomerPane } from './sb-customer-pane.js';

const contact = (id: string, channel: 'chat' | 'email', visitorId: string, patch: Partial<CustomerProfile['contacts'][number]> = {}): CustomerProfile['contacts'][number] => ({
  id,
  status: 'ended',
  channel,
  queueId: 'q',
  visitor: { id: visitorId, name: 'Rosa Diaz' },
  lastSeq: 3,
  visitorReadSeq: 0,
  agentReadSeq: 0,
  createdAt: Date.UTC(2026, 10, 20, 9, 30),
  tags: [],
  notes: [],
  ...patch,
});

const profile: CustomerProfile = {
  id: 'cu1',
  name: 'Rosa Diaz',
  email: 'rosa@example.test',
  verified: true,
  externalId: 'user-42',
  attributes: { plan: 'pro', seats: 5 },
  context: { pages: [{ url: 'https://shop.test/', title: 'Home', at: 1 }, { url: 'https://shop.test/orders', title: 'Orders', at: 2 }], referrer: 'https://search.example/?q=tents', language: 'pt-PT', timeZone: 'Europe/Lisbon', userAgent: 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/156.0 Safari/537.36' },
  contacts: [
    contact('c2', 'chat', 'v2', { status: 'active', agent: { id: 'a1', name: 'Ana Lima' }, firstMessage: 'Hi again' }),
    contact('c1', 'email', 'v1', { subject: 'Where is order 10449?', disposition: 'resolved', tags: ['shipping'], notes: [{ id: 1, conversationId: 'c1', kind: 'note', author: { id: 'a2', name: 'Ben Okafor' }, text: 'Sent a new parcel.', at: 5 }] }),
  ],
  audit: [{ action: 'matched', actor: 'system', detail: 'visitor v2 by e-mail', at: 6 }],
};

describe('<sb-customer-pane>', () => {
  it('names an anonymous visitor as the offer and the conversation do', async () => {
    const anonymous: CustomerProfile = { id: 'cu9', verified: false, attributes: {}, context: { pages: [] }, contacts: [contact('c9', 'chat', '4f1c9a', { status: 'active', visitor: { id: '4f1c9a' } })], audit: [] };
    const el = await fixture<SbCustomerPane>(html`<sb-customer-pane .profile=${anonymous} .conversationId=${'c9'}></sb-customer-pane>`);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.contain('Visitor 4F1C');
  });

  it('shows who the customer is, their browser, every contact with outcome, tags and notes, and who else is viewing', async () => {
    const el = await fixture<SbCustomerPane>(html`<sb-customer-pane .profile=${profile} .conversationId=${'c2'} .viewers=${[{ id: 'a1', name: 'Ana Lima' }, { id: 'a2', name: 'Ben Okafor' }]} .selfId=${'a1'}></sb-customer-pane>`);
    const root = el.shadowRoot!;
    const text = root.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Rosa Diaz');
    expect(text).to.contain('Verified by the site');
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Also viewing: Ben Okafor');
    expect(text).to.contain('plan');
    expect(text).to.contain('Browser: Chrome, Windows');
    expect(text).to.contain('Came from: search.example');
    expect(text).to.match(/Local time: .*\(Europe\/Lisbon\)/);
    expect([...root.querySelectorAll('ol[aria-labelledby=pages] a')].map((a) => a.textContent)).to.deep.equal(['Orders', 'Home']);
    const items = [...root.querySelectorAll('ul[aria-labelledby=history] > li')];
    expect(items).to.have.length(2);
    expect(items[0]!.getAttribute('aria-current')).to.equal('true');
    expect(items[1]!.textContent!.replace(/\s+/g, ' ')).to.contain('E-mail');
    expect(items[1]!.textContent).to.contain('Where is order 10449?');
    expect(items[1]!.textContent).to.contain('resolved');
    expect(items[1]!.querySelector('.tag')!.textContent).to.equal('shipping');
    expect(items[1]!.querySelector('.note')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Internal note by Ben Okafor: Sent a new parcel.');
    await expect(el).to.be.accessible();
  });

  it('saves tags and notes, finds a duplicate to merge, and splits a contact of another visitor off', async () => {
    const el = await fixture<SbCustomerPane>(html`<sb-customer-pane .profile=${profile} .conversationId=${'c2'}></sb-customer-pane>`);
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#tags')!.value = 'refund, VIP ';
    setTimeout(() => root.querySelector<HTMLInputElement>('#tags')!.form!.requestSubmit());
    expect(((await oneEvent(el, 'sb-customer-tags')) as CustomEvent).detail).to.deep.equal({ tags: ['refund', 'VIP'] });
    root.querySelector<HTMLTextAreaElement>('#note')!.value = 'Prefers e-mail.';
    setTimeout(() => root.querySelector<HTMLTextAreaElement>('#note')!.form!.requestSubmit());
    expect(((await oneEvent(el, 'sb-customer-note')) as CustomEvent).detail).to.deep.equal({ text: 'Prefers e-mail.' });
    root.querySelector<HTMLInputElement>('#merge')!.value = 'rosa';
    setTimeout(() => root.querySelector<HTMLInputElement>('#merge')!.form!.requestSubmit());
    expect(((await oneEvent(el, 'sb-customer-search')) as CustomEvent).detail).to.deep.equal({ q: 'rosa' });
    el.searchResults = [{ id: 'cu9', name: 'Rosa D.', email: 'rosa.d@example.test' }];
    await el.updateComplete;
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[aria-label="Merge Rosa D. · rosa.d@example.test into this customer"]')!.click());
    expect(((await oneEvent(el, 'sb-customer-merge')) as CustomEvent).detail).to.deep.equal({ customerId: 'cu9' });
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[aria-label^="Split off the E-mail of"]')!.click());
    expect(((await oneEvent(el, 'sb-customer-split')) as CustomEvent).detail).to.deep.equal({ visitorId: 'v1' });
  });

  it('shows a possible match by the address only, and asks to link it or says “not them”', async () => {
    const claimant: CustomerProfile = { ...profile, verified: false, possibleMatches: [{ id: 'm1', kind: 'email', value: 'rosa@example.test' }] };
    delete claimant.externalId;
    const el = await fixture<SbCustomerPane>(html`<sb-customer-pane .profile=${claimant} .conversationId=${'c2'}></sb-customer-pane>`);
    const root = el.shadowRoot!;
    const notice = root.querySelector('.match')!;
    expect(notice.textContent!.replace(/\s+/g, ' ')).to.contain('Possible match: another customer gave the e-mail address rosa@example.test.');
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[aria-label^="Link: the customer who gave rosa@example.test is this one"]')!.click());
    expect(((await oneEvent(el, 'sb-customer-link-match')) as CustomEvent).detail).to.deep.equal({ matchId: 'm1' });
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[aria-label="Not them: not the customer who gave rosa@example.test"]')!.click());
    expect(((await oneEvent(el, 'sb-customer-dismiss-match')) as CustomEvent).detail).to.deep.equal({ matchId: 'm1' });
    await expect(el).to.be.accessible();

    // As a screen pop the agent sees it, and decides once the contact is theirs.
    const pop = await fixture<SbCustomerPane>(html`<sb-customer-pane readOnly .profile=${claimant} .conversationId=${'c2'}></sb-customer-pane>`);
    expect(pop.shadowRoot!.querySelector('.match')).to.not.equal(null);
    expect(pop.shadowRoot!.querySelector('.match button')).to.equal(null);
  });

  it('is read-only as a screen pop', async () => {
    const el = await fixture<SbCustomerPane>(html`<sb-customer-pane readOnly .profile=${profile} .conversationId=${'c2'}></sb-customer-pane>`);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.querySelector('button[aria-label^="Split"]')).to.equal(null);
  });
});
