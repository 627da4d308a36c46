/** The agent's inbox: incoming offers (with the time left on each) to accept or decline, then active and recent conversations. */
import { html, LitElement, css, nothing } from 'lit';
import { CHANNELS, type ConversationEvent, type ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { Offer } from '../../signaling/protocol/server-frames.js';
import { ClockController } from '../../ui/controllers/clock-controller.js';
import { formatSpokenDuration } from '../../ui/format/format-duration.js';
import { initials } from '../../ui/format/message-runs.js';
import { appLocale, t, visitorName, type MessageKey } from './i18n/en.js';
import { filterConversations, lastMessage, NO_FILTER, waitingSince, type InboxFilter } from './inbox/inbox-filter.js';
import { sharedStyles } from './shared-styles.js';

/** How an offer reads: a call rings, a callback is to be dialled, mail and messages wait. */
function offerLabels(o: Offer): { title: MessageKey; accept: MessageKey; acceptLabel: MessageKey; ringing: boolean } {
  if (o.source === 'callback') return { title: 'offerCallback', accept: 'takeCallback', acceptLabel: 'acceptCallbackFrom', ringing: false };
  if (o.channel === 'voice') return { title: 'offerCall', accept: 'answerCall', acceptLabel: 'answerCallFrom', ringing: true };
  if (o.channel === 'email') return { title: 'offerEmail', accept: 'accept', acceptLabel: 'acceptEmailFrom', ringing: false };
  if (o.channel === 'message') return { title: 'offerMessage', accept: 'accept', acceptLabel: 'acceptChatFrom', ringing: false };
  return { title: 'offerFrom', accept: 'accept', acceptLabel: 'acceptChatFrom', ringing: false };
}

/**
 * @fires sb-accept - `{ conversationId }`.
 * @fires sb-decline - `{ conversationId }`.
 * @fires sb-select - `{ conversationId }` when the agent opens a conversation.
 */
export class SbInbox extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; overflow-y: auto; }
      h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--sb-color-muted); margin: 16px 12px 6px; }
      ul { list-style: none; margin: 0; padding: 0 8px; display: grid; gap: 6px; }
      .offer { background: var(--sb-color-accent-soft); border: 1px solid var(--sb-color-accent-soft); border-radius: 10px; padding: 10px; display: grid; gap: 6px; }
      .offer.call { background: var(--sb-color-success-soft); border-color: var(--sb-color-success-soft-text); }
      .offer .actions { display: flex; gap: 6px; }
      .time-left { display: grid; gap: 2px; font-size: 12px; color: var(--sb-color-muted); }
      .time-left .bar { height: 4px; border-radius: 2px; background: var(--sb-color-accent-soft); overflow: hidden; }
      .time-left .bar span { display: block; height: 100%; background: var(--sb-color-accent); transition: width 1s linear; }
      .time-left.urgent { color: var(--sb-color-danger); font-weight: 600; }
      .time-left.urgent .bar span { background: var(--sb-color-danger-fill); }
      .preview { font-size: 13px; color: var(--sb-color-text); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      button.conversation { width: 100%; text-align: start; display: grid; gap: 2px; border-color: transparent; background: transparent; }
      button.conversation[aria-current='true'] { background: var(--sb-color-accent-soft); border-color: var(--sb-color-accent); }
      .row { display: flex; justify-content: space-between; gap: 6px; }
      .badge { background: var(--sb-color-accent); color: var(--sb-color-on-accent); border-radius: 10px; font-size: 12px; padding: 0 7px; }
      p { margin: 16px 12px; }
      /* Two filters a row where their words fit ("All channels" was cut to "All channe" in a tablet's 240 px inbox), else one. */
      .filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(132px, 1fr)); gap: 6px; padding: 10px 8px 0; }
      .filters input[type='search'] { grid-column: 1 / -1; }
      .filters input[type='search'], .filters select { width: 100%; min-width: 0; padding: 5px 8px; border: 1px solid var(--sb-color-border); border-radius: var(--sb-radius-md); font-size: 14px; }
      .filters label.mine { grid-column: 1 / -1; display: flex; gap: 6px; align-items: center; font-size: 14px; }
      .line { display: flex; gap: 8px; align-items: center; min-width: 0; }
      .line strong { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .avatar { flex: none; width: 28px; height: 28px; border-radius: var(--sb-radius-full); display: grid; place-items: center; font-size: 11px; font-weight: 700; background: var(--sb-color-accent-soft); color: var(--sb-color-accent-soft-text); }
      .details { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2px 8px; font-size: 13px; color: var(--sb-color-muted); }
      .waiting { color: var(--sb-color-warn-soft-text); background: var(--sb-color-warn-soft); border-radius: var(--sb-radius-sm); padding: 0 6px; font-weight: 600; }
      .empty { display: grid; gap: 8px; justify-items: start; margin: 16px 12px; }
      .empty p { margin: 0; }
    `,
  ];
  static override properties = {
    offers: { attribute: false },
    conversations: { attribute: false },
    selectedId: { attribute: false },
    unread: { attribute: false },
    events: { attribute: false },
    agentId: { attribute: false },
    filter: { state: true },
  };
  declare offers: Offer[];
  declare conversations: ConversationSummary[];
  declare selectedId: string | undefined;
  /** Unread visitor messages per conversation id. */
  declare unread: Record<string, number>;
  /** Each conversation's timeline: its last message, how long the customer waits, and what the search looks in. */
  declare events: Record<string, readonly ConversationEvent[] | undefined>;
  /** The signed-in agent, for "Assigned to me". */
  declare agentId: string | undefined;
  /** The agent's search and filters (view state: they stay while the app is open). */
  declare filter: InboxFilter;
  /** Queue names learnt from offers: conversations carry only the queue's id. */
  private readonly queueNames = new Map<string, string>();
  private readonly clock = new ClockController(this);
  /** When each offer was first shown here, for the length of its bar. */
  private readonly shownAt = new Map<string, number>();

  constructor() {
    super();
    this.offers = [];
    this.conversations = [];
    this.selectedId = undefined;
    this.unread = {};
    this.events = {};
    this.agentId = undefined;
    this.filter = NO_FILTER;
  }

  /** Puts the focus on an offer's Accept button (the agent clicked its notification). */
  focusOffer(conversationId: string): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`li.offer[data-conversation="${CSS.escape(conversationId)}"] button.primary`)?.focus();
  }

  private fire(name: string, conversationId: string): void {
    this.dispatchEvent(new CustomEvent(name, { detail: { conversationId }, bubbles: true, composed: true }));
  }

  override render() {
    for (const o of this.offers) this.queueNames.set(o.queueId, o.queueName);
    const shown = filterConversations(this.conversations, this.filter, { agentId: this.agentId, events: this.events });
    const open = shown.filter((c) => c.status !== 'ended');
    const ended = shown.filter((c) => c.status === 'ended');
    return html`${this.conversations.length ? this.renderFilters() : nothing}<nav aria-label=${t('inboxLabel')}>
      ${this.offers.length
        ? html`<h2 id="offers">${t('offersHeading')}</h2>
            <ul aria-labelledby="offers">
              ${this.offers.map((o) => {
                const name = visitorName(o.visitor);
                const label = offerLabels(o);
                return html`<li class="offer ${label.ringing ? 'call' : ''}" data-conversation=${o.conversationId}>
                  <strong>${t(label.title, { name })}</strong>
                  <span class="muted">${t('offerQueue', { queue: o.queueName })}</span>
                  ${o.subject ? html`<span>${t('subjectLine', { subject: o.subject })}</span>` : nothing}
                  ${o.preview ? html`<span class="preview" dir="auto">“${o.preview}”</span>` : nothing}
                  ${this.renderTimeLeft(o)}
                  <div class="actions">
                    <button class="primary" type="button" aria-label=${t(label.acceptLabel, { name })} @click=${() => this.fire('sb-accept', o.conversationId)}>${t(label.accept)}</button>
                    <button type="button" aria-label=${t('declineChatFrom', { name })} @click=${() => this.fire('sb-decline', o.conversationId)}>${t('decline')}</button>
                  </div>
                </li>`;
              })}
            </ul>`
        : nothing}
      ${open.length ? html`<h2 id="active">${t('activeHeading')}</h2><ul aria-labelledby="active">${open.map((c) => this.renderConversation(c))}</ul>` : nothing}
      ${ended.length ? html`<h2 id="ended">${t('endedHeading')}</h2><ul aria-labelledby="ended">${ended.map((c) => this.renderConversation(c))}</ul>` : nothing}
      ${!this.offers.length && !this.conversations.length ? html`<p class="muted">${t('noConversations')}</p>` : nothing}
      ${this.conversations.length && !shown.length
        ? html`<div class="empty"><p class="muted" role="status">${t('inboxNoMatch')}</p><button type="button" @click=${() => (this.filter = NO_FILTER)}>${t('inboxClearFilters')}</button></div>`
        : nothing}
    </nav>`;
  }

  /** Search, status, channel, queue (when there is more than one) and "Assigned to me". */
  private renderFilters() {
    const f = this.filter;
    const set = (patch: Partial<InboxFilter>) => (this.filter = { ...this.filter, ...patch });
    const queues = [...new Set(this.conversations.map((c) => c.queueId))];
    return html`<div class="filters" role="search" aria-label=${t('inboxFilters')}>
      <input type="search" aria-label=${t('inboxSearch')} placeholder=${t('inboxSearchPlaceholder')} .value=${f.query} @input=${(e: Event) => set({ query: (e.target as HTMLInputElement).value })} />
      <select aria-label=${t('filterStatus')} .value=${f.status} @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value as InboxFilter['status'] })}>
        <option value="all" ?selected=${f.status === 'all'}>${t('filterStatusAll')}</option>
        <option value="open" ?selected=${f.status === 'open'}>${t('filterStatusOpen')}</option>
        <option value="ended" ?selected=${f.status === 'ended'}>${t('filterStatusEnded')}</option>
      </select>
      <select aria-label=${t('filterChannel')} @change=${(e: Event) => set({ channel: (e.target as HTMLSelectElement).value as InboxFilter['channel'] })}>
        <option value="all" ?selected=${f.channel === 'all'}>${t('filterChannelAll')}</option>
        ${CHANNELS.map((c) => html`<option value=${c} ?selected=${f.channel === c}>${t(`channel_${c}`)}</option>`)}
      </select>
      ${queues.length > 1
        ? html`<select aria-label=${t('filterQueue')} @change=${(e: Event) => set({ queueId: (e.target as HTMLSelectElement).value })}>
            <option value="all" ?selected=${f.queueId === 'all'}>${t('filterQueueAll')}</option>
            ${queues.map((id) => html`<option value=${id} ?selected=${f.queueId === id}>${this.queueNames.get(id) ?? id}</option>`)}
          </select>`
        : nothing}
      <label class="mine"><input type="checkbox" .checked=${f.mine} @change=${(e: Event) => set({ mine: (e.target as HTMLInputElement).checked })} />${t('filterMine')}</label>
    </div>`;
  }

  /** The seconds left before the offer moves on, as words and a shrinking bar (red for the last ten). */
  private renderTimeLeft(o: Offer) {
    const now = this.clock.now;
    if (!this.shownAt.has(o.conversationId)) this.shownAt.set(o.conversationId, Math.min(now, o.expiresAt));
    for (const id of this.shownAt.keys()) if (!this.offers.some((offer) => offer.conversationId === id)) this.shownAt.delete(id);
    const seconds = Math.max(0, Math.ceil((o.expiresAt - now) / 1000));
    const total = Math.max(1, o.expiresAt - this.shownAt.get(o.conversationId)!);
    const share = Math.min(100, Math.max(0, ((o.expiresAt - now) / total) * 100));
    return html`<span class="time-left ${seconds <= 10 ? 'urgent' : ''}">
      <span>${t('offerTimeLeft', { seconds })}</span>
      <span class="bar" aria-hidden="true"><span style="width: ${share.toFixed(1)}%"></span></span>
    </span>`;
  }

  /** One conversation: who, on which channel and queue, its last message, how long the customer has waited, and what is unread. */
  private renderConversation(c: ConversationSummary) {
    const unread = this.unread[c.id] ?? 0;
    const name = visitorName(c.visitor);
    const last = lastMessage(this.events[c.id]);
    const since = waitingSince(c, this.events[c.id]);
    // Whole minutes once past one: "Waiting 4 minutes" reads at a glance, the seconds would only flicker.
    const waited = since === undefined ? undefined : Math.max(0, this.clock.now - since);
    const waitedText = waited === undefined ? undefined : formatSpokenDuration(waited >= 60_000 ? Math.floor(waited / 60_000) * 60_000 : waited, appLocale());
    const queue = this.queueNames.get(c.queueId);
    return html`<li>
      <button class="conversation" type="button" aria-current=${String(c.id === this.selectedId)} @click=${() => this.fire('sb-select', c.id)}>
        <span class="line"><span class="avatar" aria-hidden="true">${initials(name, appLocale())}</span><strong dir="auto">${name}</strong>${unread ? html`<span class="badge">${t('unread', { count: unread })}</span>` : nothing}</span>
        <span class="details">
          <span>${[t(`channel_${c.channel}`), queue, t(c.status === 'ended' ? 'statusEnded' : c.status === 'queued' ? 'statusQueued' : 'statusActive')].filter(Boolean).join(' · ')}</span>
          ${waitedText ? html`<span class="waiting">${t('inboxWaiting', { duration: waitedText })}</span>` : nothing}
        </span>
        ${last ? html`<span class="preview" dir="auto">${last.author.kind === 'agent' && last.author.id === this.agentId ? t('inboxLastFromYou', { text: last.text }) : last.text}</span>` : nothing}
      </button>
    </li>`;
  }
}
