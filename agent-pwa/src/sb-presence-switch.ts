/**
 * The agent's presence selector: available, away with a reason, or offline; and the state as the
 * routing engine sees it, shown but not choosable: on contacts (how many), in wrap-up (its time
 * left, or the outcome it waits for), paused after missed offers, away after a lost connection,
 * and reconnecting while this window has no connection. It never says "Available" while routing
 * would not offer the agent anything. Its label is for screen readers: the dot and the choice say
 * it on screen, and the top bar has no room to spare.
 */
import { html, LitElement, css, nothing } from 'lit';
import { CHOOSABLE_BREAK_REASONS, type AgentStatus, type BreakReason, type ChoosableBreakReason } from '../../signaling/protocol/presence.js';
import { ConnectionStatus } from '../../signaling/protocol/protocol-client.js';
import { ClockController } from '../../ui/controllers/clock-controller.js';
import { formatDuration } from '../../ui/format/format-duration.js';
import { t } from './i18n/en.js';
import { sharedStyles } from './shared-styles.js';

/** What the agent's wrap-up needs to be shown: when it ends by itself, or that it waits for an outcome. */
export interface WrapUpShown {
  until?: number;
  dispositionRequired: boolean;
}

/** What routing makes of the agent now, beyond their chosen status; shown as a disabled, selected choice. */
type Seen = 'reconnecting' | 'wrap-up' | 'on-contact' | 'paused' | 'disconnected';

const DOT: Record<Seen, string> = { reconnecting: 'offline', 'wrap-up': 'wrap-up', 'on-contact': 'on-contact', paused: 'away', disconnected: 'away' };

/**
 * @fires sb-presence-change - `{ status, reason? }` when the agent picks another status.
 */
export class SbPresenceSwitch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* It may be narrowed by the bar (a phone's): the select then gives way, never the dot. */
      :host { display: inline-block; min-width: 0; max-width: 100%; box-sizing: border-box; }
      label { display: inline-flex; gap: 8px; align-items: center; font-size: 14px; max-width: 100%; }
      select { padding: 4px 8px; border-radius: 8px; border: 1px solid var(--sb-color-border); background: var(--sb-color-surface); max-width: 14rem; font-variant-numeric: tabular-nums; }
      /* A select is as wide as its longest choice ("Away: training" runs long in Arabic and German): on a phone it takes what the bar leaves. */
      @media (max-width: 480px) { select { max-width: 100%; min-width: 0; } }
      .dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; flex: none; }
      .available { background: var(--sb-color-success-soft-text); } .wrap-up { background: var(--sb-color-accent); } .on-contact { background: var(--sb-color-accent); } .away { background: var(--sb-color-focus); } .offline { background: var(--sb-color-border); }
    `,
  ];
  static override properties = {
    status: { type: String },
    breakReason: { attribute: false },
    wrapUp: { attribute: false },
    contacts: { type: Number },
    connection: { type: String },
  };
  declare status: AgentStatus;
  declare breakReason: BreakReason | undefined;
  /** Set while the agent is in wrap-up: no new contacts until it ends, whatever the status says. */
  declare wrapUp: WrapUpShown | undefined;
  /** The contacts the agent is handling now. */
  declare contacts: number;
  /** This window's connection: anything but `open` means the server may see the agent otherwise (or not at all). */
  declare connection: ConnectionStatus;
  /** Ticks the wrap-up's countdown. */
  private readonly clock = new ClockController(this);

  constructor() {
    super();
    this.status = 'offline';
    this.breakReason = undefined;
    this.wrapUp = undefined;
    this.contacts = 0;
    this.connection = ConnectionStatus.open;
  }

  /** What routing makes of the agent beyond the status they chose, if anything. */
  private get seen(): Seen | undefined {
    if (this.connection !== ConnectionStatus.open) return 'reconnecting';
    if (this.status === 'away') return this.breakReason === 'no-answer' ? 'paused' : this.breakReason === 'disconnected' ? 'disconnected' : undefined;
    if (this.status !== 'available') return undefined;
    return this.wrapUp ? 'wrap-up' : this.contacts > 0 ? 'on-contact' : undefined;
  }

  private seenText(seen: Seen): string {
    switch (seen) {
      case 'reconnecting':
        return t('presence_reconnecting');
      case 'wrap-up':
        if (this.wrapUp?.dispositionRequired || this.wrapUp?.until === undefined) return t('presence_wrapUpOutcome');
        return t('presence_wrapUpLeft', { time: formatDuration(this.wrapUp.until - this.clock.now) ?? '0:00' });
      case 'on-contact':
        return t('presence_onContact', { count: this.contacts });
      case 'paused':
        return t('break_no-answer');
      case 'disconnected':
        return t('break_disconnected');
    }
  }

  /** The chosen status as a choice's value. */
  private get chosen(): string {
    if (this.status !== 'away') return this.status;
    const reason = this.breakReason;
    return `away:${reason && (CHOOSABLE_BREAK_REASONS as readonly string[]).includes(reason) ? reason : 'personal'}`;
  }

  override render() {
    const seen = this.seen;
    const value = seen ?? this.chosen;
    return html`<label>
      <span class="dot ${seen ? DOT[seen] : this.status}" aria-hidden="true"></span>
      <span class="visually-hidden">${t('presenceLabel')}</span>
      <select @change=${this.onChange} data-state=${value}>
        ${seen ? html`<option value=${seen} selected disabled>${this.seenText(seen)}</option>` : nothing}
        <option value="available" ?selected=${value === 'available'}>${t('presence_available')}</option>
        ${CHOOSABLE_BREAK_REASONS.map((r) => html`<option value="away:${r}" ?selected=${value === `away:${r}`}>${t(`break_${r}`)}</option>`)}
        <option value="offline" ?selected=${value === 'offline'}>${t('presence_offline')}</option>
      </select>
    </label>`;
  }

  /** The choice shown is set once the choices are in place: set before, it would name one that is not there yet. */
  protected override updated(): void {
    const select = this.renderRoot.querySelector('select');
    if (select) select.value = this.seen ?? this.chosen;
  }

  private onChange(event: Event): void {
    const [status, reason] = (event.target as HTMLSelectElement).value.split(':') as [AgentStatus, ChoosableBreakReason | undefined];
    this.dispatchEvent(new CustomEvent('sb-presence-change', { detail: { status, ...(reason ? { reason } : {}) }, bubbles: true, composed: true }));
  }
}
