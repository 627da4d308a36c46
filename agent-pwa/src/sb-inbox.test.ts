import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { Offer } from '../../signaling/protocol/server-frames.js';
import './define.js';
import type { SbInbox } from './sb-inbox.js';

const offer: Offer = { conversationId: 'c9', queueId: 'q', queueName: 'Support', channel: 'chat', visitor: { id: 'v9', name: 'Maria' }, preview: 'My order is late', expiresAt: Date.now() + 30_000 };
const conversation = (id: string, status: ConversationSummary['status'], name?: string): ConversationSummary => ({
  id,
  status,
  channel: 'chat',
  queueId: 'q',
  visitor: { id: `visitor-${id}`, ...(name ? { name } : {}) },
  lastSeq: 1,
  visitorReadSeq: 0,
  agentReadSeq: 0,
  createdAt: 1,
});

const buttons = (el: SbInbox) => [...el.shadowRoot!.querySelectorAll('button')];

describe('<sb-inbox>', () => {
  it('shows an offer with its preview, and Accept / Decline labelled with the visitor', async () => {
    const el = await fixture<SbInbox>(html`<sb-inbox .offers=${[offer]}></sb-inbox>`);
    expect(el.shadowRoot!.textContent).to.contain('My order is late');
    const labels = buttons(el).map((b) => b.getAttribute('aria-label'));
    expect(labels).to.deep.equal(['Accept chat from Maria', 'Decline chat from Maria']);
    setTimeout(() => buttons(el)[0]!.click());
    const accepted = (await oneEvent(el, 'sb-accept')) as CustomEvent<{ conversationId: string }>;
    expect(accepted.detail.conversationId).to.equal('c9');
    setTimeout(() => buttons(el)[1]!.click());
    expect(((await oneEvent(el, 'sb-decline')) as CustomEvent<{ conversationId: string }>).detail.conversationId).to.equal('c9');
  });

  it('lists active conversations before ended ones, marks the open one, and shows unread counts', async () => {
    const el = await fixture<SbInbox>(
      html`<sb-inbox .conversations=${[conversation('a', 'active', 'Lee'), conversation('b', 'ended', 'Kim')]} .selectedId=${'b'} .unread=${{ a: 2 }}></sb-inbox>`,
    );
    const headings = [...el.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).to.deep.equal(['Active', 'Recently ended']);
    const [lee, kim] = buttons(el);
    expect(lee!.textContent).to.contain('2 unread');
    expect(kim!.getAttribute('aria-current')).to.equal('true');
    setTimeout(() => lee!.click());
    expect(((await oneEvent(el, 'sb-select')) as CustomEvent<{ conversationId: string }>).detail.conversationId).to.equal('a');
  });

  it('names anonymous visitors by a short id, and explains an empty inbox', async () => {
    const empty = await fixture<SbInbox>(html`<sb-inbox></sb-inbox>`);
    expect(empty.shadowRoot!.textContent).to.contain('Set yourself Available to receive chats');
    const el = await fixture<SbInbox>(html`<sb-inbox .conversations=${[conversation('x', 'active')]}></sb-inbox>`);
    expect(buttons(el)[0]!.textContent).to.contain('Visitor VISI');
    await expect(el).to.be.accessible();
  });

  it('shows each conversation’s channel, last message and wait, and narrows the list by search and status, with a way back', async () => {
    const events = {
      c1: [{ type: 'message' as const, author: { kind: 'visitor' as const, id: 'visitor-c1' }, text: 'Where is my tent?', conversationId: 'c1', seq: 1, at: Date.now() - 125_000 }],
      c2: [],
    };
    const el = await fixture<SbInbox>(html`<sb-inbox .conversations=${[conversation('c1', 'active', 'José Pérez'), conversation('c2', 'ended', 'Rosa Diaz')]} .events=${events} .unread=${{ c1: 1 }}></sb-inbox>`);
    const lines = () => [...el.shadowRoot!.querySelectorAll('button.conversation')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(lines()[0]).to.contain('JP').and.contain('José Pérez').and.contain('1 unread').and.contain('Chat').and.contain('Waiting 2 min').and.contain('Where is my tent?');
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'jose';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(lines()).to.have.length(1);
    search.value = 'nobody';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No conversation matches');
    buttons(el).find((b) => b.textContent!.includes('Clear search and filters'))!.click();
    await el.updateComplete;
    expect(lines()).to.have.length(2);
    const status = el.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label=Status]')!;
    status.value = 'ended';
    status.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(lines().map((l) => l.includes('Rosa Diaz'))).to.deep.equal([true]);
  });
});
