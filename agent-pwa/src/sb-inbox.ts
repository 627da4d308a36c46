/** The agent's inbox: incoming offers (with the time left on each) to accept or decline, then active and recent conversations. */
import { html, LitElement, css, nothing } from 'lit';
import type { ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { Offer } from '../../signaling/protocol/server-frames.js';
import { ClockController } from '../../ui/controllers/clock-controller.js';
import { t, visitorName, type MessageKey } from './i18n/en.js';
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
    `,
  ];
  static override properties = {
    offers: { attribute: false },
    conversations: { attribute: false },
    selectedId: { attribute: false },
    unread: { attribute: false },
  };
  declare offers: Offer[];
  declare conversations: ConversationSummary[];
  declare selectedId: string | undefined;
  /** Unread visitor messages per conversation id. */
  declare unread: Record<string, number>;
  private readonly clock = new ClockController(this);
  /** When each offer was first shown here, for the length of its bar. */
  private readonly shownAt = new Map<string, number>();

  constructor() {
    super();
    this.offers = [];
    this.conversations = [];
    this.selectedId = undefined;
    this.unread = {};
  }

  /** Puts the focus on an offer's Accept button (the agent clicked its notification). */
  focusOffer(conversationId: string): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`li.offer[data-conversation="${CSS.escape(conversationId)}"] button.primary`)?.focus();
  }

  private fire(name: string, conversationId: string): void {
    this.dispatchEvent(new CustomEvent(name, { detail: { conversationId }, bubbles: true, composed: true }));
  }

  override render() {
    const open = this.conversations.filter((c) => c.status !== 'ended');
    const ended = this.conversations.filter((c) => c.status === 'ended');
    return html`<nav aria-label=${t('inboxLabel')}>
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
    </nav>`;
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

  private renderConversation(c: ConversationSummary) {
    const unread = this.unread[c.id] ?? 0;
    return html`<li>
      <button class="conversation" type="button" aria-current=${String(c.id === this.selectedId)} @click=${() => this.fire('sb-select', c.id)}>
        <span class="row"><strong dir="auto">${visitorName(c.visitor)}</strong>${unread ? html`<span class="badge">${t('unread', { count: unread })}</span>` : nothing}</span>
        <span class="muted">${t(c.status === 'ended' ? 'statusEnded' : c.status === 'queued' ? 'statusQueued' : 'statusActive')}</span>
      </button>
    </li>`;
  }
}
