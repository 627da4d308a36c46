/**
 * The alternatives to waiting for a chat: leave a message (answered by e-mail) or ask for a
 * call back, now or at a time in the queue's hours shown in the visitor's own time zone; and
 * the callbacks already booked, each with Cancel.
 */
import { html, LitElement, nothing } from 'lit';
import type { CallbackView } from '../../signaling/protocol/contact-options.js';
import { en, format, type Catalogue, type MessageKey } from '../i18n/en.js';
import { chatPanelStyles } from '../chat/sb-chat-panel.styles.js';
import { contactStyles } from './contact-styles.js';
import type { ContactReason, ContactState } from './contact-options.js';

/**
 * @fires sb-contact-open - `{ form }` the visitor chose a form (`message`, `callback`) or went back (undefined).
 * @fires sb-contact-message - `{ name, email, message }`.
 * @fires sb-contact-callback - `{ phone, when, name? }`; `when` is `asap` or a slot's start.
 * @fires sb-contact-cancel - `{ id }` of a callback.
 */
export class SbContactOptions extends LitElement {
  static override styles = [chatPanelStyles, contactStyles];
  static override properties = { state: { attribute: false }, reason: { attribute: false }, waitMs: { attribute: false }, messages: { attribute: false }, locale: { attribute: false }, showMenu: { type: Boolean }, quiet: { type: Boolean }, asap: { state: true } };

  declare state: ContactState;
  /** Why the options are shown: nobody can answer (`offline`), or the wait is long (`wait`). */
  declare reason: ContactReason | undefined;
  /** The choices alone: the panel's status line already says why they are offered. */
  declare quiet: boolean;
  declare showMenu: boolean;
  /** The waiting chat's expected wait, as the queue last reported it. */
  declare waitMs: number | undefined;
  declare messages: Catalogue;
  /** The messages' language, for plural forms, dates and times. */
  declare locale: string;
  declare asap: boolean;

  constructor() {
    super();
    this.state = { callbacks: [], busy: false };
    this.reason = undefined;
    this.quiet = false;
    this.showMenu = true;
    this.messages = en;
    this.locale = 'en';
    this.asap = true;
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return format(this.messages, key, params, this.locale);
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private formatTime(at: number): string {
    return new Intl.DateTimeFormat(this.locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
  }

  private invalid(field: string): boolean {
    return !!this.state.error?.fields.includes(field);
  }

  private errorText(): string | undefined {
    const error = this.state.error;
    if (!error) return undefined;
    if (error.reason === 'network') return this.t('errorNetwork');
    if (error.reason === 'rate-limited') return this.t('errorRateLimited');
    if (error.fields.includes('phone')) return this.t('errorPhone');
    if (error.fields.includes('when')) return this.t('errorWhen');
    if (error.fields.includes('email')) return this.t('errorEmail');
    if (error.reason === 'invalid-input' && this.state.callbacks.length && !this.state.form) return this.t('errorTooLate');
    return this.t('errorGeneric');
  }

  override updated(): void {
    // Moving into a form puts focus on its first field, so keyboard users land where they type.
    const first = this.renderRoot.querySelector<HTMLElement>('form [data-first]');
    if (first && first.dataset['focused'] !== this.state.form) {
      first.dataset['focused'] = this.state.form ?? '';
      first.focus();
    }
  }

  override render() {
    const { form, receipt } = this.state;
    const error = this.errorText();
    return html`<div class="contact" role="group" aria-label=${this.t('contactOptionsLabel')}>
      ${this.state.callbacks.map((c) => this.renderBooked(c))}
      ${receipt ? html`<p class="notice" role="status">${this.t('messageThanks', { email: receipt.email, reference: receipt.reference })}</p>` : nothing}
      ${error ? html`<p class="error" role="alert" id="sb-contact-error">${error}</p>` : nothing}
      ${form === 'message' ? this.renderMessageForm() : form === 'callback' ? this.renderCallbackForm() : this.showMenu ? this.renderMenu() : nothing}
    </div>`;
  }

  private renderBooked(c: CallbackView) {
    const time = this.formatTime(c.dueAt);
    if (c.status === 'queued' && c.attempts > 0) return html`<p class="notice" role="status">${this.t('callbackInProgress', { phone: c.phone })}</p>`;
    return html`<div class="notice booked">
      <p role="status">${this.t('callbackBooked', { phone: c.phone, when: c.asap ? this.t('callbackBookedAsap') : this.t('callbackBookedAt', { time }) })}</p>
      <button class="secondary" type="button" ?disabled=${this.state.busy} aria-label=${this.t('callbackCancelLabel', { time })} @click=${() => this.fire('sb-contact-cancel', { id: c.id })}>${this.t('callbackCancel')}</button>
    </div>`;
  }

  private renderMenu() {
    const status = this.state.status;
    const wait = this.waitMs ?? status?.estimatedWaitMs;
    const intro = this.quiet
      ? undefined
      : this.reason === 'wait' && wait !== undefined
        ? this.t('contactLongWait', { minutes: Math.ceil(wait / 60_000) })
        : this.reason === 'nobody-soon'
          ? this.t('contactNobodySoon')
          : this.reason
            ? this.t(status?.open === false ? 'contactOfflineClosed' : 'contactOffline')
            : undefined;
    return html`${intro ? html`<p>${intro}</p>` : nothing}
      <div class="choices">
        <button class="primary" type="button" @click=${() => this.fire('sb-contact-open', { form: 'message' })}>${this.t('contactLeaveMessage')}</button>
        <button class="secondary" type="button" @click=${() => this.fire('sb-contact-open', { form: 'callback' })}>${this.t('contactCallMeBack')}</button>
      </div>`;
  }

  private renderMessageForm() {
    return html`<form aria-labelledby="sb-message-title" @submit=${this.onMessage} novalidate>
      <h3 id="sb-message-title">${this.t('messageFormLabel')}</h3>
      <label>${this.t('fieldName')}<input name="name" autocomplete="name" required maxlength="120" data-first /></label>
      <label>${this.t('fieldEmail')}<input name="email" type="email" autocomplete="email" required maxlength="254" aria-invalid=${this.invalid('email') ? 'true' : 'false'} aria-describedby=${this.invalid('email') ? 'sb-contact-error' : nothing} /></label>
      <label>${this.t('fieldMessage')}<textarea name="message" rows="4" required maxlength="4000"></textarea></label>
      <div class="choices">
        <button class="primary" type="submit" ?disabled=${this.state.busy}>${this.t('messageSend')}</button>
        <button class="secondary" type="button" @click=${() => this.fire('sb-contact-open', { form: undefined })}>${this.t('contactBack')}</button>
      </div>
    </form>`;
  }

  private renderCallbackForm() {
    const status = this.state.status;
    const slots = status?.callbackSlots ?? [];
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const days = new Map<string, number[]>();
    const dayOf = new Intl.DateTimeFormat(this.locale, { weekday: 'long', day: 'numeric', month: 'long' });
    const timeOf = new Intl.DateTimeFormat(this.locale, { hour: '2-digit', minute: '2-digit' });
    for (const slot of slots) {
      const day = dayOf.format(slot);
      days.set(day, [...(days.get(day) ?? []), slot]);
    }
    return html`<form aria-labelledby="sb-callback-title" @submit=${this.onCallback} novalidate>
      <h3 id="sb-callback-title">${this.t('callbackFormLabel')}</h3>
      <label>${this.t('fieldPhone')}<input name="phone" type="tel" autocomplete="tel" required maxlength="32" data-first aria-invalid=${this.invalid('phone') ? 'true' : 'false'} aria-describedby="sb-phone-hint ${this.invalid('phone') ? 'sb-contact-error' : ''}" /></label>
      <p class="hint" id="sb-phone-hint">${this.t('fieldPhoneHint')}</p>
      <fieldset>
        <legend>${this.t('callbackWhen')}</legend>
        <label class="inline"><input type="radio" name="when" value="asap" .checked=${this.asap} @change=${() => (this.asap = true)} />${this.t(status?.open === false ? 'callbackAsapClosed' : 'callbackAsap')}</label>
        <label class="inline"><input type="radio" name="when" value="slot" .checked=${!this.asap} ?disabled=${slots.length === 0} @change=${() => (this.asap = false)} />${this.t('callbackAtTime')}</label>
        ${this.asap
          ? nothing
          : html`<label>${this.t('callbackSlot', { zone })}<select name="slot" aria-invalid=${this.invalid('when') ? 'true' : 'false'}>
              ${[...days].map(([day, times]) => html`<optgroup label=${day}>${times.map((t) => html`<option value=${t}>${timeOf.format(t)}</option>`)}</optgroup>`)}
            </select></label>`}
        ${slots.length === 0 ? html`<p class="hint">${this.t('callbackNoSlots')}</p>` : nothing}
      </fieldset>
      <div class="choices">
        <button class="primary" type="submit" ?disabled=${this.state.busy}>${this.t('callbackRequest')}</button>
        <button class="secondary" type="button" @click=${() => this.fire('sb-contact-open', { form: undefined })}>${this.t('contactBack')}</button>
      </div>
    </form>`;
  }

  private onMessage(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    this.fire('sb-contact-message', { name: String(data.get('name')).trim(), email: String(data.get('email')).trim(), message: String(data.get('message')).trim() });
  }

  private onCallback(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const when = this.asap ? 'asap' : Number(data.get('slot'));
    this.fire('sb-contact-callback', { phone: String(data.get('phone')).trim(), when });
  }
}

if (!customElements.get('sb-contact-options')) customElements.define('sb-contact-options', SbContactOptions);

declare global {
  interface HTMLElementTagNameMap {
    'sb-contact-options': SbContactOptions;
  }
}
