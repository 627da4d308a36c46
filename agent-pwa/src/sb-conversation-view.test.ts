import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import './define.js';
import type { SbConversationView } from './sb-conversation-view.js';

const summary = (patch: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id: 'c1',
  status: 'active',
  queueId: 'q',
  visitor: { id: 'v1', name: 'Maria', email: 'maria@example.com' },
  agent: { id: 'a1', name: 'Ana' },
  lastSeq: 2,
  visitorReadSeq: 2,
  agentReadSeq: 0,
  createdAt: 1,
  ...patch,
});
const events: ConversationEvent[] = [
  { type: 'message', author: { kind: 'visitor', id: 'v1' }, text: 'Where is my order?', conversationId: 'c1', seq: 1, at: 1 },
  { type: 'message', author: { kind: 'agent', id: 'a1', name: 'Ana' }, text: 'Let me check.', conversationId: 'c1', seq: 2, at: 2 },
];
const replies = [{ id: 'r1', shortcut: 'moment', title: 'One moment', body: 'Give me a moment.' }];

async function view(patch: Partial<ConversationSummary> = {}) {
  return fixture<SbConversationView>(html`<sb-conversation-view .conversation=${summary(patch)} .events=${events} .cannedReplies=${replies}></sb-conversation-view>`);
}

describe('<sb-conversation-view>', () => {
  it('shows the visitor, the timeline and a Seen mark on the reply the visitor read', async () => {
    const el = await view();
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Maria');
    expect(root.textContent).to.contain('maria@example.com');
    expect(root.querySelector('[role=log]')!.getAttribute('aria-label')).to.equal('Conversation with Maria');
    expect(root.querySelector('li.agent .meta')!.textContent).to.equal('Seen');
  });

  it('inserts a canned reply into the composer and sends it with Enter', async () => {
    const el = await view();
    const root = el.shadowRoot!;
    const select = root.querySelector<HTMLSelectElement>('select')!;
    expect(select.getAttribute('aria-label')).to.equal('Insert a canned reply');
    select.value = 'r1';
    select.dispatchEvent(new Event('change'));
    const field = root.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(field.value).to.equal('Give me a moment.');
    expect(root.activeElement).to.equal(field);
    setTimeout(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    const sent = (await oneEvent(el, 'sb-reply')) as CustomEvent<{ text: string }>;
    expect(sent.detail.text).to.equal('Give me a moment.');
  });

  it('hides the composer once the conversation has ended', async () => {
    const el = await view({ status: 'ended' });
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('This conversation has ended.');
  });

  it('fires sb-end from the End conversation button and passes an accessibility audit', async () => {
    const el = await view();
    await expect(el).to.be.accessible();
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.danger')!.click());
    await oneEvent(el, 'sb-end');
  });
});
