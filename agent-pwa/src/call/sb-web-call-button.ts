/**
 * "Call in browser" in the customer pane: rings the visitor's widget from the agent's chat with them.
 * Disabled, with the reason beside it, when the visitor is not on the site, turned such calls off,
 * or a call is already on; while it rings the agent can stop calling, and how the ring ended is shown.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { WebCallAvailability, WebCallRingEnd, WebCallUnavailable } from '../../../signaling/protocol/web-call.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { call } from '../api-client.js';
import { t, type MessageKey } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

const UNAVAILABLE: Record<WebCallUnavailable, MessageKey> = {
  'not-connected': 'webCallNotConnected',
  'calls-off': 'webCallCallsOff',
  'in-call': 'webCallInCall',
  'not-active': 'webCallNotActive',
};

/** The error reasons a refused call answers with, as the reasons the button shows. */
const REFUSED: Partial<Record<string, WebCallUnavailable>> = {
  'visitor-not-connected': 'not-connected',
  'web-calls-off': 'calls-off',
  'call-in-progress': 'in-call',
  'conversation-ended': 'not-active',
};

/**
 * @fires sb-web-call-cancel - the agent stops the call ringing (the app hangs it up over the socket).
 */
export class SbWebCallButton extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; margin: 8px 0; }
      .reason { margin: 4px 0 0; font-size: 13px; }
    `,
  ];
  static override properties = {
    conversationId: { attribute: false },
    inCall: { type: Boolean },
    ringEnd: { attribute: false },
    refreshKey: { attribute: false },
    availability: { state: true },
    ringing: { state: true },
    failed: { state: true },
  };

  /** The conversation (the visitor's chat) to call from. */
  declare conversationId: string;
  /** A call is on in this conversation: the ordinary call controls take over. */
  declare inCall: boolean;
  /** How the latest ring in this conversation ended, as the agent socket said. */
  declare ringEnd: WebCallRingEnd | undefined;
  /** Changes when the visitor may have come or gone (a page opened): availability is asked again. */
  declare refreshKey: number;
  declare availability: WebCallAvailability | undefined;
  declare ringing: boolean;
  declare failed: boolean;
  /** The ring end that was already there when this ring started: only a newer one stops it. */
  private endBefore: WebCallRingEnd | undefined;

  constructor() {
    super();
    this.conversationId = '';
    this.inCall = false;
    this.refreshKey = 0;
    this.ringing = false;
    this.failed = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ringEnd') && this.ringing && this.ringEnd !== undefined && changed.get('ringEnd') !== this.ringEnd) this.ringing = false;
    if (changed.has('conversationId')) {
      this.ringing = false;
      this.failed = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('conversationId') || changed.has('refreshKey') || changed.has('inCall') || changed.has('ringEnd')) void this.check();
  }

  /** Asks the server whether the visitor can be called now. */
  async check(): Promise<void> {
    const id = this.conversationId;
    if (!id) return;
    try {
      const availability = await call<WebCallAvailability>(`/conversations/${encodeURIComponent(id)}/web-call`);
      if (id === this.conversationId) this.availability = availability;
    } catch {
      if (id === this.conversationId) this.availability = undefined;
    }
  }

  private async place(): Promise<void> {
    this.failed = false;
    this.endBefore = this.ringEnd;
    try {
      await call<{ expiresAt: number }>(`/conversations/${encodeURIComponent(this.conversationId)}/web-call`, { method: 'POST' });
      this.ringing = true;
    } catch (error) {
      const reason = error instanceof ProtocolError ? REFUSED[error.reason] : undefined;
      if (reason) this.availability = { available: false, reason };
      else this.failed = true;
    }
  }

  override render() {
    if (this.inCall) return nothing;
    if (this.ringing) {
      return html`<p role="status">${t('webCallRinging')}</p>
        <button type="button" class="danger" @click=${() => this.dispatchEvent(new CustomEvent('sb-web-call-cancel', { bubbles: true, composed: true }))}>${t('webCallCancel')}</button>`;
    }
    const reason = this.availability && !this.availability.available ? this.availability.reason : undefined;
    const outcome = this.ringEnd !== this.endBefore ? this.outcomeText() : undefined;
    return html`<button type="button" ?disabled=${!this.availability?.available} aria-describedby="why" @click=${() => void this.place()}>${t('webCallButton')}</button>
      <p id="why" class="reason muted" role="status">${reason ? t(UNAVAILABLE[reason]) : ''}</p>
      ${outcome ? html`<p class="reason" role="status">${outcome}</p>` : nothing}
      ${this.failed ? html`<p class="reason error" role="alert">${t('webCallFailed')}</p>` : nothing}`;
  }

  private outcomeText(): string | undefined {
    if (this.ringEnd === 'declined') return t('webCallDeclined');
    if (this.ringEnd === 'unanswered') return t('webCallUnanswered');
    return undefined;
  }
}

if (!customElements.get('sb-web-call-button')) customElements.define('sb-web-call-button', SbWebCallButton);

declare global {
  interface HTMLElementTagNameMap {
    'sb-web-call-button': SbWebCallButton;
  }
}
