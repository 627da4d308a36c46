/**
 * Proactive invitations: admins list, create, edit and turn them off, each row with how often it
 * was shown, opened and answered; with `read-only` (the Reports screen) only the counts table.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { InvitationInput, InvitationView } from '../../../signaling/protocol/invitations.js';
import { MAX_INVITATION_DELAY_SECONDS, MAX_INVITATION_TEXT } from '../../../signaling/protocol/invitations.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { InvitationsController, inputOf } from './invitations-controller.js';

export class SbInvitations extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 16px; overflow-y: auto; }
      /* Read-only, it is one section of the reports, headed like the others. */
      :host([read-only]) h2 { font-size: 16px; margin: 20px 0 8px; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; min-width: 520px; }
      th, td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--sb-color-border-subtle); vertical-align: top; }
      td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
      .text { max-width: 32ch; overflow-wrap: anywhere; }
      .actions { display: flex; gap: 6px; flex-wrap: wrap; }
      form { display: grid; gap: 8px; max-width: 560px; margin-top: 16px; }
      label { display: grid; gap: 2px; font-size: 14px; }
      label.check { display: flex; gap: 6px; align-items: center; }
      input, select, textarea { font: inherit; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
      textarea { min-height: 4em; }
      .buttons { display: flex; gap: 8px; flex-wrap: wrap; }
    `,
  ];
  static override properties = { readOnly: { type: Boolean, attribute: 'read-only' }, queues: { attribute: false }, agents: { attribute: false }, editing: { state: true } };

  /** Reports: the counts only, no changes. */
  declare readOnly: boolean;
  /** Queues and agents to choose from in the form. */
  declare queues: { slug: string; name: string }[];
  declare agents: { id: string; name: string }[];
  /** The invitation in the form: an id, `new`, or none. */
  declare editing: string | undefined;
  private readonly store = new InvitationsController(this);

  constructor() {
    super();
    this.readOnly = false;
    this.queues = [];
    this.agents = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.store.load();
  }

  private async onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const sender = String(form.get('sender') ?? '');
    const input: InvitationInput = {
      text: String(form.get('text') ?? ''),
      senderAgentId: sender || null,
      queue: String(form.get('queue') ?? '') || undefined,
      pathPattern: String(form.get('pathPattern') ?? ''),
      delaySeconds: Number(form.get('delaySeconds') ?? 0),
      returningOnly: form.get('returningOnly') === 'on',
      enabled: form.get('enabled') === 'on',
    };
    if (await this.store.save(this.editing === 'new' ? undefined : this.editing, input)) this.editing = undefined;
  }

  private renderForm(current: InvitationView | undefined) {
    const v: InvitationInput = current ? inputOf(current) : { text: '', pathPattern: '/', delaySeconds: 10, returningOnly: false, enabled: true };
    return html`<form @submit=${this.onSave} aria-labelledby="invitation-form-h">
      <h3 id="invitation-form-h">${current ? t('invitationEdit') : t('invitationNew')}</h3>
      <label>${t('invitationText')}<textarea name="text" required maxlength=${MAX_INVITATION_TEXT} .value=${v.text}></textarea></label>
      <label>${t('invitationSender')}
        <select name="sender">
          <option value="" ?selected=${!v.senderAgentId}>${t('invitationTeamSender')}</option>
          ${this.agents.map((a) => html`<option value=${a.id} ?selected=${v.senderAgentId === a.id}>${a.name}</option>`)}
        </select>
      </label>
      <label>${t('invitationQueue')}
        <select name="queue">${this.queues.map((q) => html`<option value=${q.slug} ?selected=${v.queue === q.slug}>${q.name}</option>`)}</select>
      </label>
      <label>${t('invitationPath')}<input name="pathPattern" required maxlength="200" dir="ltr" .value=${v.pathPattern} /></label>
      <label>${t('invitationDelay')}<input name="delaySeconds" type="number" min="0" max=${MAX_INVITATION_DELAY_SECONDS} required .value=${String(v.delaySeconds)} /></label>
      <label class="check"><input name="returningOnly" type="checkbox" ?checked=${v.returningOnly} />${t('invitationReturning')}</label>
      <label class="check"><input name="enabled" type="checkbox" ?checked=${v.enabled ?? true} />${t('invitationEnabled')}</label>
      <div class="buttons">
        <button class="primary" type="submit">${t('invitationSave')}</button>
        <button class="secondary" type="button" @click=${() => (this.editing = undefined)}>${t('invitationCancel')}</button>
      </div>
    </form>`;
  }

  override render() {
    const { invitations, error, loaded } = this.store;
    const editing = this.editing && this.editing !== 'new' ? invitations.find((i) => i.id === this.editing) : undefined;
    return html`<section aria-labelledby="invitations-h">
      <h2 id="invitations-h">${t('invitationsHeading')}</h2>
      ${this.readOnly ? nothing : html`<p class="muted">${t('invitationsHelp')}</p>`}
      ${error ? html`<div class="banner error" role="alert">${error}</div>` : nothing}
      ${loaded && invitations.length === 0 ? html`<p class="muted">${t('invitationsEmpty')}</p>` : nothing}
      ${invitations.length
        ? html`<div class="table-wrap"><table>
            <thead><tr>
              <th scope="col">${t('invitationText')}</th><th scope="col">${t('invitationPath')}</th>
              <th scope="col" class="num">${t('invitationShown')}</th><th scope="col" class="num">${t('invitationOpened')}</th><th scope="col" class="num">${t('invitationConversations')}</th>
              ${this.readOnly ? nothing : html`<th scope="col"><span class="visually-hidden">${t('invitationEdit')}</span></th>`}
            </tr></thead>
            <tbody>${invitations.map(
              (i) => html`<tr data-invitation=${i.id}>
                <th scope="row" class="text" dir="auto">${i.text}<div class="muted">${i.senderName ?? t('invitationTeamSender')} · ${i.queue.name}${i.enabled ? '' : ` · ${t('invitationOff')}`}</div></th>
                <td dir="ltr">${t('invitationRule', { path: i.pathPattern, seconds: i.delaySeconds })}${i.returningOnly ? html`<div class="muted">${t('invitationReturning')}</div>` : nothing}</td>
                <td class="num">${i.counts.shown}</td><td class="num">${i.counts.opened}</td><td class="num">${i.counts.conversations}</td>
                ${this.readOnly
                  ? nothing
                  : html`<td><div class="actions">
                      <button class="secondary" type="button" aria-label=${`${t('invitationEdit')}: ${i.text}`} @click=${() => (this.editing = i.id)}>${t('invitationEdit')}</button>
                      <button class="secondary" type="button" aria-label=${`${t(i.enabled ? 'invitationTurnOff' : 'invitationTurnOn')}: ${i.text}`} @click=${() => void this.store.setEnabled(i, !i.enabled)}>${t(i.enabled ? 'invitationTurnOff' : 'invitationTurnOn')}</button>
                    </div></td>`}
              </tr>`,
            )}</tbody>
          </table></div>`
        : nothing}
      ${this.readOnly ? nothing : this.editing ? this.renderForm(editing) : html`<p><button class="primary" type="button" @click=${() => (this.editing = 'new')}>${t('invitationNew')}</button></p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-invitations': SbInvitations;
  }
}

if (!customElements.get('sb-invitations')) customElements.define('sb-invitations', SbInvitations);
