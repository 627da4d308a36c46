/** The ended conversation's "Delete this conversation": asked with a confirmation, answered per the site's mode. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import './define.js';
import type { SbChatPanel } from './sb-chat-panel.js';

const ended: ConversationSummary = { id: 'c9', status: 'ended', channel: 'chat', queueId: 'q', visitor: { id: 'v1' }, agent: { id: 'a1', name: 'Ana' }, lastSeq: 2, visitorReadSeq: 2, agentReadSeq: 2, createdAt: 1, endedAt: 2, rating: 5 };
const events: ConversationEvent[] = [
  { type: 'message', author: { kind: 'visitor', id: 'v1' }, text: 'My card number is private', conversationId: 'c9', seq: 1, at: 1 },
  { type: 'ended', by: { kind: 'visitor', id: 'v1' }, conversationId: 'c9', seq: 2, at: 2 },
];

const panel = () => fixture<SbChatPanel>(html`<sb-chat-panel .state=${{ connection: 'open', events, outbox: [], conversation: ended }}></sb-chat-panel>`);
const text = (el: SbChatPanel) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const button = (el: SbChatPanel, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);

describe('<sb-chat-panel> deleting a conversation', () => {
  it('asks for confirmation, and only then asks for this conversation to be deleted', async () => {
    const el = await panel();
    let asked = 0;
    el.addEventListener('sb-delete-conversation', () => asked++);
    button(el, 'Delete this conversation')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('Delete this conversation and its messages for good?');
    button(el, 'Keep it')!.click();
    await el.updateComplete;
    expect(asked).to.equal(0);
    expect(button(el, 'Yes, delete it')).to.equal(undefined);

    button(el, 'Delete this conversation')!.click();
    await el.updateComplete;
    setTimeout(() => button(el, 'Yes, delete it')!.click());
    const event = (await oneEvent(el, 'sb-delete-conversation')) as CustomEvent<{ conversationId: string }>;
    expect(event.detail.conversationId).to.equal('c9');
  });

  it('says a reviewed request was sent, and keeps the messages until it is done', async () => {
    const el = await panel();
    el.deletion = { conversationId: 'c9', status: 'pending' };
    await el.updateComplete;
    expect(text(el)).to.contain('Your request was sent.');
    expect(text(el)).to.contain('My card number is private');
    expect(button(el, 'Delete this conversation')).to.equal(undefined);
  });

  it('removes the messages from the screen once the conversation is erased', async () => {
    const el = await panel();
    el.deletion = { conversationId: 'c9', status: 'erased' };
    await el.updateComplete;
    expect(text(el)).to.contain('This conversation was deleted.');
    expect(text(el)).not.to.contain('My card number is private');
  });

  it('offers to try again when the request failed, and ignores an answer about another conversation', async () => {
    const el = await panel();
    el.deletion = { conversationId: 'c9', status: 'failed' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('The conversation could not be deleted. Please try again.');
    expect(button(el, 'Delete this conversation')).to.not.equal(undefined);
    el.deletion = { conversationId: 'another', status: 'erased' };
    await el.updateComplete;
    expect(text(el)).to.contain('My card number is private');
    expect(text(el)).not.to.contain('This conversation was deleted.');
  });
});
