/**
 * The customer beside a conversation (and the screen pop of an offer): who they are, what the
 * site and their browser told us, every contact on every channel with outcome, tags and notes,
 * who else has them open, and the tools to tag, note, merge and split.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { ConversationEvent } from '../../../signaling/protocol/conversation.js';
import type { CustomerContact, CustomerProfile, CustomerTimeline, CustomerViewers, PossibleMatch } from '../../../signaling/protocol/customers.js';
import { t, type MessageKey, appLocale, visitorName } from '../i18n/en.js';
import { noteHeading } from '../conversation/note-heading.js';
import { sharedStyles } from '../shared-styles.js';
import { browserSummary, localTimeIn } from './browser-summary.js';
import { languageName } from '../../../ui/i18n/language-name.js';
import { assertNever } from '../../../ui/assert-never.js';
import { describeProperties } from './describe-properties.js';

const CALLBACK_OUTCOME_KEY = { reached: 'callbackOutcomeReached', 'no-answer': 'callbackOutcomeNoAnswer', retry: 'callbackOutcomeRetry', 'wrong-number': 'callbackOutcomeWrongNumber' } as const satisfies Record<string, MessageKey>;

const date = (at: number) => new Intl.DateTimeFormat(appLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

/**
 * @fires sb-customer-tags - `{ tags }` for the current conversation.
 * @fires sb-customer-note - `{ text }` an internal note on the current conversation.
 * @fires sb-customer-search - `{ q }` look for a duplicate.
 * @fires sb-customer-merge - `{ customerId }`.
 * @fires sb-customer-split - `{ visitorId }`.
 * @fires sb-customer-timeline - asks for the whole timeline (set `timeline`).
 * @fires sb-customer-link-match - `{ matchId }` a possible match is this customer.
 * @fires sb-customer-dismiss-match - `{ matchId }` "not them".
 * @slot actions - what the agent can do with the customer now (calling them in the browser).
 */
export class SbCustomerPane extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; overflow-y: auto; padding: 12px 16px; background: var(--sb-color-surface); border-inline-start: 1px solid var(--sb-color-border-subtle); font-size: 14px; }
      h2 { font-size: 16px; margin: 0 0 4px; }
      h3 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--sb-color-muted); margin: 14px 0 6px; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
      .contact { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 6px 8px; }
      .contact.current { border-color: var(--sb-color-accent); }
      .tag { display: inline-block; background: var(--sb-color-accent-soft); color: var(--sb-color-accent-soft-text); border-radius: 999px; padding: 0 8px; font-size: 12px; margin-inline-end: 4px; }
      .viewing { background: var(--sb-color-warn-soft); color: var(--sb-color-warn-soft-text); padding: 4px 8px; border-radius: 6px; margin: 6px 0; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 0; }
      dt { color: var(--sb-color-muted); }
      dd { margin: 0; overflow-wrap: anywhere; }
      form { display: grid; gap: 4px; margin-top: 6px; }
      input, textarea { font: inherit; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
      .note { background: var(--sb-color-warn-soft); border-radius: 6px; padding: 4px 6px; margin-top: 4px; }
      .events { margin-top: 4px; font-size: 13px; color: var(--sb-color-text); }
      .match { background: var(--sb-color-accent-soft); color: var(--sb-color-accent-soft-text); padding: 4px 8px; border-radius: 6px; margin: 6px 0; }
    `,
  ];
  static override properties = {
    profile: { attribute: false },
    conversationId: { attribute: false },
    viewers: { attribute: false },
    selfId: { attribute: false },
    searchResults: { attribute: false },
    timeline: { attribute: false },
    readOnly: { type: Boolean },
  };

  declare profile: CustomerProfile | undefined;
  /** The conversation this pane was opened from. */
  declare conversationId: string;
  declare viewers: CustomerViewers['agents'];
  /** The signed-in agent, left out of "also viewing". */
  declare selfId: string;
  declare searchResults: { id: string; name?: string; email?: string; phone?: string }[] | undefined;
  declare timeline: CustomerTimeline | undefined;
  /** A screen pop: look, don't change. */
  declare readOnly: boolean;

  constructor() {
    super();
    this.conversationId = '';
    this.viewers = [];
    this.selfId = '';
    this.readOnly = false;
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** The customer as the offer and the conversation name them: an anonymous visitor is "Visitor 4F1C" everywhere, not "Visitor" here. */
  private get customerName(): string {
    const p = this.profile;
    const current = p?.contacts.find((c) => c.id === this.conversationId) ?? p?.contacts[0];
    return p?.name ?? p?.email ?? p?.phone ?? (current ? visitorName(current.visitor) : t('visitorWord'));
  }

  override render() {
    const p = this.profile;
    if (!p) return html`<p class="muted" role="status">${t('customerLoading')}</p>`;
    const name = this.customerName;
    const others = this.viewers.filter((v) => v.id !== this.selfId);
    const current = p.contacts.find((c) => c.id === this.conversationId);
    return html`<section aria-label=${t('customerLabel', { name })}>
      <h2>${name}${p.verified ? html` <span class="tag" title=${t('customerVerified')}>✓ ${t('customerVerified')}</span>` : nothing}</h2>
      <div class="muted">${[p.email, p.phone].filter(Boolean).join(' · ')}</div>
      <slot name="actions"></slot>
      ${others.length ? html`<p class="viewing" role="status">${t('alsoViewing', { names: others.map((o) => o.name).join(', ') })}</p>` : nothing}
      ${(p.possibleMatches ?? []).map((m) => this.renderPossibleMatch(m))}
      ${this.renderAttributes(p)} ${this.renderConversationAttributes(p)} ${this.renderEvents(p)} ${this.renderContext(p)}
      <h3 id="history">${t('customerHistory')}</h3>
      <p class="muted">${t('customerHistoryCount', { count: p.contacts.length })}</p>
      <ul aria-labelledby="history">${p.contacts.map((c) => this.renderContact(c, current))}</ul>
      <button type="button" aria-expanded=${this.timeline ? 'true' : 'false'} @click=${() => this.fire('sb-customer-timeline', { open: !this.timeline })}>${t(this.timeline ? 'customerHideTimeline' : 'customerFullTimeline')}</button>
      ${this.timeline ? this.renderTimeline(this.timeline) : nothing}
      ${this.readOnly || !current ? nothing : this.renderTools(current)}
      ${p.audit.length ? html`<h3>${t('auditHeading')}</h3><ul>${p.audit.map((a) => html`<li class="muted">${date(a.at)}: ${a.action} — ${a.detail}</li>`)}</ul>` : nothing}
    </section>`;
  }

  /** Only the address this customer typed: who else gave it stays hidden until an agent links them. */
  private renderPossibleMatch(m: PossibleMatch) {
    const address = m.value;
    return html`<p class="match">
      ${t(m.kind === 'email' ? 'possibleMatchEmail' : 'possibleMatchPhone', { address })}
      ${this.readOnly
        ? nothing
        : html`<button type="button" aria-label=${t('possibleMatchLinkLabel', { address })} @click=${() => this.fire('sb-customer-link-match', { matchId: m.id })}>${t('possibleMatchLink')}</button>
            <button type="button" aria-label=${t('possibleMatchDismissLabel', { address })} @click=${() => this.fire('sb-customer-dismiss-match', { matchId: m.id })}>${t('possibleMatchDismiss')}</button>`}
    </p>`;
  }

  private renderAttributes(p: CustomerProfile) {
    const entries = Object.entries(p.attributes);
    if (!entries.length) return nothing;
    return html`<h3>${t('customerAttributes')}</h3>
      <dl>${entries.map(([k, v]) => html`<dt>${k}</dt><dd>${String(v)}</dd>`)}</dl>`;
  }

  /** What the page set about this conversation (`Switchboard.setConversationAttributes`). */
  private renderConversationAttributes(p: CustomerProfile) {
    const entries = Object.entries(p.context?.conversationAttributes ?? {});
    if (!entries.length) return nothing;
    return html`<h3 id="conversation-attributes">${t('conversationAttributes')}</h3>
      <dl aria-labelledby="conversation-attributes">${entries.map(([k, v]) => html`<dt>${k}</dt><dd dir="auto">${String(v)}</dd>`)}</dl>`;
  }

  /** What the visitor did on the site as the page reported it (`Switchboard.trackEvent`), newest first. */
  private renderEvents(p: CustomerProfile) {
    const events = p.context?.events ?? [];
    if (!events.length) return nothing;
    return html`<h3 id="tracked-events">${t('customerEvents')}</h3>
      <ol aria-labelledby="tracked-events">
        ${[...events].reverse().map(
          (e) => html`<li><bdi><strong>${e.name}</strong></bdi>${Object.entries(e.properties ?? {}).map(([k, v]) => html` <span class="tag" dir="auto">${k}: ${String(v)}</span>`)} <span class="muted">${date(e.at)}</span></li>`,
        )}
      </ol>`;
  }

  private renderContext(p: CustomerProfile) {
    const c = p.context;
    if (!c) return nothing;
    const { browser, os } = browserSummary(c.userAgent);
    const time = localTimeIn(c.timeZone, Date.now(), appLocale());
    const referrer = c.referrer && safeHref(c.referrer);
    return html`<h3>${t('customerBrowsing')}</h3>
      <ul>
        ${time ? html`<li>${t('customerLocalTime', { time: `${time} (${c.timeZone})` })}</li>` : nothing}
        ${c.language ? html`<li>${t('customerLanguage', { language: languageName(c.language, appLocale()) })}</li>` : nothing}
        ${browser ? html`<li>${t('customerBrowser', { browser: os ? `${browser}, ${os}` : browser })}</li>` : nothing}
        ${referrer ? html`<li>${t('customerReferrer', { referrer: new URL(referrer).host })}</li>` : nothing}
      </ul>
      ${c.pages.length
        ? html`<h3 id="pages">${t('customerPages')}</h3>
            <ol aria-labelledby="pages">${[...c.pages].reverse().map((page) => html`<li>${safeHref(page.url) ? html`<a href=${page.url} target="_blank" rel="noopener noreferrer" dir="auto">${page.title || page.url}</a>` : html`<bdi>${page.title || page.url}</bdi>`} <span class="muted">${date(page.at)}</span></li>`)}</ol>`
        : nothing}`;
  }

  private renderContact(c: CustomerContact, current: CustomerContact | undefined) {
    const isCurrent = c.id === current?.id;
    const channel = t(`channel_${c.channel}` as MessageKey);
    return html`<li class="contact ${isCurrent ? 'current' : ''}" aria-current=${isCurrent ? 'true' : 'false'}>
      <strong>${channel}</strong> · ${date(c.createdAt)} · ${t(`status_${c.status}` as MessageKey)}${c.disposition ? html` · ${c.disposition}` : nothing}${c.agent ? html` · ${c.agent.name}` : nothing}
      ${isCurrent ? html` <span class="muted">(${t('customerThisContact')})</span>` : nothing}
      <div>${c.subject ?? c.firstMessage ?? t('customerNoSubject')}</div>
      ${c.tags.length ? html`<div>${c.tags.map((tag) => html`<span class="tag">${tag}</span>`)}</div>` : nothing}
      ${c.notes.map((n) => html`<div class="note"><strong>${noteHeading(n)}:</strong> <span dir="auto">${n.text}</span></div>`)}
      ${!this.readOnly && current && !isCurrent && c.visitor.id !== current.visitor.id
        ? html`<button type="button" aria-label=${t('splitOffLabel', { channel, date: date(c.createdAt) })} @click=${() => this.fire('sb-customer-split', { visitorId: c.visitor.id })}>${t('splitOff')}</button>`
        : nothing}
    </li>`;
  }

  private renderTimeline(timeline: CustomerTimeline) {
    return html`<ol class="events">
      ${timeline.map(
        ({ conversation, events }) => html`<li>
          <strong>${t(`channel_${conversation.channel}` as MessageKey)} · ${date(conversation.createdAt)}</strong>
          <ul>${events.map((e) => this.renderEvent(e))}</ul>
        </li>`,
      )}
    </ol>`;
  }

  /** One line per event that tells the story: messages, hand-overs, calls back, co-browsing, the end. */
  private renderEvent(e: ConversationEvent) {
    switch (e.type) {
      case 'message':
        return html`<li><bdi>${e.author.kind === 'agent' ? e.author.name : this.customerName}</bdi>: <span dir="auto">${e.text}</span></li>`;
      case 'transferred':
        return html`<li class="muted">${t('transferredTo', { name: e.to.name })}</li>`;
      case 'escalated':
        return html`<li class="muted">${t('escalatedTo', { tier: e.tier, name: e.from.name ?? '' })}</li>`;
      case 'callback':
        return html`<li class="muted">${t('callbackEvent', { phone: e.phone, attempt: e.attempt })}</li>`;
      case 'callback-outcome':
        return html`<li class="muted">${t(CALLBACK_OUTCOME_KEY[e.outcome], { name: e.by.name ?? '' })}</li>`;
      case 'cobrowse':
        return e.action === 'started' || e.action === 'ended' ? html`<li class="muted">${t(e.action === 'started' ? 'cobrowseStarted' : 'cobrowseEnded', { name: this.customerName })}</li>` : nothing;
      case 'invitation':
        return html`<li class="muted">${t('invitationFrom', { name: e.sender ?? t('invitationTeamSender') })}</li>`;
      case 'visitor-event':
        return html`<li class="muted visitor-event">${t('visitorEvent', { name: e.name })}${e.properties ? ` (${describeProperties(e.properties)})` : ''}</li>`;
      case 'bot':
        return html`<li class="muted">${t('botOffered', { titles: e.articles.map((a) => a.title).join(', ') })}</li>`;
      case 'ended':
        return html`<li class="muted">${t('endedBy', { name: e.by.kind === 'visitor' ? this.customerName : e.by.name ?? '' })}</li>`;
      case 'web-call':
        return html`<li class="muted">${t(e.outcome === 'declined' ? 'webCallEventDeclined' : 'webCallEventUnanswered', { name: this.customerName, agent: e.agent.name ?? '' })}</li>`;
      case 'agent-joined':
      case 'agent-left':
      case 'call-held':
      case 'call-resumed':
      case 'recording-consent':
      case 'recording':
      case 'voice-clip':
      case 'auto-reply':
        return nothing; // the conversation's own view tells these; the customer's story does not need them
      default:
        return assertNever(e);
    }
  }

  private renderTools(current: CustomerContact) {
    return html`<h3>${t('customerThisContact')}</h3>
      <form @submit=${this.onTags}>
        <label for="tags">${t('tagsLabel')}</label>
        <input id="tags" name="tags" .value=${current.tags.join(', ')} />
        <button type="submit">${t('tagsSave')}</button>
      </form>
      <form @submit=${this.onNote}>
        <label for="note">${t('noteLabel')}</label>
        <textarea id="note" name="note" rows="2" spellcheck="true"></textarea>
        <button type="submit">${t('noteAdd')}</button>
      </form>
      <form @submit=${this.onSearch}>
        <label for="merge">${t('mergeLabel')}</label>
        <input id="merge" name="q" type="search" minlength="2" />
        <button type="submit">${t('mergeSearch')}</button>
      </form>
      ${this.searchResults
        ? html`<ul>
            ${this.searchResults
              .filter((r) => r.id !== this.profile?.id)
              .map((r) => {
                const label = [r.name, r.email, r.phone].filter(Boolean).join(' · ');
                return html`<li>${label} <button type="button" aria-label=${t('mergeInto', { name: label })} @click=${() => this.fire('sb-customer-merge', { customerId: r.id })}>${t('merge')}</button></li>`;
              })}
          </ul>`
        : nothing}`;
  }

  private onTags(event: SubmitEvent): void {
    event.preventDefault();
    const value = new FormData(event.target as HTMLFormElement).get('tags');
    this.fire('sb-customer-tags', { tags: String(value ?? '').split(',').map((x) => x.trim()).filter(Boolean) });
  }

  private onNote(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('note') ?? '').trim();
    if (!text) return;
    this.fire('sb-customer-note', { text });
    form.reset();
  }

  private onSearch(event: SubmitEvent): void {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    if (q.length >= 2) this.fire('sb-customer-search', { q });
  }
}

if (!customElements.get('sb-customer-pane')) customElements.define('sb-customer-pane', SbCustomerPane);

declare global {
  interface HTMLElementTagNameMap {
    'sb-customer-pane': SbCustomerPane;
  }
}
