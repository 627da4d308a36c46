import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import './define.js';
import type { SbConversationView } from './sb-conversation-view.js';

const summary = (patch: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id: 'c1',
  status: 'active',
  channel: 'chat',
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

  it('inserts a canned reply by /shortcut from the keyboard, in the customer’s language, with its variables filled in', async () => {
    const variants = [
      { id: 'r1', shortcut: 'moment', title: 'One moment', body: 'Give me a moment.' },
      { id: 'r2', shortcut: 'hello', title: 'Greeting', body: 'Hi {{customer.first_name | there}}, this is {{agent.first_name}}.' },
      { id: 'r3', shortcut: 'hello', title: 'Begrüßung', body: 'Hallo {{customer.first_name}}, hier ist {{agent.first_name}}.', language: 'de' },
    ];
    const el = await fixture<SbConversationView>(html`<sb-conversation-view .conversation=${summary({ language: 'de-AT', visitor: { id: 'v1', name: 'Maria Gruber' } })} .events=${events} .cannedReplies=${variants} .agentName=${'Ana Lima'}></sb-conversation-view>`);
    const root = el.shadowRoot!;
    const field = root.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(field.getAttribute('lang')).to.equal('de-AT');
    expect(field.spellcheck).to.equal(true);
    field.value = '/h';
    field.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    const options = [...root.querySelectorAll('[role=option]')];
    expect(options.map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['/hello Begrüßung (de)']);
    expect(field.getAttribute('aria-activedescendant')).to.equal('shortcut-r3');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(field.value).to.equal('Hallo Maria, hier ist Ana.');
    expect(root.querySelector('[role=listbox]'), 'the list closes').to.equal(null);
    setTimeout(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(((await oneEvent(el, 'sb-reply')) as CustomEvent<{ text: string }>).detail.text).to.equal('Hallo Maria, hier ist Ana.');
    await expect(el).to.be.accessible();
  });

  it('offers suggested replies and articles as one-click chips', async () => {
    const suggestions = { replies: [{ id: 'r1', shortcut: 'moment', title: 'One moment', body: 'Give me a moment, {{customer.first_name}}.', score: 3 }], articles: [{ id: 'a1', title: 'Returns and refunds', excerpt: 'You can return any item within 30 days.', score: 2 }] };
    const el = await fixture<SbConversationView>(html`<sb-conversation-view .conversation=${summary()} .events=${events} .suggestions=${suggestions} .agentName=${'Ana'}></sb-conversation-view>`);
    const root = el.shadowRoot!;
    const chips = root.querySelector('[role=group][aria-label="Suggested replies"]')!;
    chips.querySelector<HTMLButtonElement>('button[aria-label="Insert the canned reply One moment"]')!.click();
    const field = root.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(field.value).to.equal('Give me a moment, Maria.');
    chips.querySelector<HTMLButtonElement>('button[aria-label="Insert the article Returns and refunds"]')!.click();
    expect(field.value).to.equal('Give me a moment, Maria. Returns and refunds: You can return any item within 30 days.');
  });

  it('hides the composer once the conversation has ended', async () => {
    const el = await view({ status: 'ended' });
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('This conversation has ended.');
  });

  it('shows whispers to the agent, and in monitoring mode offers a whisper box and Join instead of replying', async () => {
    const notes = [{ id: 1, conversationId: 'c1', kind: 'whisper' as const, author: { id: 'b', name: 'Ben' }, text: 'Offer a refund.', at: 3 }];
    const agentView = await fixture<SbConversationView>(html`<sb-conversation-view .conversation=${summary()} .events=${events} .notes=${notes}></sb-conversation-view>`);
    expect(agentView.shadowRoot!.querySelector('[aria-label="Notes for agents (the visitor does not see them)"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Whisper from Ben: Offer a refund.');
    const el = await fixture<SbConversationView>(html`<sb-conversation-view monitoring .conversation=${summary()} .events=${events} .notes=${notes}></sb-conversation-view>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('button.danger'), 'a monitor cannot end it').to.equal(null);
    const field = root.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(field.getAttribute('aria-label')).to.equal('Whisper to Ana (the visitor does not see it)');
    field.value = 'Try the bank transfer';
    setTimeout(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(((await oneEvent(el, 'sb-whisper')) as CustomEvent<{ text: string }>).detail.text).to.equal('Try the bank transfer');
    setTimeout(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Join the conversation')!.click());
    await oneEvent(el, 'sb-barge');
    await expect(el).to.be.accessible();
  });

  it('fires sb-end from the End conversation button and passes an accessibility audit', async () => {
    const el = await view();
    await expect(el).to.be.accessible();
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.danger')!.click());
    await oneEvent(el, 'sb-end');
  });
});
