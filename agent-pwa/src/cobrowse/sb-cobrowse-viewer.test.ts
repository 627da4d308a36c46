import { expect, fixture, html } from '@open-wc/testing';
import type { CobrowseView } from '../../../signaling/protocol/cobrowse.js';
import '../define.js';
import './sb-cobrowse-viewer.js';
import type { SbCobrowseViewer } from './sb-cobrowse-viewer.js';
import type { SbConversationView } from '../sb-conversation-view.js';
import type { ConversationSummary } from '../../../signaling/protocol/conversation.js';

const asked: CobrowseView = { sessionId: 's1', conversationId: 'c1', phase: 'requested', control: 'off', agent: { id: 'a1', name: 'Ana' } };
const conversation: ConversationSummary = { id: 'c1', status: 'active', channel: 'chat', queueId: 'q', visitor: { id: 'v1', name: 'Maria' }, agent: { id: 'a1', name: 'Ana' }, lastSeq: 0, visitorReadSeq: 0, agentReadSeq: 0, createdAt: 1 };

describe('<sb-cobrowse-viewer>', () => {
  it('waits for the visitor, without opening a room, until they share', async () => {
    const el = await fixture<SbCobrowseViewer>(html`<sb-cobrowse-viewer .session=${asked} .visitor=${'Maria'} .agentName=${'Ana'}></sb-cobrowse-viewer>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Waiting for Maria to share their page…');
    expect(el.connection).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

describe('<sb-conversation-view> co-browsing', () => {
  it('offers Co-browse on an active conversation and shows the timeline’s co-browse events', async () => {
    const events = [
      { type: 'cobrowse' as const, action: 'started' as const, by: { kind: 'visitor' as const, id: 'v1' }, conversationId: 'c1', seq: 1, at: 1 },
      { type: 'cobrowse' as const, action: 'ended' as const, reason: 'visitor-left' as const, by: { kind: 'system' as const, id: 'system' }, conversationId: 'c1', seq: 2, at: 2 },
    ];
    const el = await fixture<SbConversationView>(html`<sb-conversation-view .conversation=${conversation} .events=${events}></sb-conversation-view>`);
    const ask = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Co-browse: ask Maria to share their page"]')!;
    expect(ask.textContent).to.equal('Co-browse');
    const log = el.shadowRoot!.querySelector('[role=log]')!.textContent!;
    expect(log).to.include('Maria started sharing their page.');
    expect(log).to.include('Co-browsing ended: the page was closed.');
    el.cobrowse = asked;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button[aria-label="Co-browse: ask Maria to share their page"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('sb-cobrowse-viewer')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
