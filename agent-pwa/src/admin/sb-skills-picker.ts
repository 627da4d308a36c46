/**
 * Skills with levels, picked instead of typed: one row per skill (a name, suggested from the skills
 * already in use, and a level from 1 = basic to 5 = expert), Add skill and Remove. It takes part in
 * its form like an input (form-associated), and its `value` stays the "billing:3, returns:1" text the
 * forms and their parsers already read.
 */
import { html, LitElement, css, nothing } from 'lit';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

interface SkillRow {
  skill: string;
  level: number;
}

const LEVELS = [1, 2, 3, 4, 5];

/** "billing:3, returns:1" → rows; undefined when the text is not such a list. */
function rowsOf(text: string): SkillRow[] | undefined {
  const rows: SkillRow[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)\s*:\s*(\d+)$/.exec(part);
    if (!match) return undefined;
    rows.push({ skill: match[1]!, level: Number(match[2]) });
  }
  return rows;
}

/** A skill name as the router keys it: lower case, words joined by hyphens ("Lang ES" → "lang-es"). */
const skillKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '-');

/**
 * @example
 * html`<sb-skills-picker name="skills" label="Skills" .known=${['billing', 'returns']} value="billing:3"></sb-skills-picker>`
 */
export class SbSkillsPicker extends LitElement {
  static formAssociated = true;
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      fieldset { border: none; margin: 0; padding: 0; display: grid; gap: 6px; min-width: 0; }
      legend { padding: 0; margin-block-end: 4px; }
      .row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
      input { flex: 1 1 8em; min-width: 6em; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: var(--sb-radius-sm); }
      select { padding: 4px 6px; border: 1px solid var(--sb-color-border); border-radius: var(--sb-radius-sm); }
      .remove { padding: 2px 10px; }
      .none { margin: 0; font-size: 13px; }
      /* In a table row the column header already says Skills: the legend is for screen readers only, and no hint. */
      :host([compact]) legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      :host([compact]) .none { display: none; }
    `,
  ];
  static override properties = { label: {}, known: { attribute: false }, disabled: { type: Boolean, reflect: true }, compact: { type: Boolean, reflect: true }, rows: { state: true } };
  declare label: string;
  /** Skills already in use elsewhere, offered as suggestions. */
  declare known: string[];
  declare disabled: boolean;
  /** In a table cell: the label only for screen readers, no hint. */
  declare compact: boolean;
  declare rows: SkillRow[];
  /** Text set from outside that is not a skill list: kept as it is, so the form reports it instead of losing it. */
  private raw: string | undefined;
  private readonly internals = this.attachInternals();
  private readonly listId = `skills-${Math.random().toString(36).slice(2)}`;

  constructor() {
    super();
    this.label = '';
    this.known = [];
    this.disabled = false;
    this.compact = false;
    this.rows = [];
  }

  /** The skills as "skill:level" text, separated by commas. */
  get value(): string {
    return this.raw ?? this.rows.filter((r) => r.skill).map((r) => `${r.skill}:${r.level}`).join(', ');
  }

  set value(text: string) {
    const rows = rowsOf(text ?? '');
    this.raw = rows ? undefined : text;
    this.rows = rows ?? [];
    this.internals.setFormValue(this.value);
  }

  /** The form was reset: no skills. */
  formResetCallback(): void {
    this.value = '';
  }

  private edit(rows: SkillRow[]): void {
    this.raw = undefined;
    this.rows = rows;
    this.internals.setFormValue(this.value);
  }

  override render() {
    const suggestions = [...new Set(this.known)].filter((k) => !this.rows.some((r) => r.skill === k));
    return html`<fieldset ?disabled=${this.disabled}>
      <legend>${this.label}</legend>
      ${this.rows.length ? nothing : html`<p class="none muted">${t('skillNone')}</p>`}
      ${this.rows.map(
        (row, i) => html`<div class="row">
          <input
            aria-label="${t('skillName')} ${i + 1}"
            list=${this.listId}
            autocomplete="off"
            .value=${row.skill}
            @change=${(e: Event) => this.edit(this.rows.map((r, j) => (j === i ? { ...r, skill: skillKey((e.target as HTMLInputElement).value) } : r)))}
          />
          <select aria-label="${t('skillLevel')}: ${row.skill || i + 1}" @change=${(e: Event) => this.edit(this.rows.map((r, j) => (j === i ? { ...r, level: Number((e.target as HTMLSelectElement).value) } : r)))}>
            ${[...new Set([...LEVELS, row.level])].map((level) => html`<option value=${level} ?selected=${level === row.level}>${t('skillLevelOption', { level })}</option>`)}
          </select>
          <button type="button" class="remove" aria-label=${t('skillRemove', { skill: row.skill || String(i + 1) })} @click=${() => this.edit(this.rows.filter((_, j) => j !== i))}>×</button>
        </div>`,
      )}
      <datalist id=${this.listId}>${suggestions.map((k) => html`<option value=${k}></option>`)}</datalist>
      <div><button type="button" @click=${() => this.addRow()}>${t('skillAdd')}</button></div>
    </fieldset>`;
  }

  private async addRow(): Promise<void> {
    this.edit([...this.rows, { skill: '', level: 1 }]);
    await this.updateComplete;
    [...this.renderRoot.querySelectorAll<HTMLInputElement>('.row input')].at(-1)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-skills-picker': SbSkillsPicker;
  }
}
