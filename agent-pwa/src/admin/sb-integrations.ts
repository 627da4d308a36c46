/**
 * Admins connect Switchboard to the outside: inbound channels (an SMS gateway, a social-media
 * bridge) with their signing secrets, webhooks for integrators, and the routing rules for new
 * e-mail. The secrets are what the other side signs with; they are shown to admins only.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { QueueView } from '../../../signaling/protocol/admin.js';
import type { ChannelView, ContactOptionsView, MailRuleView, WebhookView } from '../../../signaling/protocol/channels.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../signaling/protocol/webhook-events.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

/**
 * @fires sb-channel-create - `{ name, queue, outboundUrl? }`.
 * @fires sb-channel-remove - `{ id }`.
 * @fires sb-webhook-create - `{ url, events }`.
 * @fires sb-webhook-remove - `{ id }`.
 * @fires sb-mail-rules - `{ rules }` the whole list, replacing the stored one.
 * @fires sb-contact-options - `{ queueId, options }` a queue's callback policy and alternatives threshold.
 */
export class SbIntegrations extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 16px; overflow-y: auto; }
      .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 24px; }
      form { display: grid; gap: 6px; }
      label { display: grid; gap: 2px; font-size: 14px; }
      fieldset { border: 1px solid var(--sb-color-border); border-radius: 8px; display: grid; gap: 2px; }
      fieldset label { display: flex; gap: 6px; align-items: center; }
      input, select { font: inherit; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
      ul { list-style: none; padding: 0; display: grid; gap: 6px; }
      li { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 6px 8px; overflow-wrap: anywhere; }
      code { font-size: 12px; }
    `,
  ];
  static override properties = {
    channels: { attribute: false },
    webhooks: { attribute: false },
    rules: { attribute: false },
    queues: { attribute: false },
    contactOptions: { attribute: false },
    error: { attribute: false },
    policyQueue: { state: true },
  };

  declare channels: ChannelView[];
  declare webhooks: WebhookView[];
  declare rules: MailRuleView[];
  declare queues: Pick<QueueView, 'id' | 'slug' | 'name'>[];
  declare contactOptions: Record<string, ContactOptionsView>;
  declare error: string | undefined;
  /** The queue whose callback policy the form shows. */
  declare policyQueue: string | undefined;

  constructor() {
    super();
    this.channels = [];
    this.webhooks = [];
    this.rules = [];
    this.queues = [];
    this.contactOptions = {};
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private queueName(idOrSlug: string): string {
    return this.queues.find((q) => q.id === idOrSlug || q.slug === idOrSlug)?.name ?? idOrSlug;
  }

  override render() {
    const queueOptions = this.queues.map((q) => html`<option value=${q.slug}>${q.name}</option>`);
    return html`${this.error ? html`<div class="banner error" role="alert">${this.error}</div>` : nothing}
      <div class="columns">
        <section aria-labelledby="channels-h">
          <h2 id="channels-h">${t('integrationsChannels')}</h2>
          <p class="muted">${t('integrationsChannelsHelp')}</p>
          <ul>
            ${this.channels.map(
              (c) => html`<li>
                <strong>${c.name}</strong> → ${this.queueName(c.queueId)}
                <div><code>POST /api/channels/${c.id}/messages</code></div>
                <div>${t('integrationsSecret')} <code>${c.secret}</code></div>
                ${c.outboundUrl ? html`<div>${t('integrationsRepliesTo', { url: c.outboundUrl })}</div>` : nothing}
                <button type="button" class="danger" aria-label=${t('integrationsRemoveChannel', { name: c.name })} @click=${() => this.fire('sb-channel-remove', { id: c.id })}>${t('libraryRemove')}</button>
              </li>`,
            )}
          </ul>
          <form aria-label=${t('integrationsNewChannel')} @submit=${this.onChannel}>
            <label>${t('integrationsName')}<input name="name" required maxlength="80" /></label>
            <label>${t('integrationsQueue')}<select name="queue" required>${queueOptions}</select></label>
            <label>${t('integrationsOutboundUrl')}<input name="outboundUrl" type="url" /></label>
            <button class="primary" type="submit">${t('integrationsAdd')}</button>
          </form>
        </section>
        <section aria-labelledby="webhooks-h">
          <h2 id="webhooks-h">${t('integrationsWebhooks')}</h2>
          <ul>
            ${this.webhooks.map(
              (w) => html`<li>
                <strong>${w.url}</strong>
                <div>${w.events.join(', ')}</div>
                <div>${t('integrationsSecret')} <code>${w.secret}</code></div>
                <button type="button" class="danger" aria-label=${t('integrationsRemoveWebhook', { url: w.url })} @click=${() => this.fire('sb-webhook-remove', { id: w.id })}>${t('libraryRemove')}</button>
              </li>`,
            )}
          </ul>
          <form aria-label=${t('integrationsNewWebhook')} @submit=${this.onWebhook}>
            <label>${t('integrationsUrl')}<input name="url" type="url" required /></label>
            <fieldset>
              <legend>${t('integrationsEvents')}</legend>
              ${WEBHOOK_EVENTS.map((e) => html`<label><input type="checkbox" name="events" value=${e} checked />${e}</label>`)}
            </fieldset>
            <button class="primary" type="submit">${t('integrationsAdd')}</button>
          </form>
        </section>
        ${this.renderPolicy()}
        <section aria-labelledby="rules-h">
          <h2 id="rules-h">${t('integrationsMailRules')}</h2>
          <p class="muted">${t('integrationsMailRulesHelp')}</p>
          <ol>
            ${this.rules.map(
              (r, i) => html`<li>
                ${r.keywords.join(', ')} (${t(r.in === 'subject' ? 'integrationsInSubject' : 'integrationsInAll')}) → ${this.queueName(r.queue)}
                <button type="button" class="danger" aria-label=${t('integrationsRemoveRule', { n: i + 1 })} @click=${() => this.fire('sb-mail-rules', { rules: this.rules.filter((_, j) => j !== i) })}>${t('libraryRemove')}</button>
              </li>`,
            )}
          </ol>
          <form aria-label=${t('integrationsNewRule')} @submit=${this.onRule}>
            <label>${t('integrationsKeywords')}<input name="keywords" required /></label>
            <label>${t('integrationsWhere')}<select name="in"><option value="subject-and-text">${t('integrationsInAll')}</option><option value="subject">${t('integrationsInSubject')}</option></select></label>
            <label>${t('integrationsQueue')}<select name="queue" required>${queueOptions}</select></label>
            <button class="primary" type="submit">${t('integrationsAdd')}</button>
          </form>
        </section>
      </div>`;
  }

  /** Minutes in the form, milliseconds on the wire. */
  private renderPolicy() {
    const queueId = this.policyQueue ?? this.queues[0]?.id;
    const current = queueId ? this.contactOptions[queueId] : undefined;
    if (!queueId || !current) return nothing;
    const minutes = (ms: number | null | undefined) => (ms == null ? '' : String(Math.round(ms / 60_000)));
    return html`<section aria-labelledby="policy-h">
      <h2 id="policy-h">${t('integrationsPolicy')}</h2>
      <form aria-label=${t('integrationsPolicy')} @submit=${this.onPolicy}>
        <label>${t('integrationsQueue')}<select name="queue" @change=${(e: Event) => (this.policyQueue = (e.target as HTMLSelectElement).value)}>
          ${this.queues.map((q) => html`<option value=${q.id} ?selected=${q.id === queueId}>${q.name}</option>`)}
        </select></label>
        <label>${t('integrationsAlternativesAfter')}<input name="after" type="number" min="0" max="1440" .value=${minutes(current.offerAlternativesAfterMs)} /></label>
        <label>${t('integrationsRetryAfter')}<input name="retry" type="number" min="1" max="10080" required .value=${minutes(current.callbackRetryMs)} /></label>
        <label>${t('integrationsMaxAttempts')}<input name="attempts" type="number" min="1" max="20" required .value=${String(current.callbackMaxAttempts)} /></label>
        <button class="primary" type="submit">${t('librarySave')}</button>
      </form>
    </section>`;
  }

  private onPolicy(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const after = String(data.get('after') ?? '').trim();
    this.fire('sb-contact-options', {
      queueId: String(data.get('queue')),
      options: { offerAlternativesAfterMs: after === '' ? null : Number(after) * 60_000, callbackRetryMs: Number(data.get('retry')) * 60_000, callbackMaxAttempts: Number(data.get('attempts')) },
    });
  }

  private onChannel(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const outboundUrl = String(data.get('outboundUrl') ?? '').trim();
    this.fire('sb-channel-create', { name: String(data.get('name')).trim(), queue: String(data.get('queue')), ...(outboundUrl ? { outboundUrl } : {}) });
    form.reset();
  }

  private onWebhook(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const events = data.getAll('events').map(String) as WebhookEvent[];
    if (!events.length) return;
    this.fire('sb-webhook-create', { url: String(data.get('url')).trim(), events });
    form.reset();
  }

  private onRule(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const keywords = String(data.get('keywords')).split(',').map((k) => k.trim()).filter(Boolean);
    if (!keywords.length) return;
    const rule: MailRuleView = { keywords, in: data.get('in') === 'subject' ? 'subject' : 'subject-and-text', queue: String(data.get('queue')) };
    this.fire('sb-mail-rules', { rules: [...this.rules, rule] });
    form.reset();
  }
}

if (!customElements.get('sb-integrations')) customElements.define('sb-integrations', SbIntegrations);

declare global {
  interface HTMLElementTagNameMap {
    'sb-integrations': SbIntegrations;
  }
}
