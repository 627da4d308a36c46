/**
 * The agent's presence selector: available, away with a reason, or offline; and, as the routing
 * engine sees them, in wrap-up or on contacts while available (shown, not choosable). Its label is
 * for screen readers: the dot and the choice say it on screen, and the top bar has no room to spare.
 */
import { html, LitElement, css } from 'lit';
import { BREAK_REASONS, type AgentStatus, type BreakReason } from '../../signaling/protocol/presence.js';
import { t } from './i18n/en.js';
import { sharedStyles } from './shared-styles.js';

type Choice = { status: AgentStatus; reason?: Exclude<BreakReason, 'no-answer'> };
const CHOOSABLE_BREAKS = BREAK_REASONS.filter((r): r is Exclude<BreakReason, 'no-answer'> => r !== 'no-answer');

/**
 * @fires sb-presence-change - `{ status, reason? }` when the agent picks another status.
 */
export class SbPresenceSwitch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      label { display: inline-flex; gap: 8px; align-items: center; font-size: 14px; }
      select { padding: 4px 8px; border-radius: 8px; border: 1px solid var(--sb-color-border); background: var(--sb-color-surface); max-width: 12rem; }
      /* A select is as wide as its longest choice ("Away: training" runs long in Arabic and German); a phone's bar has no room for it. */
      @media (max-width: 480px) { select { max-width: 8rem; } }
      .dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; }
      .available { background: var(--sb-color-success-soft-text); } .wrap-up { background: var(--sb-color-accent); } .on-contact { background: var(--sb-color-accent); } .away { background: var(--sb-color-focus); } .offline { background: var(--sb-color-border); }
    `,
  ];
  static override properties = { status: { type: String }, breakReason: { attribute: false }, wrapUp: { type: Boolean }, contacts: { type: Number } };
  declare status: AgentStatus;
  declare breakReason: BreakReason | undefined;
  /** Set while the agent is in wrap-up: no new contacts until it ends, whatever the status says. */
  declare wrapUp: boolean;
  /** The contacts the agent is handling now. */
  declare contacts: number;

  constructor() {
    super();
    this.status = 'offline';
    this.breakReason = undefined;
    this.wrapUp = false;
    this.contacts = 0;
  }

  /** What the engine makes of "available" now: in wrap-up, on contacts, or free. */
  private get busy(): 'wrap-up' | 'on-contact' | undefined {
    if (this.status !== 'available') return undefined;
    return this.wrapUp ? 'wrap-up' : this.contacts > 0 ? 'on-contact' : undefined;
  }

  private get value(): string {
    return this.status === 'away' ? `away:${this.breakReason ?? 'personal'}` : this.status;
  }

  override render() {
    return html`<label>
      <span class="dot ${this.busy ?? this.status}" aria-hidden="true"></span>
      <span class="visually-hidden">${t('presenceLabel')}</span>
      <select .value=${this.busy ?? this.value} @change=${this.onChange}>
        ${this.busy === 'wrap-up' ? html`<option value="wrap-up" selected disabled>${t('presence_wrapUp')}</option>` : ''}
        ${this.busy === 'on-contact' ? html`<option value="on-contact" selected disabled>${t('presence_onContact', { count: this.contacts })}</option>` : ''}
        <option value="available" ?selected=${!this.busy && this.value === 'available'}>${t('presence_available')}</option>
        ${CHOOSABLE_BREAKS.map((r) => html`<option value="away:${r}" ?selected=${this.value === `away:${r}`}>${t(`break_${r}`)}</option>`)}
        ${this.breakReason === 'no-answer' && this.status === 'away' ? html`<option value="away:no-answer" selected disabled>${t('break_no-answer')}</option>` : ''}
        <option value="offline" ?selected=${this.value === 'offline'}>${t('presence_offline')}</option>
      </select>
    </label>`;
  }

  private onChange(event: Event): void {
    const [status, reason] = (event.target as HTMLSelectElement).value.split(':') as [AgentStatus, Choice['reason']];
    this.dispatchEvent(new CustomEvent('sb-presence-change', { detail: { status, ...(reason ? { reason } : {}) }, bubbles: true, composed: true }));
  }
}
