/** The agent's presence selector. */
import { html, LitElement, css } from 'lit';
import { AGENT_STATUSES, type AgentStatus } from '../../signaling/protocol/presence.js';
import { t } from './i18n/en.js';
import { sharedStyles } from './shared-styles.js';

/**
 * @fires sb-presence-change - `{ status }` when the agent picks another status.
 */
export class SbPresenceSwitch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      label { display: inline-flex; gap: 8px; align-items: center; font-size: 14px; }
      select { padding: 4px 8px; border-radius: 8px; border: 1px solid #cbd5e1; background: #fff; }
      .dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; }
      .available { background: #16a34a; } .away { background: #f59e0b; } .offline { background: #94a3b8; }
    `,
  ];
  static override properties = { status: { type: String } };
  declare status: AgentStatus;

  constructor() {
    super();
    this.status = 'offline';
  }

  override render() {
    return html`<label>
      <span class="dot ${this.status}" aria-hidden="true"></span>
      ${t('presenceLabel')}
      <select .value=${this.status} @change=${this.onChange}>
        ${AGENT_STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${t(`presence_${s}`)}</option>`)}
      </select>
    </label>`;
  }

  private onChange(event: Event): void {
    const status = (event.target as HTMLSelectElement).value as AgentStatus;
    this.dispatchEvent(new CustomEvent('sb-presence-change', { detail: { status }, bubbles: true, composed: true }));
  }
}
