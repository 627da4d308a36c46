/**
 * A callback the agent is handling: the number to dial (a tel: link, so the agent's phone or
 * softphone dials it), what the customer asked and from where, and the outcome buttons that
 * end it. "Call again at" takes a local date and time.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { CallbackOutcome, ConversationEvent } from '../../../signaling/protocol/conversation.js';
import { t, appLocale } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

type CallbackEvent = Extract<ConversationEvent, { type: 'callback' }>;

/** `YYYY-MM-DDTHH:MM` in this browser's time zone, for datetime-local inputs. */
const localInputValue = (at: number) => {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/** @fires sb-callback-outcome - `{ outcome, retryAt? }`. */
export class SbCallbackPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 12px 16px; background: var(--sb-color-success-soft); border-bottom: 1px solid var(--sb-color-success-soft-text); }
      .dial { font-size: 18px; font-weight: 600; }
      p { margin: 0 0 6px; }
      .actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
      label { display: flex; flex-direction: column; font-size: 13px; gap: 2px; }
      .error { color: var(--sb-color-danger); }
    `,
  ];
  static override properties = { callback: { attribute: false }, visitor: { attribute: false }, error: { state: true } };

  declare callback: CallbackEvent;
  declare visitor: string;
  declare error: string | undefined;

  private fire(outcome: CallbackOutcome, retryAt?: number): void {
    this.dispatchEvent(new CustomEvent('sb-callback-outcome', { detail: { outcome, ...(retryAt ? { retryAt } : {}) }, bubbles: true, composed: true }));
  }

  private retry(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name=retry-at]')!;
    const at = input.value ? new Date(input.value).getTime() : NaN;
    if (!Number.isFinite(at) || at <= Date.now()) {
      this.error = t('callbackRetryInvalid');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    this.error = undefined;
    this.fire('retry', at);
  }

  override render() {
    const c = this.callback;
    const requested = new Intl.DateTimeFormat(appLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(c.requestedAt);
    return html`<section aria-label=${t('callbackPanelLabel', { name: this.visitor })}>
      <p class="dial">${t('callbackDial', { name: this.visitor })} <a href=${`tel:${c.phone}`}>${c.phone}</a></p>
      <p class="muted">${t(c.asap ? 'callbackAsked' : 'callbackAskedSlot', { requested, attempt: c.attempt })}</p>
      ${c.page?.url && /^https?:\/\//i.test(c.page.url) ? html`<p class="muted">${t('callbackFromPage')} <a href=${c.page.url} target="_blank" rel="noopener noreferrer">${c.page.title || c.page.url}</a></p>` : nothing}
      <div class="actions" role="group" aria-label=${t('callbackOutcomeLabel')}>
        <button type="button" class="primary" @click=${() => this.fire('reached')}>${t('callbackReached')}</button>
        <button type="button" @click=${() => this.fire('no-answer')}>${t('callbackNoAnswer')}</button>
        <button type="button" @click=${() => this.fire('wrong-number')}>${t('callbackWrongNumber')}</button>
        <label>${t('callbackRetryAt')}<input name="retry-at" type="datetime-local" min=${localInputValue(Date.now())} aria-describedby=${this.error ? 'cb-error' : nothing} /></label>
        <button type="button" @click=${this.retry}>${t('callbackRetry')}</button>
      </div>
      ${this.error ? html`<p class="error" id="cb-error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }
}

if (!customElements.get('sb-callback-panel')) customElements.define('sb-callback-panel', SbCallbackPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sb-callback-panel': SbCallbackPanel;
  }
}
