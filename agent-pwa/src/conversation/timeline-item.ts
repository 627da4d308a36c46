/** One line of a conversation's timeline in the agent's words: a message with its author and Seen mark, or what happened. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CallbackOutcome, CobrowseAction, ConversationEvent } from '../../../signaling/protocol/conversation.js';
import { assertNever } from '../../../ui/assert-never.js';
import { formatDuration, formatSpokenDuration } from '../../../ui/format/format-duration.js';
import { renderRichText } from '../../../ui/format/rich-text.js';
import { formatClock, initials, type MessageRun } from '../../../ui/format/message-runs.js';
import { t, type MessageKey, appLocale } from '../i18n/en.js';
import { renderMessageFiles } from './conversation-files.js';
import { describeProperties } from '../customer/describe-properties.js';

const COBROWSE_EVENT: Record<CobrowseAction, MessageKey> = {
  requested: 'cobrowseRequested',
  started: 'cobrowseStarted',
  declined: 'cobrowseDeclined',
  'control-requested': 'cobrowseControlRequested',
  'control-granted': 'cobrowseControlGranted',
  'control-revoked': 'cobrowseControlRevoked',
  ended: 'cobrowseEnded',
};

const CALLBACK_OUTCOME: Record<CallbackOutcome, MessageKey> = {
  reached: 'callbackOutcomeReached',
  'no-answer': 'callbackOutcomeNoAnswer',
  retry: 'callbackOutcomeRetry',
  'wrong-number': 'callbackOutcomeWrongNumber',
};

/**
 * `visitor`: the customer's display name; `lastSeen`: the newest agent message the visitor has read
 * (it carries Seen); `run`: the message's place among consecutive ones from the same person (the
 * first shows the avatar and name, the last the time); `dividerSeq`: the first message that was
 * unread when the agent opened the conversation, under a "New messages" line.
 */
export function renderTimelineItem(e: ConversationEvent, visitor: string, lastSeen: number | undefined, run: MessageRun = { first: true, last: true }, dividerSeq?: number): TemplateResult {
  switch (e.type) {
    case 'message': {
      const fromAgent = e.author.kind === 'agent';
      const name = fromAgent ? e.author.name ?? t('you') : visitor;
      // The name stays for screen readers on every message; sighted agents see it once per run, beside the avatar.
      return html`${e.seq === dividerSeq ? html`<li class="divider">${t('newMessages')}</li>` : nothing}<li class="message ${fromAgent ? 'agent' : 'visitor'} ${run.first ? 'first' : 'continued'}" data-seq=${e.seq}>
        ${run.first ? html`<span class="avatar" aria-hidden="true">${initials(name, appLocale())}</span>` : nothing}<span class="author ${run.first ? '' : 'visually-hidden'}" dir="auto">${name}</span>${e.text ? html`<span class="text" dir="auto">${renderRichText(e.text, { markdown: fromAgent })}</span>` : nothing}${renderMessageFiles(e.attachments)}
        ${run.last ? html`<time class="time" datetime=${new Date(e.at).toISOString()}>${formatClock(e.at, appLocale())}</time>` : nothing}
        ${fromAgent && e.seq === lastSeen ? html`<span class="meta">${t('seenByVisitor')}</span>` : nothing}
      </li>`;
    }
    case 'agent-joined':
      return html`<li class="system">${t('joined', { name: e.agent.name ?? '' })}</li>`;
    case 'agent-left':
      return html`<li class="system">${t('left', { name: e.agent.name ?? '' })}</li>`;
    case 'ended':
      return html`<li class="system">
        ${t('endedBy', { name: e.by.kind === 'visitor' ? visitor : e.by.name ?? t('you') })}${e.talkMs !== undefined ? html` · ${t('callEndedAfter', { duration: formatSpokenDuration(e.talkMs, appLocale()) })}` : nothing}
      </li>`;
    case 'call-held':
    case 'call-resumed':
      return html`<li class="system">${t(e.type === 'call-held' ? 'callHeld' : 'callResumed', { name: e.by.kind === 'visitor' ? visitor : e.by.name ?? t('you') })}</li>`;
    case 'transferred':
      return html`<li class="system">${t('transferredTo', { name: e.to.name })}</li>`;
    case 'escalated':
      return html`<li class="system">${t('escalatedTo', { tier: e.tier, name: e.from.name ?? t('you') })}</li>`;
    case 'recording-consent':
      return html`<li class="system">${t(e.given ? 'consentGiven' : 'consentWithdrawn', { name: visitor })}</li>`;
    case 'cobrowse':
      return html`<li class="system">${t(e.action === 'ended' && e.reason === 'visitor-left' ? 'cobrowseEndedVisitorLeft' : COBROWSE_EVENT[e.action], { name: visitor })}</li>`;
    case 'callback':
      return html`<li class="system">${t('callbackEvent', { phone: e.phone, attempt: e.attempt })}</li>`;
    case 'callback-outcome':
      return html`<li class="system">
        ${t(CALLBACK_OUTCOME[e.outcome], { name: e.by.name ?? t('you') })}${e.retryAt ? html` ${t('callbackNextAttempt', { time: new Intl.DateTimeFormat(appLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(e.retryAt) })}` : nothing}
      </li>`;
    case 'auto-reply':
      // The server writes the text in the customer's language; the agent reads it in theirs when it can.
      return html`<li class="system" dir="auto">${e.reference ? t('autoReplyAck', { reference: e.reference }) : e.text}</li>`;
    case 'invitation': {
      // Sent automatically before the visitor wrote: shown as the signer's message, marked as an invitation.
      const name = e.sender ?? t('invitationTeamSender');
      return html`<li class="message agent first invitation" data-seq=${e.seq}>
        <span class="avatar" aria-hidden="true">${initials(name, appLocale())}</span><span class="author" dir="auto">${t('invitationFrom', { name })}</span><span class="text" dir="auto">${e.text}</span>
        <time class="time" datetime=${new Date(e.at).toISOString()}>${formatClock(e.at, appLocale())}</time>
      </li>`;
    }
    case 'bot':
      return html`<li class="system">${e.articles.length ? t('botOffered', { titles: e.articles.map((a) => a.title).join(', ') }) : t('botNothing')}${e.handedOff ? ` ${t('botHandedOff', { name: visitor })}` : ''}</li>`;
    case 'visitor-event':
      // What the site's page reported: text only (Lit escapes it), as the page sent it.
      return html`<li class="system visitor-event" dir="auto">${t('visitorEvent', { name: e.name })}${e.properties ? html` <span class="muted">(${describeProperties(e.properties)})</span>` : nothing}</li>`;
    case 'web-call':
      return html`<li class="system">${t(e.outcome === 'declined' ? 'webCallEventDeclined' : 'webCallEventUnanswered', { name: visitor, agent: e.agent.name ?? t('you') })}</li>`;
    case 'recording': {
      const label = t('recordingLabel', { duration: formatDuration(e.durationMs)! });
      return html`<li class="system recording">${label}<audio controls preload="none" aria-label=${label} src=${`/api/conversations/${encodeURIComponent(e.conversationId)}/recordings/${encodeURIComponent(e.recordingId)}`}></audio></li>`;
    }
    case 'voice-clip':
      return html`<li class="system">${t('voiceClipPlayed', { title: e.title, name: e.by.name ?? t('you') })}</li>`;
    default:
      return assertNever(e);
  }
}
