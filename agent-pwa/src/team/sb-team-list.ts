/**
 * Everyone in the team with their role, languages, skills and status, and what an admin does to
 * a person: change their role, deactivate (after a confirmation naming the consequences),
 * reactivate, reset their password (a link or a temporary one).
 */
import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { AGENT_ROLES, type AgentRole } from '../../../signaling/protocol/presence.js';
import type { TeamMember } from '../../../signaling/protocol/team.js';
import { formStyles } from '../account/form-styles.js';
import { formatSkills } from '../admin/queue-form.js';
import { t, type MessageKey } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { languageName } from './languages.js';

/** What a row says of a person's account. */
export function statusOf(m: TeamMember): MessageKey {
  if (!m.active) return 'member_deactivated';
  if (m.invited) return 'member_invited';
  if (m.mustChangePassword) return 'member_must-change';
  return 'member_active';
}

type Pending = { action: 'deactivate' | 'reset'; member: TeamMember };

/**
 * @fires sb-team-role - `{ id, role }`.
 * @fires sb-team-deactivate - `{ id }` after the admin confirmed.
 * @fires sb-team-reactivate - `{ id }`.
 * @fires sb-team-reset - `{ id, method: 'link' | 'temporary' }` after the admin confirmed.
 */
export class SbTeamList extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      :host { display: block; }
      td.actions-cell { white-space: nowrap; }
      td.actions-cell button { margin: 0 4px 4px 0; }
      select { padding: 4px 6px; }
      .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 13px; background: var(--sb-color-border-subtle); white-space: nowrap; }
      .member_active { background: var(--sb-color-success-soft); color: var(--sb-color-success-soft-text); }
      .member_deactivated { background: var(--sb-color-danger-soft); color: var(--sb-color-danger-soft-text); }
      .member_invited, .member_must-change { background: var(--sb-color-warn-soft); color: var(--sb-color-warn-soft-text); }
      tr.inactive th, tr.inactive td:not(.actions-cell) { color: var(--sb-color-muted); }
      .row-error td { border-bottom-color: var(--sb-color-danger); }
    `,
  ];
  static override properties = { members: { attribute: false }, selfId: { type: String }, busy: { type: Boolean }, rowError: { attribute: false }, pending: { state: true } };
  declare members: TeamMember[];
  /** The admin looking: they cannot deactivate themselves. */
  declare selfId: string;
  declare busy: boolean;
  /** The last refusal about one person, shown under their row. */
  declare rowError: { id: string; message: string } | undefined;
  declare pending: Pending | undefined;

  constructor() {
    super();
    this.members = [];
    this.selfId = '';
    this.busy = false;
  }

  override render() {
    return html`<div class="table-scroll">
        <table aria-label=${t('teamTitle')}>
          <thead>
            <tr>
              ${(['personName', 'email', 'role', 'languages', 'skills', 'status'] as const).map((k) => html`<th scope="col">${t(k)}</th>`)}
              <th scope="col">${t('repliesNeedReview')}</th>
              <th scope="col"><span class="visually-hidden">${t('teamActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.members.map((m) => this.renderRow(m))}
          </tbody>
        </table>
      </div>
      ${this.renderDialog()}`;
  }

  private renderRow(m: TeamMember) {
    const error = this.rowError?.id === m.id ? this.rowError.message : undefined;
    return html`<tr class=${m.active ? (error ? 'row-error' : '') : 'inactive'}>
        <th scope="row">${m.name}${m.id === this.selfId ? html` <span class="muted">${t('teamYou')}</span>` : nothing}</th>
        <td>${m.email}</td>
        <td>
          <select aria-label=${t('roleOf', { name: m.name })} ?disabled=${this.busy || !m.active} .value=${live(m.role)} @change=${(e: Event) => this.fire('sb-team-role', { id: m.id, role: (e.target as HTMLSelectElement).value as AgentRole })}>
            ${AGENT_ROLES.map((r) => html`<option value=${r} ?selected=${r === m.role}>${t(`role_${r}`)}</option>`)}
          </select>
        </td>
        <td>${m.languages.map(languageName).join(', ') || '—'}</td>
        <td>${formatSkills(m.skills) || '—'}</td>
        <td><span class="badge ${statusOf(m)}">${t(statusOf(m))}</span></td>
        <td><sb-review-toggle compact kind="agent" target=${m.id} label=${t('repliesNeedReviewOf', { name: m.name })}></sb-review-toggle></td>
        <td class="actions-cell">${this.renderActions(m)}</td>
      </tr>
      ${error ? html`<tr class="row-error"><td colspan="8"><p class="error" role="alert">${error}</p></td></tr>` : nothing}`;
  }

  private renderActions(m: TeamMember) {
    if (!m.active) return html`<button type="button" ?disabled=${this.busy} aria-label=${t('reactivateName', { name: m.name })} @click=${() => this.fire('sb-team-reactivate', { id: m.id })}>${t('reactivate')}</button>`;
    return html`${m.invited
        ? html`<button type="button" ?disabled=${this.busy} aria-label=${t('newInvitationFor', { name: m.name })} @click=${() => this.fire('sb-team-reset', { id: m.id, method: 'link' })}>${t('newInvitation')}</button>`
        : html`<button type="button" ?disabled=${this.busy} aria-label=${t('resetPasswordOf', { name: m.name })} @click=${() => (this.pending = { action: 'reset', member: m })}>${t('resetPassword')}</button>`}
      ${m.id === this.selfId
        ? nothing
        : html`<button type="button" class="danger" ?disabled=${this.busy} aria-label=${t('deactivateName', { name: m.name })} @click=${() => (this.pending = { action: 'deactivate', member: m })}>${t('deactivate')}</button>`}`;
  }

  private renderDialog() {
    const p = this.pending;
    const deactivating = p?.action === 'deactivate';
    return html`<sb-confirm-dialog
      ?open=${!!p}
      ?danger=${deactivating}
      heading=${p ? t(deactivating ? 'deactivateTitle' : 'resetTitleFor', { name: p.member.name }) : ''}
      confirmLabel=${t(deactivating ? 'deactivate' : 'resetPassword')}
      @sb-dialog-close=${this.onDialogClose}
    >
      ${!p
        ? nothing
        : deactivating
          ? html`<p>${t('deactivateConsequences', { name: p.member.name })}</p>`
          : html`<p>${t('resetConsequences', { name: p.member.name })}</p>
              <fieldset>
                <legend>${t('resetHow')}</legend>
                <label><input type="radio" name="reset-method" value="link" checked />${t('resetByLink')}</label>
                <label><input type="radio" name="reset-method" value="temporary" />${t('resetByTemporary')}</label>
              </fieldset>`}
    </sb-confirm-dialog>`;
  }

  private onDialogClose(e: CustomEvent<{ confirmed: boolean }>): void {
    const p = this.pending;
    // Read the choice before the dialog's content leaves with `pending`.
    const method = this.renderRoot.querySelector<HTMLInputElement>('input[name=reset-method]:checked')?.value === 'temporary' ? 'temporary' : 'link';
    this.pending = undefined;
    if (!p || !e.detail.confirmed) return;
    if (p.action === 'deactivate') this.fire('sb-team-deactivate', { id: p.member.id });
    else this.fire('sb-team-reset', { id: p.member.id, method });
  }

  private fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
