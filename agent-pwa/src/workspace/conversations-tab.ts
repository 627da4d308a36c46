/**
 * The Conversations tab: the inbox beside the conversation being worked (with its customer), a
 * conversation a supervisor watches, or the screen pop of the first offer.
 */
import type { AttachmentRef } from '../../../signaling/protocol/attachments.js';
import { html, nothing } from 'lit';
import type { CannedReply, TransferTargets } from '../../../signaling/protocol/api.js';
import type { CallbackOutcome } from '../../../signaling/protocol/conversation.js';
import type { VoiceClip } from '../../../signaling/protocol/voice-clips.js';
import type { AgentSession } from '../agent-session.js';
import type { AgentState } from '../agent-state.js';
import { api } from '../api-client.js';
import type { AgentCalls } from '../call/agent-calls.js';
import type { CustomerController } from '../customer/customer-controller.js';
import { t, visitorName } from '../i18n/en.js';
import { renderCustomerPane, screenPop } from './customer-on-screen.js';
import { reviewApi } from '../review/review-api.js';

type Detail<T> = CustomEvent<T>;
type TransferTo = { agentId: string } | { queueId: string };

/** What the tab reads from the workspace and asks of it. */
export interface ConversationsTabHost {
  readonly session: AgentSession;
  readonly calls: AgentCalls;
  readonly customer: CustomerController;
  readonly selectedId: string | undefined;
  /** Set while the transfer form is open, with its targets once loaded. */
  readonly transferring: boolean;
  readonly transferTargets: TransferTargets | undefined;
  /** Set while the escalation form is open. */
  readonly escalating: boolean;
  /** The last escalation was refused for want of a higher tier. */
  readonly escalationRefused: boolean;
  readonly cannedReplies: CannedReply[];
  /** The team's voice replies, for calls. */
  readonly voiceClips: VoiceClip[];
  /** Runs an action, showing its failure in the workspace's banner. */
  act(work: () => Promise<void>): Promise<void>;
  select(conversationId: string): void;
  toggleTransfer(): void;
  closeTransfer(): void;
  transfer(conversationId: string, to: TransferTo, note?: string): Promise<void>;
  toggleEscalate(): void;
  escalate(conversationId: string, reason: string): Promise<void>;
}

export function renderConversationsTab(host: ConversationsTabHost) {
  const { session, selectedId } = host;
  const s = session.state;
  const selected = s.conversations.find((c) => c.id === selectedId);
  const unread = Object.fromEntries(s.conversations.map((c) => [c.id, c.id === selectedId ? 0 : session.unreadCount(c.id)]));
  const accept = (conversationId: string) =>
    host.act(async () => {
      await session.accept(conversationId);
      host.select(conversationId);
    });
  const offer = screenPop(s, selected);
  return html`<div class="panes">
    <sb-inbox
      .offers=${s.offers}
      .conversations=${s.conversations}
      .selectedId=${selectedId}
      .unread=${unread}
      .events=${s.events}
      .agentId=${s.agent?.id}
      @sb-accept=${(e: Detail<{ conversationId: string }>) => accept(e.detail.conversationId)}
      @sb-decline=${(e: Detail<{ conversationId: string }>) => host.act(() => session.decline(e.detail.conversationId))}
      @sb-select=${(e: Detail<{ conversationId: string }>) => host.select(e.detail.conversationId)}
    ></sb-inbox>
    <main>
      ${s.monitored
        ? renderMonitored(host, s.monitored)
        : offer
          ? html`<div class="screen-pop"><h2 class="pop">${t('screenPopHeading', { name: visitorName(offer.visitor) })}</h2>${renderCustomerPane(host.customer, s, offer.conversationId, true, (work) => host.act(work))}</div>`
          : selected
            ? renderWorked(host, selected)
            : html`<div class="empty muted">${t('selectPrompt')}</div>`}
    </main>
  </div>`;
}

/** A conversation a supervisor watches: read-only, with whisper, barge and stop. */
function renderMonitored(host: ConversationsTabHost, monitored: NonNullable<AgentState['monitored']>) {
  const { session } = host;
  const s = session.state;
  const id = monitored.id;
  return html`<div class="work"><sb-conversation-view
      monitoring
      .conversation=${monitored}
      .events=${s.events[id] ?? []}
      .notes=${s.notes[id] ?? []}
      ?visitorTyping=${s.visitorTyping[id] ?? false}
      @sb-whisper=${(e: Detail<{ text: string }>) => host.act(() => session.whisper(id, e.detail.text))}
      @sb-barge=${() =>
        host.act(async () => {
          await session.barge(id);
          host.select(id);
        })}
      @sb-stop-monitoring=${() => host.act(() => session.stopMonitoring())}
    ></sb-conversation-view>${renderCustomerPane(host.customer, s, id, true, (work) => host.act(work))}</div>`;
}

/** The agent's own conversation: replies, the call, co-browsing, transfer, callback outcomes, ending it. */
function renderWorked(host: ConversationsTabHost, selected: AgentState['conversations'][number]) {
  const { session, calls } = host;
  const s = session.state;
  const id = selected.id;
  // While co-browsing the visitor's page is the context: it takes the customer pane's room, so the
  // mirror fits beside the thread instead of pushing it out of view.
  const cobrowsing = s.cobrowse[id]?.phase === 'active' && selected.status !== 'ended';
  return html`<div class="work ${cobrowsing ? 'cobrowsing' : ''}"><sb-conversation-view
      .conversation=${selected}
      .events=${s.events[id] ?? []}
      .pending=${s.pending[id] ?? []}
      ?visitorTyping=${s.visitorTyping[id] ?? false}
      .cannedReplies=${host.cannedReplies}
      .notes=${s.notes[id] ?? []}
      .heldReplies=${(s.heldReplies[id] ?? []).filter((r) => r.agent.id === s.agent?.id)}
      @sb-resubmit-reply=${(e: Detail<{ id: string; text: string }>) => host.act(async () => void (await reviewApi.resubmit(e.detail.id, e.detail.text)))}
      .call=${s.calls[id]}
      .cobrowse=${s.cobrowse[id]}
      .agentName=${s.agent?.name ?? ''}
      .suggestions=${host.customer.suggestions}
      @sb-cobrowse-request=${() => host.act(() => session.requestCobrowse(id))}
      @sb-cobrowse-stop=${() => host.act(() => session.stopCobrowse(id))}
      @sb-cobrowse-gone=${() => session.forgetCobrowse(id)}
      @sb-cobrowse-control-request=${() => host.act(() => session.requestCobrowseControl(id))}
      .media=${calls.media[id]}
      ?transferring=${host.transferring}
      .transferTargets=${host.transferTargets}
      .recordingSince=${calls.recordingSince(id)}
      @sb-call-record=${(e: Detail<{ recording: boolean }>) => calls.setRecording(id, e.detail.recording)}
      @sb-call-mute=${(e: Detail<{ muted: boolean }>) => calls.setMuted(id, e.detail.muted)}
      .voiceClips=${host.voiceClips}
      .voiceReply=${calls.voice[id]}
      @sb-voice-reply-play=${(e: Detail<{ clipId: string }>) => {
        const clip = host.voiceClips.find((c) => c.id === e.detail.clipId);
        if (clip) void calls.playClip(id, clip);
      }}
      @sb-voice-reply-stop=${() => calls.stopClip(id)}
      @sb-call-hold=${(e: Detail<{ held: boolean }>) => host.act(() => session.hold(id, e.detail.held))}
      @sb-call-hangup=${() => host.act(() => (selected.channel === 'voice' ? session.end(id) : session.hangUpWebCall(id)))}
      @sb-transfer-open=${() => host.toggleTransfer()}
      @sb-transfer-cancel=${() => host.closeTransfer()}
      @sb-transfer=${(e: Detail<{ to: TransferTo; note?: string }>) => host.act(() => host.transfer(id, e.detail.to, e.detail.note))}
      ?escalating=${host.escalating}
      ?escalationRefused=${host.escalationRefused}
      @sb-escalate-open=${() => host.toggleEscalate()}
      @sb-escalate-cancel=${() => host.toggleEscalate()}
      @sb-escalate=${(e: Detail<{ reason: string }>) => host.act(() => host.escalate(id, e.detail.reason))}
      @sb-reply=${(e: Detail<{ text: string; attachments?: AttachmentRef[] }>) => host.act(() => session.reply(id, e.detail.text, e.detail.attachments))}
      @sb-callback-outcome=${(e: Detail<{ outcome: CallbackOutcome; retryAt?: number }>) => host.act(async () => void (await api.callbackOutcome(id, e.detail.outcome, e.detail.retryAt)))}
      @sb-typing=${(e: Detail<{ isTyping: boolean }>) => session.typing(id, e.detail.isTyping)}
      @sb-end=${() => host.act(() => session.end(id))}
    ></sb-conversation-view>${cobrowsing ? nothing : renderCustomerPane(host.customer, s, id, false, (work) => host.act(work), { hangUp: (cid) => session.hangUpWebCall(cid) })}</div>`;
}
