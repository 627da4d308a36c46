import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { ChatState } from './chat-session.js';
import './define.js';
import type { SbChatPanel } from './sb-chat-panel.js';

const conversation: ConversationSummary = { id: 'c1', status: 'active', channel: 'chat', queueId: 'q', visitor: { id: 'v1' }, agent: { id: 'a1', name: 'Ana' }, lastSeq: 0, visitorReadSeq: 0, agentReadSeq: 0, createdAt: 1 };
const state = (patch: Partial<ChatState> = {}): ChatState => ({ connection: 'open', events: [], outbox: [], conversation, ...patch });
const ringing = state({ ring: { conversationId: 'c1', agentName: 'Ana', expiresAt: Date.now() + 30_000 } });

async function panel(s: ChatState): Promise<SbChatPanel> {
  return fixture<SbChatPanel>(html`<sb-chat-panel voice .company=${'Northwind'} .state=${s}></sb-chat-panel>`);
}

describe('<sb-chat-panel> when an agent calls', () => {
  it('rings as an alert dialog naming the agent and the company, with the focus on Accept', async () => {
    const el = await panel(state());
    el.state = ringing;
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('[role="alertdialog"]')!;
    const title = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).to.equal('Ana from Northwind is calling');
    const accept = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-ring-accept]')!;
    expect(el.shadowRoot!.activeElement).to.equal(accept);
    setTimeout(() => accept.click());
    expect((await oneEvent(el, 'sb-web-call-answer')).detail).to.deep.equal({ conversationId: 'c1', accept: true });
  });

  it('declines with the Decline button and with Escape', async () => {
    const el = await panel(ringing);
    const decline = [...el.shadowRoot!.querySelectorAll('[role="alertdialog"] button')].find((b) => b.textContent === 'Decline') as HTMLButtonElement;
    setTimeout(() => decline.click());
    expect((await oneEvent(el, 'sb-web-call-answer')).detail).to.deep.equal({ conversationId: 'c1', accept: false });
    setTimeout(() => decline.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    expect((await oneEvent(el, 'sb-web-call-answer')).detail).to.deep.equal({ conversationId: 'c1', accept: false });
  });

  it('offers the setting that turns calls from agents off, checked while they are allowed', async () => {
    const el = await panel(state({ webCallsOff: false }));
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('.web-call-setting input')!;
    expect(box.checked).to.equal(true);
    expect(el.shadowRoot!.querySelector('.web-call-setting')!.textContent!.trim()).to.equal('Agents may call me here');
    setTimeout(() => box.click());
    expect((await oneEvent(el, 'sb-web-call-settings')).detail).to.deep.equal({ off: true });
  });
});
