/** The agent's presence selector: available, away with a reason, or offline. Its label is for screen readers: the dot and the choice say it on screen, and the top bar has no room to spare. */
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
      select { padding: 4px 8px; border-radius: 8px; border: 1px solid #cbd5e1; background: #fff; max-width: 12rem; }
      /* A select is as wide as its longest choice ("Away: training" runs long in Arabic and German); a phone's bar has no room for it. */
      @media (max-width: 480px) { select { max-width: 8rem; } }
      .dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; }
      .available { background: #16a34a; } .away { background: #f59e0b; } .offline { background: #94a3b8; }
    `,
  ];
  static override properties = { status: { type: String }, breakReason: { attribute: false } };
  declare status: AgentStatus;
  declare breakReason: BreakReason | undefined;

  constructor() {
    super();
    this.status = 'offline';
    this.breakReason = undefined;
  }

  private get value(): string {
    return this.status === 'away' ? `away:${this.breakReason ?? 'personal'}` : this.status;
  }

  override render() {
    return html`<label>
      <span class="dot ${this.status}" aria-hidden="true"></span>
      <span class="visually-hidden">${t('presenceLabel')}</span>
      <select .value=${this.value} @change=${this.onChange}>
        <option value="available" ?selected=${this.value === 'available'}>${t('presence_available')}</option>
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
