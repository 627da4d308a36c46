/** The supervisors' live wallboard: each queue today, each channel and customer language, and every agent's state. */
import { html, LitElement, css, nothing } from 'lit';
import { BREAK_REASONS, CHOOSABLE_BREAK_REASONS } from '../../../signaling/protocol/presence.js';
import type { Wallboard } from '../../../signaling/protocol/wallboard.js';
import { appLocale, t, type MessageKey } from '../i18n/en.js';
import { languageName } from '../../../ui/i18n/language-name.js';
import { CHANNELS as CHANNEL_LIST } from '../../../signaling/protocol/conversation.js';
import { sharedStyles } from '../shared-styles.js';
import { ClockController } from '../../../ui/controllers/clock-controller.js';
import { duration, percent } from './format.js';

const CHANNELS = new Set<string>(CHANNEL_LIST);
const FORCIBLE = ['available', ...CHOOSABLE_BREAK_REASONS.map((r) => `away:${r}`), 'offline'];

/**
 * @fires sb-force-presence - `{ agentId, status, reason? }` when a supervisor sets an agent's state.
 * @fires sb-monitor - `{ conversationId }` when a supervisor opens an agent's live chat.
 */
export class SbWallboard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 16px; overflow: auto; height: 100%; }
      h2 { font-size: 16px; margin: 18px 0 8px; }
      table { border-collapse: collapse; width: 100%; background: var(--sb-color-surface); border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; }
      th, td { padding: 6px 10px; border-bottom: 1px solid var(--sb-color-border-subtle); text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
      /* Each table scrolls sideways on its own when its columns do not fit, rather than being cut (focusable, so a keyboard can scroll it). */
      .scroll { overflow-x: auto; max-width: 100%; }
      th:first-child, td:first-child { text-align: start; }
      thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--sb-color-muted); }
      .state { display: inline-flex; align-items: center; gap: 6px; }
      select { font: inherit; padding: 2px 6px; border: 1px solid var(--sb-color-border); border-radius: 6px; background: var(--sb-color-surface); color: inherit; }
      .dot { width: 9px; height: 9px; border-radius: 50%; background: var(--sb-color-border); }
      .available { background: var(--sb-color-success-soft-text); } .on-contact { background: var(--sb-color-accent); } .wrap-up { background: var(--sb-color-accent); } .away { background: var(--sb-color-focus); }
      .alert { color: var(--sb-color-danger); font-weight: 600; }
    `,
  ];
  static override properties = { wallboard: { attribute: false } };
  declare wallboard: Wallboard | undefined;
  private readonly clock = new ClockController(this);
  /** Client clock minus server clock, so durations use the server's instants. */
  private skew = 0;

  constructor() {
    super();
    this.wallboard = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The board scrolls: keyboard users must be able to focus it to scroll.
    this.tabIndex = 0;
    this.setAttribute('role', 'region');
    this.setAttribute('aria-label', t('tabWallboard'));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('wallboard') && this.wallboard) this.skew = Date.now() - this.wallboard.at;
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private force(agentId: string, select: HTMLSelectElement): void {
    const [status, reason] = select.value.split(':');
    select.value = '';
    if (!status) return;
    this.dispatchEvent(new CustomEvent('sb-force-presence', { detail: { agentId, status, ...(reason ? { reason } : {}) }, bubbles: true, composed: true }));
  }

  private since(at: number | undefined): string {
    return (at === undefined ? undefined : duration(this.clock.now - this.skew - at)) ?? t('notAvailable');
  }

  override render() {
    const w = this.wallboard;
    if (!w) return html`<p class="muted" role="status">${t('wallboardWaiting')}</p>`;
    const na = t('notAvailable');
    const grew = this.clock.now - this.skew - w.at;
    return html`
      <h2 id="queues">${t('wallboardQueues')}</h2>
      <div class="scroll" tabindex="0"><table aria-labelledby="queues">
        <thead><tr>
          <th scope="col">${t('colQueue')}</th><th scope="col">${t('colWaiting')}</th><th scope="col">${t('colLongest')}</th><th scope="col">${t('colEwt')}</th>
          <th scope="col">${t('colOffered')}</th><th scope="col">${t('colAnswered')}</th><th scope="col">${t('colAbandoned')}</th>
          <th scope="col">${t('colSl', { seconds: w.serviceLevelSeconds })}</th><th scope="col">${t('colAsa')}</th><th scope="col">${t('colAht')}</th><th scope="col">${t('colCsat')}</th>
        </tr></thead>
        <tbody>
          ${w.queues.map(
            (q) => html`<tr data-queue=${q.queueId}>
              <th scope="row">${q.name}</th>
              <td class=${q.waiting > 0 && q.agentsAvailable === 0 ? 'alert' : ''}>${q.waiting}</td>
              <td>${q.waiting > 0 ? duration(q.longestWaitMs + grew) : na}</td>
              <td>${duration(q.estimatedWaitMs) ?? na}</td>
              <td>${q.offered}</td><td>${q.answered}</td><td>${q.abandoned}</td>
              <td>${percent(q.serviceLevel) ?? na}</td><td>${duration(q.asaMs) ?? na}</td><td>${duration(q.ahtMs) ?? na}</td>
              <td>${q.csat?.toFixed(1) ?? na}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      ${w.channels.length
        ? html`<h2 id="channels">${t('wallboardChannels')}</h2>
            <div class="scroll" tabindex="0"><table aria-labelledby="channels">
              <thead><tr><th scope="col">${t('colChannel')}</th><th scope="col">${t('colOffered')}</th><th scope="col">${t('colAnswered')}</th><th scope="col">${t('colAbandoned')}</th><th scope="col">${t('colSl', { seconds: w.serviceLevelSeconds })}</th></tr></thead>
              <tbody>${w.channels.map((c) => html`<tr><th scope="row">${CHANNELS.has(c.channel) ? t(`channel_${c.channel}` as MessageKey) : c.channel}</th><td>${c.offered}</td><td>${c.answered}</td><td>${c.abandoned}</td><td>${percent(c.serviceLevel) ?? na}</td></tr>`)}</tbody>
            </table></div>`
        : nothing}
      ${w.languages?.length
        ? html`<h2 id="languages">${t('wallboardLanguages')}</h2>
            <div class="scroll" tabindex="0"><table aria-labelledby="languages">
              <thead><tr><th scope="col">${t('colLanguage')}</th><th scope="col">${t('colOffered')}</th><th scope="col">${t('colAnswered')}</th><th scope="col">${t('colAbandoned')}</th><th scope="col">${t('colSl', { seconds: w.serviceLevelSeconds })}</th><th scope="col">${t('colAsa')}</th></tr></thead>
              <tbody>${w.languages.map(
                (l) => html`<tr data-language=${l.language}><th scope="row">${l.language === 'unknown' ? t('languageUnknown') : languageName(l.language, appLocale())}</th><td>${l.offered}</td><td>${l.answered}</td><td>${l.abandoned}</td><td>${percent(l.serviceLevel) ?? na}</td><td>${duration(l.asaMs) ?? na}</td></tr>`,
              )}</tbody>
            </table></div>`
        : nothing}
      <h2 id="agents">${t('wallboardAgents')}</h2>
      <div class="scroll" tabindex="0"><table aria-labelledby="agents">
        <thead><tr>
          <th scope="col">${t('colAgent')}</th><th scope="col">${t('colState')}</th><th scope="col">${t('colTimeInState')}</th>
          <th scope="col">${t('colContacts')}</th><th scope="col">${t('colHandled')}</th><th scope="col">${t('colOccupancy')}</th>
          <th scope="col">${t('colSetState')}</th><th scope="col">${t('colMonitor')}</th>
        </tr></thead>
        <tbody>
          ${w.agents.map(
            (a) => html`<tr data-agent=${a.agentId}>
              <th scope="row">${a.name}</th>
              <td><span class="state"><span class="dot ${a.state}" aria-hidden="true"></span>${a.state === 'away' && a.breakReason ? (BREAK_REASONS.includes(a.breakReason as never) ? t(`break_${a.breakReason}` as MessageKey) : t('awayBecause', { reason: a.breakReason })) : t(`state_${a.state}` as MessageKey)}</span></td>
              <td>${this.since(a.stateSince)}</td>
              <td>${a.contacts}</td><td>${a.handledToday}</td><td>${percent(a.occupancy) ?? na}</td>
              <td>
                ${a.state === 'logged-out'
                  ? na /* nobody there to set: they choose their state when they sign in */
                  : html`<select aria-label=${t('setStateFor', { name: a.name })} @change=${(e: Event) => this.force(a.agentId, e.target as HTMLSelectElement)}>
                      <option value="">${t('setStateKeep')}</option>
                      ${FORCIBLE.map((v) => html`<option value=${v}>${v.startsWith('away:') ? t(`break_${v.slice(5)}` as MessageKey) : t(`presence_${v}` as MessageKey)}</option>`)}
                    </select>`}
              </td>
              <td>
                ${a.conversationIds.map(
                  (id, i) => html`<button type="button" aria-label=${t('monitorChat', { n: i + 1, name: a.name })} @click=${() => this.fire('sb-monitor', { conversationId: id })}>${i + 1}</button>`,
                )}
              </td>
            </tr>`,
          )}
        </tbody>
      </table></div>`;
  }
}
