/**
 * The indicator that stays on the visitor's page while it is shared: with whom, a Stop button
 * that works at once, and the separate question (and state) of remote control.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { CobrowseControl } from '../../signaling/protocol/cobrowse.js';
import { directionOf } from '../../ui/i18n/locales.js';
import { en, format, type Catalogue, type MessageKey } from '../i18n/en.js';

/**
 * @fires sb-cobrowse-stop - the visitor stops sharing.
 * @fires sb-cobrowse-control - `{ allowed }` the visitor answers the control request, or takes control back.
 */
export class SbCobrowseBar extends LitElement {
  static override styles = css`
    :host { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); z-index: 2147483647; font: 14px/1.4 system-ui, sans-serif; }
    section { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; max-width: min(560px, calc(100vw - 24px)); padding: 8px 12px; border-radius: 10px; background: var(--sb-color-bar); color: var(--sb-color-on-bar); box-shadow: 0 6px 24px rgb(0 0 0 / 0.3); border: 2px solid var(--sb-color-focus); }
    p { margin: 0; flex: 1 1 220px; }
    .actions { display: flex; gap: 8px; }
    button { font: inherit; cursor: pointer; border-radius: 8px; padding: 4px 10px; border: 1px solid var(--sb-color-accent-soft); background: var(--sb-color-surface); color: var(--sb-color-accent-soft-text); }
    button.stop { background: var(--sb-color-danger-fill); border-color: var(--sb-color-danger); color: var(--sb-color-on-accent); }
    button:focus-visible { outline: 3px solid var(--sb-color-focus); outline-offset: 2px; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;
  static override properties = { agentName: { attribute: false }, control: { attribute: false }, announcement: { attribute: false }, messages: { attribute: false }, locale: { attribute: false } };

  declare agentName: string;
  declare control: CobrowseControl;
  /** Something to say to screen readers (the agent highlighted something). */
  declare announcement: string;
  declare messages: Catalogue;
  /** The messages' language; the bar is mirrored for right-to-left ones. */
  declare locale: string;

  constructor() {
    super();
    this.agentName = '';
    this.control = 'off';
    this.announcement = '';
    this.messages = en;
    this.locale = 'en';
  }

  private t(key: MessageKey): string {
    return format(this.messages, key, { name: this.agentName }, this.locale);
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`<section role="region" lang=${this.locale} dir=${directionOf(this.locale)} aria-label=${this.t('cobrowseBarLabel')}>
      <p role="status">${this.t('cobrowseSharing')}</p>
      <div class="actions"><button type="button" class="stop" @click=${() => this.fire('sb-cobrowse-stop')}>${this.t('cobrowseStop')}</button></div>
      ${this.control === 'requested'
        ? html`<p role="alert">${this.t('cobrowseControlAsk')}</p>
            <div class="actions">
              <button type="button" @click=${() => this.fire('sb-cobrowse-control', { allowed: true })}>${this.t('cobrowseControlAllow')}</button>
              <button type="button" @click=${() => this.fire('sb-cobrowse-control', { allowed: false })}>${this.t('cobrowseControlDeny')}</button>
            </div>`
        : this.control === 'granted'
          ? html`<p>${this.t('cobrowseControlOn')}</p>
              <div class="actions"><button type="button" @click=${() => this.fire('sb-cobrowse-control', { allowed: false })}>${this.t('cobrowseControlRevoke')}</button></div>`
          : nothing}
      <span class="sr" aria-live="polite">${this.announcement}</span>
    </section>`;
  }
}

if (!customElements.get('sb-cobrowse-bar')) customElements.define('sb-cobrowse-bar', SbCobrowseBar);

declare global {
  interface HTMLElementTagNameMap {
    'sb-cobrowse-bar': SbCobrowseBar;
  }
}
