/** The audit log of administrative actions, newest first, page by page, with a CSV export of all of it. */
import { css, html, LitElement, nothing } from 'lit';
import type { AuditEntryView } from '../../../signaling/protocol/audit.js';
import { formStyles } from '../account/form-styles.js';
import { formatDateTime } from '../account/format-time.js';
import type { Refusal } from '../account/refusal.js';
import { en, t, type MessageKey } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

/** "team.role-changed" in words when the catalogue has them, else as recorded. */
export function actionLabel(action: string): string {
  const key = `audit_${action}`;
  return key in en ? t(key as MessageKey) : action;
}

/** The detail of an entry as "key: value" pairs (the record keeps whatever the action noted). */
const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');

/**
 * @fires sb-audit-more - load the next (older) page.
 */
export class SbAuditLog extends LitElement {
  static override styles = [sharedStyles, formStyles, css`:host { display: block; } td { overflow-wrap: anywhere; } .download { font-weight: 600; color: var(--sb-color-accent-text); }`];
  static override properties = { entries: { attribute: false }, complete: { type: Boolean }, busy: { type: Boolean }, names: { attribute: false }, refusal: { attribute: false } };
  declare entries: AuditEntryView[];
  /** Every entry is loaded: no Load more. */
  declare complete: boolean;
  declare busy: boolean;
  /** People's names by id, for the targets (entries name only their actor). */
  declare names: Record<string, string>;
  declare refusal: Refusal | undefined;

  constructor() {
    super();
    this.entries = [];
    this.complete = false;
    this.busy = false;
    this.names = {};
  }

  override render() {
    return html`<div class="actions">
        <h2 id="audit-title">${t('auditTitle')}</h2>
        <a class="download" href="/api/audit/export.csv" download>${t('auditExport')}</a>
      </div>
      ${this.entries.length === 0
        ? html`<p>${t('auditEmpty')}</p>`
        : html`<div class="table-scroll">
            <table aria-labelledby="audit-title">
              <thead>
                <tr>${(['auditTime', 'auditActor', 'auditAction', 'auditTarget', 'auditDetail'] as const).map((k) => html`<th scope="col">${t(k)}</th>`)}</tr>
              </thead>
              <tbody>
                ${this.entries.map(
                  (e) => html`<tr>
                    <td>${formatDateTime(e.at)}</td>
                    <td>${e.actor.name}</td>
                    <th scope="row">${actionLabel(e.action)}</th>
                    <td>${(e.target.id && this.names[e.target.id]) || (e.target.id ? `${e.target.type} ${e.target.id.slice(0, 8)}` : e.target.type)}</td>
                    <td>${detailText(e.detail)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      ${this.refusal ? html`<p class="error" role="alert">${this.refusal.message}</p>` : nothing}
      ${this.complete ? nothing : html`<p><button type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new CustomEvent('sb-audit-more', { bubbles: true, composed: true }))}>${t('loadMore')}</button></p>`}`;
  }
}
