import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { ChatState } from './chat-session.js';
import './define.js';
// The panel loads the alternatives' forms on demand; here they are loaded up front.
import '../contact/sb-contact-options.js';
import type { SbChatPanel } from './sb-chat-panel.js';

const summary = (patch: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id: 'c1',
  status: 'active',
  channel: 'chat',
  queueId: 'q',
  visitor: { id: 'v1' },
  agent: { id: 'a1', name: 'Ana' },
  lastSeq: 3,
  visitorReadSeq: 0,
  agentReadSeq: 0,
  createdAt: 1,
  ...patch,
});
const message = (seq: number, kind: 'visitor' | 'agent', text: string, clientId?: string): ConversationEvent => ({
  type: 'message',
  author: kind === 'agent' ? { kind, id: 'a1', name: 'Ana' } : { kind, id: 'v1' },
  text,
  conversationId: 'c1',
  seq,
  at: seq,
  ...(clientId ? { clientId } : {}),
});
const state = (patch: Partial<ChatState> = {}): ChatState => ({ connection: 'open', events: [], outbox: [], ...patch });

async function panel(s: ChatState): Promise<SbChatPanel> {
  return fixture<SbChatPanel>(html`<sb-chat-panel .state=${s}></sb-chat-panel>`);
}
const q = <T extends Element>(el: SbChatPanel, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: SbChatPanel) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<sb-chat-panel>', () => {
  it('shows the timeline with who said what, and the agent as the title', async () => {
    const el = await panel(state({ conversation: summary(), events: [message(1, 'visitor', 'Hi there'), { type: 'agent-joined', agent: { kind: 'agent', id: 'a1', name: 'Ana' }, conversationId: 'c1', seq: 2, at: 2 }, message(3, 'agent', 'Hello!')] }));
    expect(q(el, 'h2').textContent).to.equal('Ana');
    // The words of each line, without the avatar's initials and the time (which depends on the browser's zone).
    const words = (li: Element) => {
      const copy = li.cloneNode(true) as Element;
      copy.querySelectorAll('.avatar, time').forEach((n) => n.remove());
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    };
    const items = [...el.shadowRoot!.querySelectorAll('ol li')].map(words);
    // The visitor had read nothing of Ana's when the panel showed the conversation: her reply is new.
    expect(items.slice(1)).to.deep.equal(['Hi there', 'Ana joined the chat', 'New messages', 'AnaHello!']);
    expect(q(el, 'li.agent .avatar').textContent).to.equal('A');
    expect(q(el, 'li.agent time').getAttribute('datetime')).to.equal(new Date(3).toISOString());
    expect(q(el, 'li.agent .author').textContent).to.equal('Ana');
    expect(q(el, 'li.agent').getAttribute('aria-label')).to.equal('Message from Ana');
  });

  it('groups consecutive messages from one person: one avatar and name at the top, one time at the end', async () => {
    const events = [message(1, 'agent', 'Hello!'), message(2, 'agent', 'How can I help?'), message(3, 'visitor', 'My order'), message(4, 'visitor', 'It is late')];
    const el = await panel(state({ conversation: summary({ visitorReadSeq: 4, lastSeq: 4 }), events }));
    const lines = [...el.shadowRoot!.querySelectorAll('li.message')];
    expect(lines.map((li) => !!li.querySelector('.avatar'))).to.deep.equal([true, false, false, false]);
    expect(lines.map((li) => !!li.querySelector('time'))).to.deep.equal([false, true, false, true]);
    expect(el.shadowRoot!.querySelector('li.divider')).to.equal(null, 'everything was read: no New messages line');
  });

  it('sends on Enter with the trimmed text and clears the field; Shift+Enter does not send', async () => {
    const el = await panel(state({ conversation: summary() }));
    const field = q<HTMLTextAreaElement>(el, 'textarea');
    let sent = 0;
    el.addEventListener('sb-send', () => sent++);
    field.value = 'line one';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    expect(sent).to.equal(0);
    field.value = '  Where is my order?  ';
    setTimeout(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    const event = (await oneEvent(el, 'sb-send')) as CustomEvent<{ text: string }>;
    expect(event.detail.text).to.equal('Where is my order?');
    expect(field.value).to.equal('');
  });

  it('tells a waiting visitor their place in line, or that nobody is available', async () => {
    const el = await panel(state({ conversation: summary({ status: 'queued', agent: undefined }), queue: { position: 3, agentsAvailable: 2, estimatedWaitMs: 150_000 } }));
    expect(q(el, '[role=status]').textContent).to.equal('You are number 3 in line. An agent will be with you shortly. Estimated wait: about 3 min.');
    el.state = { ...el.state, queue: { position: 1, agentsAvailable: 2, estimatedWaitMs: 20_000 } };
    await el.updateComplete;
    expect(q(el, '[role=status]').textContent).to.equal('You are next in line. An agent will be with you shortly. Estimated wait: under a minute.');
    el.state = { ...el.state, queue: { position: 1, agentsAvailable: 0 } };
    await el.updateComplete;
    expect(q(el, '[role=status]').textContent).to.contain('No agent is available right now');
  });

  it('shows connection trouble, and unsent messages as not sent yet until the server has them', async () => {
    const el = await panel(state({ connection: 'reconnecting', conversation: summary(), outbox: [{ clientId: 'x1', text: 'Are you there?', createdAt: 1 }] }));
    expect(q(el, '[role=status]').textContent).to.equal('Connection lost. Reconnecting…');
    expect(q(el, 'li.pending').textContent).to.contain('Are you there?');
    expect(q(el, 'li.pending .meta').textContent).to.equal('Not sent yet; it will be sent when the connection is back.');
    el.state = { ...el.state, connection: 'open', events: [message(1, 'visitor', 'Are you there?', 'x1')] };
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('li.message')].filter((li) => li.textContent!.includes('Are you there?'))).to.have.length(1);
    expect(text(el)).not.to.contain('Not sent yet');
  });

  it('marks the newest visitor message the agent has read as Seen', async () => {
    const el = await panel(state({ conversation: summary({ agentReadSeq: 2 }), events: [message(1, 'visitor', 'first'), message(2, 'visitor', 'second'), message(3, 'visitor', 'third')] }));
    const seen = [...el.shadowRoot!.querySelectorAll('li.message')].map((li) => li.querySelector('.meta')?.textContent ?? '');
    expect(seen).to.deep.equal(['', 'Seen', '']);
  });

  it('asks before ending the conversation, then fires sb-end', async () => {
    const el = await panel(state({ conversation: summary() }));
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'End conversation')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('End this conversation?');
    setTimeout(() => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Yes, end it')!.click());
    await oneEvent(el, 'sb-end');
  });

  it('offers a new conversation once this one has ended, instead of the composer', async () => {
    const el = await panel(state({ conversation: summary({ status: 'ended' }), events: [{ type: 'ended', by: { kind: 'agent', id: 'a1', name: 'Ana' }, conversationId: 'c1', seq: 1, at: 1 }] }));
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    expect(text(el)).to.contain('Ana ended the conversation.');
    const newButton = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.ended button')].find((b) => b.textContent === 'Start a new conversation')!;
    setTimeout(() => newButton.click());
    await oneEvent(el, 'sb-new-conversation');
  });

  it('asks for a rating after the end, then thanks the visitor', async () => {
    const el = await panel(state({ conversation: summary({ status: 'ended' }) }));
    const stars = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.star')];
    expect(stars.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['1 of 5: Very poor', '2 of 5: Poor', '3 of 5: OK', '4 of 5: Good', '5 of 5: Excellent']);
    setTimeout(() => stars[3]!.click());
    expect(((await oneEvent(el, 'sb-rate')) as CustomEvent<{ rating: number }>).detail.rating).to.equal(4);
    el.state = { ...el.state, conversation: summary({ status: 'ended', rating: 4 }) };
    await el.updateComplete;
    expect(text(el)).to.contain('Thank you for your feedback!');
    await expect(el).to.be.accessible();
  });

  it('explains why routing could not take the chat', async () => {
    const el = await panel(state({ conversation: summary({ status: 'ended', agent: undefined }), events: [{ type: 'ended', by: { kind: 'system', id: 'routing' }, reason: 'closed', conversationId: 'c1', seq: 1, at: 1 }] }));
    expect(text(el)).to.contain('We are closed right now');
  });

  it('closes on Escape', async () => {
    const el = await panel(state());
    setTimeout(() => q(el, 'textarea').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    await oneEvent(el, 'sb-close');
  });

  it('passes an accessibility audit', async () => {
    const el = await panel(state({ conversation: summary(), events: [message(1, 'visitor', 'Hi'), message(2, 'agent', 'Hello')] }));
    await expect(el).to.be.accessible();
  });
});

describe('<sb-chat-panel> co-browsing', () => {
  const session = { sessionId: 's1', conversationId: 'c1', control: 'off' as const, agent: { id: 'a1', name: 'Ana' } };

  it('asks before sharing, says what the agent will and will not see, and reports the answer', async () => {
    const el = await panel(state({ conversation: summary(), cobrowse: { ...session, phase: 'requested' } }));
    const ask = q(el, '[role=group]');
    expect(ask.getAttribute('aria-labelledby')).to.equal('sb-cobrowse-q');
    expect(ask.textContent).to.include('Ana would like to see this page');
    expect(ask.textContent).to.include('never passwords or card numbers');
    const [share, decline] = [...ask.querySelectorAll('button')];
    setTimeout(() => decline!.click());
    await oneEvent(el, 'sb-cobrowse-decline');
    setTimeout(() => share!.click());
    await oneEvent(el, 'sb-cobrowse-accept');
    await expect(el).to.be.accessible();
  });

  it('offers to share when allowed, and shows Stop while sharing', async () => {
    const el = await fixture<SbChatPanel>(html`<sb-chat-panel cobrowse .state=${state({ conversation: summary() })}></sb-chat-panel>`);
    expect(text(el)).to.include('Show Ana this page');
    el.state = state({ conversation: summary(), cobrowse: { ...session, phase: 'active', room: { token: 't' } } });
    await el.updateComplete;
    const stop = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Stop sharing')!;
    setTimeout(() => stop.click());
    await oneEvent(el, 'sb-cobrowse-stop');
    const hidden = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${state({ conversation: summary() })}></sb-chat-panel>`);
    expect(text(hidden)).not.to.include('Show Ana this page');
  });
});

describe('<sb-chat-panel> alternatives to waiting', () => {
  const queueStatus = { queue: { slug: 'support', name: 'Support' }, open: true, agentsAvailable: 0, answerSoon: { chat: false, voice: false }, callbackSlots: [], offerAlternativesAfterMs: 120_000 };

  it('offers a message or a callback when nobody can answer, and becomes that choice alone when the queue is closed', async () => {
    const el = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${state()} .contact=${{ status: queueStatus, callbacks: [], busy: false }}></sb-chat-panel>`);
    expect(el.shadowRoot!.querySelector('textarea'), 'open with nobody free: the visitor may still write and wait').to.not.equal(null);
    el.contact = { status: { ...queueStatus, open: false }, callbacks: [], busy: false };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    const options = el.shadowRoot!.querySelector('sb-contact-options')!;
    await options.updateComplete;
    expect(options.shadowRoot!.textContent).to.contain('We are closed right now');
    await expect(el).to.be.accessible();
  });

  it('offers them beside the waiting chat only once the expected wait passes the queue’s threshold', async () => {
    const waiting = (estimatedWaitMs: number) => state({ conversation: summary({ status: 'queued' }), queue: { position: 3, agentsAvailable: 2, estimatedWaitMs } });
    const contact = { status: { ...queueStatus, agentsAvailable: 2, answerSoon: { chat: true, voice: true } }, callbacks: [], busy: false };
    const el = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${waiting(60_000)} .contact=${contact}></sb-chat-panel>`);
    expect(el.shadowRoot!.querySelector('sb-contact-options')).to.equal(null);
    el.state = waiting(5 * 60_000);
    await el.updateComplete;
    const options = el.shadowRoot!.querySelector('sb-contact-options')!;
    await options.updateComplete;
    expect(options.shadowRoot!.textContent).to.contain('The wait is about 5 min');
    expect(el.shadowRoot!.querySelector('textarea'), 'the visitor may also keep waiting and writing').to.not.equal(null);
  });

  it('says once, with the alternatives, that nobody can answer soon while the only agent is held in wrap-up', async () => {
    const before = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${state()} .contact=${{ status: { ...queueStatus, agentsAvailable: 1 }, callbacks: [], busy: false }}></sb-chat-panel>`);
    const menu = before.shadowRoot!.querySelector('sb-contact-options')!;
    await menu.updateComplete;
    expect(menu.shadowRoot!.textContent, 'before the chat, the alternatives say it').to.contain('Nobody can answer soon');
    // The server sends no estimate when nobody can say when an agent will be free.
    const waiting = state({ conversation: summary({ status: 'queued', agent: undefined }), queue: { position: 3, agentsAvailable: 1 } });
    const contact = { status: { ...queueStatus, agentsAvailable: 1 }, callbacks: [], busy: false };
    const el = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${waiting} .contact=${contact}></sb-chat-panel>`);
    const options = el.shadowRoot!.querySelector('sb-contact-options')!;
    await options.updateComplete;
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('No agent is available right now');
    expect(options.shadowRoot!.querySelector('p'), 'the choices alone below it, no second notice').to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('under a minute');
    expect([...options.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Leave a message', 'Call me back']);
  });

  it('offers "Call us" only when the server says a call is answered soon, and a callback otherwise', async () => {
    const idle = state();
    const contact = (voice: boolean) => ({ status: { ...queueStatus, agentsAvailable: 1, answerSoon: { chat: true, voice } }, callbacks: [], busy: false });
    const el = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${idle} .voice=${true} .contact=${contact(false)}></sb-chat-panel>`);
    const header = () => [...el.shadowRoot!.querySelectorAll('[part=header] button')].map((b) => b.textContent!.trim());
    expect(header()).to.deep.equal(['Call me back', '×']);
    setTimeout(() => (el.shadowRoot!.querySelector('[part=callback-button]') as HTMLButtonElement).click());
    expect(((await oneEvent(el, 'sb-contact-open')) as CustomEvent).detail).to.deep.equal({ form: 'callback' });
    el.contact = contact(true);
    await el.updateComplete;
    expect(header()).to.deep.equal(['Call us', '×']);
  });
});
