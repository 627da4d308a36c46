/** Sign-in limits in force (failed attempts per account and address, per address, per account), each with Clear. */
import { css, html, LitElement, nothing } from 'lit';
import type { LoginLimit } from '../../../signaling/protocol/team.js';
import { formStyles } from '../account/form-styles.js';
import { formatDateTime } from '../account/format-time.js';
import type { Refusal } from '../account/refusal.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

/**
 * @fires sb-limit-clear - `{ email?, address? }` the limit to clear.
 * @fires sb-limits-refresh - read the limits again.
 */
export class SbLoginLimits extends LitElement {
  static override styles = [sharedStyles, formStyles, css`:host { display: block; }`];
  static override properties = { limits: { attribute: false }, busy: { type: Boolean }, refusal: { attribute: false } };
  declare limits: LoginLimit[];
  declare busy: boolean;
  declare refusal: Refusal | undefined;

  constructor() {
    super();
    this.limits = [];
    this.busy = false;
  }

  override render() {
    return html`<div class="actions">
        <h2 id="limits-title">${t('limitsTitle')}</h2>
        <button type="button" ?disabled=${this.busy} @click=${() => this.fire('sb-limits-refresh', {})}>${t('refresh')}</button>
      </div>
      <p class="hint">${t('limitsHint')}</p>
      ${this.limits.length === 0
        ? html`<p>${t('limitsNone')}</p>`
        : html`<div class="table-scroll">
            <table aria-labelledby="limits-title">
              <thead>
                <tr>
                  ${(['limitKind', 'email', 'limitAddress', 'limitFailures', 'limitBlockedUntil'] as const).map((k) => html`<th scope="col">${t(k)}</th>`)}
                  <th scope="col"><span class="visually-hidden">${t('limitClear')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.limits.map((l) => {
                  const who = [l.email, l.address].filter(Boolean).join(', ');
                  return html`<tr>
                    <th scope="row">${t(`limit_${l.kind}`)}</th>
                    <td>${l.email ?? '—'}</td>
                    <td>${l.address ?? '—'}</td>
                    <td>${l.failures}</td>
                    <td>${l.blockedUntil ? formatDateTime(l.blockedUntil) : t('limitSlowedOnly')}</td>
                    <td>
                      <button type="button" ?disabled=${this.busy} aria-label=${t('limitClearFor', { who })} @click=${() => this.fire('sb-limit-clear', { ...(l.email ? { email: l.email } : {}), ...(l.address ? { address: l.address } : {}) })}>
                        ${t('limitClear')}
                      </button>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`}
      ${this.refusal ? html`<p class="error" role="alert">${this.refusal.message}</p>` : nothing}`;
  }

  private fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
