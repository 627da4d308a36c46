/**
 * The site's file policy (admins): the largest file, in KB or MB, and the types accepted, as
 * checkboxes. Native form controls, so the keyboard and screen readers work as everywhere else;
 * the server checks the bounds and the types and its refusal is shown as it words it.
 */
import { css, html, LitElement, nothing } from 'lit';
import { ATTACHMENT_TYPE_NAMES, KNOWN_ATTACHMENT_TYPES, type FilePolicy } from '../../../signaling/protocol/file-policy.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { FilePolicyController } from './file-policy-controller.js';

const UNITS = { KB: 1024, MB: 1024 * 1024 } as const;
type Unit = keyof typeof UNITS;

/** What the form shows: the limit in the unit it divides into best, and the types ticked. */
interface Draft {
  amount: string;
  unit: Unit;
  types: string[];
}

function draftOf(policy: FilePolicy): Draft {
  const unit: Unit = policy.maxBytes >= UNITS.MB ? 'MB' : 'KB';
  return { amount: String(Math.round((policy.maxBytes / UNITS[unit]) * 100) / 100), unit, types: [...policy.types] };
}

export class SbFilePolicyEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; padding: 16px; }
      form { display: grid; gap: 12px; max-width: 720px; }
      .limit { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; }
      label { display: grid; gap: 2px; font-size: 14px; }
      input[type='number'], select { font: inherit; padding: 4px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
      input[type='number'] { width: 9em; }
      fieldset { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 8px 12px; min-width: 0; }
      .types { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 4px 12px; }
      .types label { display: flex; gap: 6px; align-items: center; }
    `,
  ];
  static override properties = { draft: { state: true } };

  /** The form's values; the saved policy until the admin changes something. */
  declare draft: Draft | undefined;
  private readonly store = new FilePolicyController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.store.load();
  }

  private get values(): Draft | undefined {
    return this.draft ?? (this.store.policy ? draftOf(this.store.policy) : undefined);
  }

  private edit(patch: Partial<Draft>): void {
    this.draft = { ...this.values!, ...patch };
  }

  private toggle(type: string, on: boolean): void {
    const types = this.values!.types.filter((t) => t !== type);
    // Kept in the known list's order, so the saved policy reads the same way as the form.
    this.edit({ types: on ? KNOWN_ATTACHMENT_TYPES.filter((t) => t === type || types.includes(t)) : types });
  }

  private async onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = this.values;
    if (!values) return;
    await this.store.save({ maxBytes: Math.round(Number(values.amount) * UNITS[values.unit]), types: values.types });
    if (!this.store.error) this.draft = undefined;
  }

  override render() {
    const values = this.values;
    const { error, saved } = this.store;
    return html`<section aria-labelledby="file-policy-h">
      <h2 id="file-policy-h">${t('filePolicyHeading')}</h2>
      <p class="muted">${t('filePolicyHelp')}</p>
      ${error ? html`<div class="banner error" role="alert">${error}</div>` : nothing}
      ${saved && !this.draft ? html`<div class="notice" role="status">${t('filePolicySaved')}</div>` : nothing}
      ${values
        ? html`<form @submit=${this.onSave} aria-labelledby="file-policy-h">
            <div class="limit">
              <label>${t('filePolicyLimit')}
                <input name="limit" type="number" required min="0.01" step="any" aria-describedby="file-limit-hint" .value=${values.amount} @input=${(e: Event) => this.edit({ amount: (e.target as HTMLInputElement).value })} />
              </label>
              <label>${t('filePolicyUnit')}
                <select name="unit" @change=${(e: Event) => this.edit({ unit: (e.target as HTMLSelectElement).value as Unit })}>
                  ${Object.keys(UNITS).map((u) => html`<option value=${u} ?selected=${values.unit === u}>${u}</option>`)}
                </select>
              </label>
              <span id="file-limit-hint" class="muted">${t('filePolicyLimitHint')}</span>
            </div>
            <fieldset>
              <legend>${t('filePolicyTypes')}</legend>
              <div class="types">
                ${KNOWN_ATTACHMENT_TYPES.map(
                  (type) => html`<label title=${type}><input type="checkbox" name="type" value=${type} .checked=${values.types.includes(type)} @change=${(e: Event) => this.toggle(type, (e.target as HTMLInputElement).checked)} />${ATTACHMENT_TYPE_NAMES[type] ?? type}</label>`,
                )}
              </div>
            </fieldset>
            <div><button class="primary" type="submit">${t('filePolicySave')}</button></div>
          </form>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-file-policy-editor': SbFilePolicyEditor;
  }
}

if (!customElements.get('sb-file-policy-editor')) customElements.define('sb-file-policy-editor', SbFilePolicyEditor);
