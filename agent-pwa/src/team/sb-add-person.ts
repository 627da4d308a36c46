/**
 * Adding a person to the team: name, e-mail, role, the languages they serve in, skills with
 * levels, and how they get in: a one-time invitation link, or an initial password they must change.
 */
import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { AGENT_ROLES } from '../../../signaling/protocol/presence.js';
import type { TeamMemberCreate } from '../../../signaling/protocol/team.js';
import { describedBy, fieldError, formError, invalid } from '../account/field-error.js';
import { formStyles } from '../account/form-styles.js';
import type { Refusal } from '../account/refusal.js';
import { parseSkills } from '../admin/queue-form.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { COMMON_LANGUAGES, languageName } from './languages.js';

/**
 * @fires sb-person-add - `{ input }` the new person (TeamMemberCreate).
 */
export class SbAddPerson extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      :host { display: block; }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
      .languages { grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); }
    `,
  ];
  static override properties = { busy: { type: Boolean }, refusal: { attribute: false }, added: { type: Number }, method: { state: true }, skillsError: { state: true } };
  declare busy: boolean;
  declare refusal: Refusal | undefined;
  /** How many people were added so far: the form clears when it grows. */
  declare added: number;
  declare method: TeamMemberCreate['method'];
  declare skillsError: string | undefined;

  constructor() {
    super();
    this.busy = false;
    this.added = 0;
    this.method = 'invite';
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.get('added') !== undefined && this.added > (changed.get('added') as number)) {
      this.renderRoot.querySelector('form')!.reset();
      // reset() unchecks the radios (bound as properties); render them again from `method`.
      this.method = 'invite';
      this.skillsError = undefined;
      this.requestUpdate();
    }
  }

  override render() {
    const fields: Record<string, string> = { ...this.refusal?.fields, ...(this.skillsError ? { skills: this.skillsError } : {}) };
    const p = 'add-';
    return html`<form @submit=${this.onSubmit} aria-labelledby="add-title">
      <h2 id="add-title">${t('addPersonTitle')}</h2>
      <div class="grid">
        <div class="field">
          <label
            >${t('personName')}
            <input name="name" required maxlength="80" autocomplete="off" aria-invalid=${invalid(fields, 'name')} aria-describedby=${describedBy(fields, 'name', p)} />
          </label>
          ${fieldError(fields, 'name', p)}
        </div>
        <div class="field">
          <label
            >${t('email')}
            <input name="email" type="email" required autocomplete="off" aria-invalid=${invalid(fields, 'email')} aria-describedby=${describedBy(fields, 'email', p)} />
          </label>
          ${fieldError(fields, 'email', p)}
        </div>
        <label
          >${t('role')}
          <select name="role">
            ${AGENT_ROLES.map((r) => html`<option value=${r}>${t(`role_${r}`)}</option>`)}
          </select>
        </label>
        <div class="field">
          <sb-skills-picker name="skills" .label=${t('skillsWithLevels')} aria-invalid=${invalid(fields, 'skills')}></sb-skills-picker>
          ${fieldError(fields, 'skills', p)}
        </div>
      </div>
      <fieldset class="languages">
        <legend>${t('languagesServed')}</legend>
        ${COMMON_LANGUAGES.map((code) => html`<label><input type="checkbox" name="languages" value=${code} />${languageName(code)}</label>`)}
      </fieldset>
      <fieldset>
        <legend>${t('howTheyGetIn')}</legend>
        <label><input type="radio" name="method" value="invite" .checked=${live(this.method === 'invite')} @change=${() => (this.method = 'invite')} />${t('methodInvite')}</label>
        <label><input type="radio" name="method" value="password" .checked=${live(this.method === 'password')} @change=${() => (this.method = 'password')} />${t('methodPassword')}</label>
        ${this.method === 'password'
          ? html`<div class="field">
              <label class="field"
                >${t('initialPassword')}
                <input name="password" type="text" required autocomplete="off" spellcheck="false" aria-invalid=${invalid(fields, 'password')} aria-describedby="add-password-hint ${fields.password ? 'add-password-error' : ''}" />
              </label>
              <span class="hint" id="add-password-hint">${t('initialPasswordHint')}</span>
              ${fieldError(fields, 'password', p)}
            </div>`
          : nothing}
      </fieldset>
      ${formError(this.refusal, ['name', 'email', 'password', 'skills'])}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('saving') : t(this.method === 'invite' ? 'addAndInvite' : 'addPerson')}</button></div>
    </form>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    let skills: Record<string, number>;
    try {
      skills = parseSkills(String(data.get('skills') ?? ''));
      this.skillsError = undefined;
    } catch (error) {
      this.skillsError = (error as Error).message;
      return;
    }
    const input: TeamMemberCreate = {
      name: String(data.get('name')).trim(),
      email: String(data.get('email')).trim(),
      role: data.get('role') as TeamMemberCreate['role'],
      languages: data.getAll('languages').map(String),
      skills,
      method: this.method,
      ...(this.method === 'password' ? { password: String(data.get('password') ?? '') } : {}),
    };
    this.dispatchEvent(new CustomEvent('sb-person-add', { detail: { input }, bubbles: true, composed: true }));
  }
}
