/** One line of the visitor's timeline: a message with its author and Seen mark, or what happened, in the visitor's words. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CobrowseAction, ConversationEvent, EndReason } from '../../signaling/protocol/conversation.js';
import { assertNever } from '../../ui/assert-never.js';
import { formatSpokenDuration } from '../../ui/format/format-duration.js';
import { renderRichText } from '../../ui/format/rich-text.js';
import { formatClock, initials, type MessageRun } from '../../ui/format/message-runs.js';
import type { MessageKey, Translate } from '../i18n/en.js';
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';
import type { AttachmentLabel } from '../../ui/attachments/sb-attachments.js';

const SYSTEM_END: Record<EndReason, MessageKey> = {
  closed: 'endedClosed',
  'queue-full': 'endedQueueFull',
  'max-wait': 'endedMaxWait',
  'no-route': 'endedNoRoute',
  'connection-lost': 'endedConnectionLost',
  erased: 'endedErased',
};

/** Co-browse moments worth a line in the visitor's timeline (asking for control shows in the page's bar instead). */
const COBROWSE_EVENT: Partial<Record<CobrowseAction, MessageKey>> = {
  requested: 'cobrowseRequested',
  started: 'cobrowseStarted',
  declined: 'cobrowseDeclined',
  'control-granted': 'cobrowseControlGranted',
  'control-revoked': 'cobrowseControlRevoked',
  ended: 'cobrowseEnded',
};

export interface TimelineContext {
  t: Translate;
  /** The newest visitor message the agent has read: it carries the Seen mark. */
  lastSeenVisitorSeq: number;
  /** The conversation's agent, or the fallback name. */
  agentName: string;
  /** The widget's language, for durations. */
  locale: string;
  /** A fresh signed link to a file of the conversation. */
  linkFor?: (fileId: string) => Promise<string>;
  /** Each message's place among consecutive ones from the same person, by sequence number. */
  runs?: Map<number, MessageRun>;
  /** The first agent message the visitor had not read when the panel opened: a "New messages" line goes above it. */
  dividerSeq?: number;
}

/** The files of a message; their view loads the first time one is shown. */
export function renderFiles(files: readonly AttachmentRef[] | undefined, { t, locale, linkFor }: Pick<TimelineContext, 't' | 'locale' | 'linkFor'>) {
  if (!files?.length) return nothing;
  if (!customElements.get('sb-attachments')) void import('../../ui/attachments/sb-attachments.js');
  const label = (key: AttachmentLabel, params?: Record<string, string>) => t(FILE_LABELS[key], params);
  return html`<sb-attachments .files=${files} .linkFor=${linkFor} .label=${label} .locale=${locale}></sb-attachments>`;
}

const FILE_LABELS: Record<AttachmentLabel, MessageKey> = { open: 'fileOpen', download: 'fileDownload', close: 'fileClose', viewer: 'fileViewer', unavailable: 'fileUnavailable' };

/**
 * The proactive invitation the visitor answers, as a message from whoever signed it: in the
 * timeline once the conversation holds it (`seq`, `at`), and above the composer before that.
 */
export function renderInvitation(invitation: { text: string; sender: string | null }, { t, locale }: Pick<TimelineContext, 't' | 'locale'>, seq?: number, at?: number): TemplateResult {
  const name = invitation.sender ?? t('invitationTeam');
  return html`<li class="message agent first" part="message invitation" data-seq=${seq ?? nothing} aria-label=${t('messageFrom', { name })}>
    <span class="avatar" part="avatar" aria-hidden="true">${initials(name, locale)}</span><span class="author" dir="auto">${name}</span><span class="text" dir="auto">${invitation.text}</span>
    ${at ? html`<time class="time" datetime=${new Date(at).toISOString()}>${formatClock(at, locale)}</time>` : nothing}
  </li>`;
}

/** Renders one timeline event as a list item, or nothing for events the visitor does not see. */
export function renderTimelineItem(e: ConversationEvent, { t, lastSeenVisitorSeq, agentName, locale, linkFor, runs, dividerSeq }: TimelineContext): TemplateResult | typeof nothing {
  switch (e.type) {
    case 'message': {
      const mine = e.author.kind === 'visitor';
      const name = mine ? t('you') : e.author.name ?? t('agentFallbackName');
      const run = runs?.get(e.seq) ?? { first: true, last: true };
      // The agent's avatar and name head a run of their messages; the time closes it.
      return html`${e.seq === dividerSeq ? html`<li class="divider" part="divider">${t('newMessages')}</li>` : nothing}<li class="message ${mine ? 'visitor' : 'agent'} ${run.first ? 'first' : 'continued'}" part="message" data-seq=${e.seq} aria-label=${t('messageFrom', { name })}>
        ${mine || !run.first ? nothing : html`<span class="avatar" part="avatar" aria-hidden="true">${initials(name, locale)}</span><span class="author" dir="auto">${name}</span>`}${e.text ? html`<span class="text" dir="auto">${renderRichText(e.text, { markdown: e.author.kind === 'agent' })}</span>` : nothing}${renderFiles(e.attachments, { t, locale, linkFor })}
        ${run.last ? html`<time class="time" datetime=${new Date(e.at).toISOString()}>${formatClock(e.at, locale)}</time>` : nothing}
        ${mine && e.seq === lastSeenVisitorSeq ? html`<span class="meta">${t('seen')}</span>` : nothing}
      </li>`;
    }
    case 'agent-joined':
      return html`<li class="system">${t('agentJoined', { name: e.agent.name ?? t('agentFallbackName') })}</li>`;
    case 'agent-left':
      return html`<li class="system">${t('agentLeft', { name: e.agent.name ?? t('agentFallbackName') })}</li>`;
    case 'ended':
      return html`<li class="system">
        ${e.by.kind === 'visitor' ? t('youEnded') : e.by.kind === 'system' ? t(SYSTEM_END[e.reason ?? 'no-route']) : t('agentEnded', { name: e.by.name ?? t('agentFallbackName') })}
        ${e.talkMs !== undefined ? t('callEnded', { duration: formatSpokenDuration(e.talkMs, locale) }) : nothing}
      </li>`;
    case 'call-held':
    case 'call-resumed': {
      const name = e.by.kind === 'visitor' ? t('you') : e.by.name ?? t('agentFallbackName');
      return html`<li class="system">${t(e.type === 'call-held' ? 'callHeld' : 'callResumed', { name })}</li>`;
    }
    case 'transferred':
      return html`<li class="system">${t('transferredTo', { name: e.to.name })}</li>`;
    case 'escalated':
      return html`<li class="system">${t('specialistTakingOver')}</li>`;
    case 'recording-consent':
      return html`<li class="system">${t(e.given ? 'consentGiven' : 'consentWithdrawn')}</li>`;
    case 'recording':
      return html`<li class="system">${t('recordingSaved')}</li>`;
    case 'bot':
      return html`<li class="system">${e.articles.length ? t('botSuggested', { titles: e.articles.map((a) => a.title).join(', ') }) : nothing} ${e.handedOff ? t('botHandedOff') : nothing}</li>`;
    case 'invitation':
      return renderInvitation({ text: e.text, sender: e.sender ?? null }, { t, locale }, e.seq, e.at);
    case 'cobrowse': {
      const key = COBROWSE_EVENT[e.action];
      return key ? html`<li class="system">${t(key, { name: agentName })}</li>` : nothing;
    }
    case 'web-call':
      return html`<li class="system">${t(e.outcome === 'declined' ? 'webCallDeclinedEvent' : 'webCallMissedEvent', { name: e.agent.name ?? agentName })}</li>`;
    case 'callback':
    case 'callback-outcome':
    case 'auto-reply':
    case 'visitor-event':
    case 'voice-clip':
      return nothing; // calls back, automatic answers, what the page reported and which voice reply played (the caller heard it) concern the agents
    default:
      return assertNever(e);
  }
}
