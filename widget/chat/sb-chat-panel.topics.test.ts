import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { QueueStatus } from '../../signaling/protocol/contact-options.js';
import type { PreChatForm } from '../../signaling/protocol/pre-chat-form.js';
import type { ChatState } from './chat-session.js';
import './define.js';
import './sb-topic-menu.js';
import './sb-pre-chat-form.js';
import type { SbChatPanel } from './sb-chat-panel.js';
import type { TopicChoiceState } from './topic-choice.js';

const state = (patch: Partial<ChatState> = {}): ChatState => ({ connection: 'open', events: [], outbox: [], returning: false, ...patch });
const topics = [{ label: 'Orders', queue: 'support' }, { label: 'Billing', queue: 'billing' }];
const status: QueueStatus = { queue: { slug: 'support', name: 'Support' }, open: true, agentsAvailable: 1, answerSoon: { chat: true, voice: false }, callbackSlots: [], topics };
const contact = (s: QueueStatus) => ({ status: s, callbacks: [], busy: false });
const menu: TopicChoiceState = { phase: 'menu', articles: [], opened: {} };
const chosen: TopicChoiceState = { phase: 'chosen', topic: topics[1], articles: [], opened: {} };
const form: PreChatForm = { enabled: true, fields: { name: 'optional', email: 'required', phone: 'off' }, consent: null, custom: [] };

describe('<sb-chat-panel> topic menu', () => {
  it('opens on the menu instead of the composer while no topic is chosen', async () => {
    const el = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${state()} .contact=${contact(status)} .topics=${menu}></sb-chat-panel>`);
    expect(el.shadowRoot!.querySelector('sb-topic-menu')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
  });

  it('without topics, or once a chat exists, the chat shows as before', async () => {
    const { topics: _none, ...plain } = status;
    const without = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${state()} .contact=${contact(plain)} .topics=${menu}></sb-chat-panel>`);
    expect(without.shadowRoot!.querySelector('sb-topic-menu')).to.equal(null);
    const writing = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${state({ outbox: [{ clientId: 'c-1', text: 'Hi', createdAt: 1 }] })} .contact=${contact(status)} .topics=${menu}></sb-chat-panel>`);
    expect(writing.shadowRoot!.querySelector('sb-topic-menu')).to.equal(null);
  });

  it('names the chosen topic above the composer with a way back', async () => {
    const el = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${state()} .contact=${contact(status)} .topics=${chosen}></sb-chat-panel>`);
    expect(el.shadowRoot!.querySelector('textarea')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('.topic-bar')!.textContent).to.contain('Topic: Billing');
    const change = el.shadowRoot!.querySelector<HTMLButtonElement>('.topic-bar button')!;
    setTimeout(() => change.click());
    await oneEvent(el, 'sb-topic-back');
  });

  it('shows the chosen queue’s pre-chat form after the topic', async () => {
    const el = await fixture<SbChatPanel>(html`<sb-chat-panel .state=${state()} .contact=${contact({ ...status, queue: { slug: 'billing', name: 'Billing' }, preChatForm: form })} .topics=${chosen}></sb-chat-panel>`);
    expect(el.shadowRoot!.querySelector('sb-pre-chat-form')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('.topic-bar')!.textContent).to.contain('Topic: Billing');
  });
});
