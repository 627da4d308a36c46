/** The person's own live sessions (devices and browsers), the current one marked, each but it with Sign out. */
import { css, html, LitElement, nothing } from 'lit';
import type { SessionView } from '../../../signaling/protocol/team.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { formStyles } from './form-styles.js';
import { formatDateTime } from './format-time.js';
import type { Refusal } from './refusal.js';
import { describeUserAgent } from './user-agent.js';

/** "Chrome on Linux", "Safari", or "Unknown device". */
export function deviceName(session: Pick<SessionView, 'userAgent'>): string {
  const { browser, system } = describeUserAgent(session.userAgent);
  if (browser && system) return t('deviceOn', { browser, system });
  return browser ?? system ?? t('deviceUnknown');
}

/**
 * @fires sb-session-end - `{ id }`: sign that session out (its app window closes).
 * @fires sb-sessions-end-others - sign out every session but this one.
 */
export class SbSessionsList extends LitElement {
  static override styles = [sharedStyles, formStyles, css`:host { display: block; } .current { font-weight: 600; color: var(--sb-color-success-soft-text); }`];
  static override properties = { sessions: { attribute: false }, busy: { type: Boolean }, refusal: { attribute: false } };
  declare sessions: SessionView[];
  declare busy: boolean;
  declare refusal: Refusal | undefined;

  constructor() {
    super();
    this.sessions = [];
    this.busy = false;
  }

  override render() {
    const others = this.sessions.filter((s) => !s.current).length;
    return html`<h2 id="sessions-title">${t('sessionsTitle')}</h2>
      <div class="table-scroll">
        <table aria-labelledby="sessions-title">
          <thead>
            <tr>
              <th scope="col">${t('sessionDevice')}</th>
              <th scope="col">${t('sessionAddress')}</th>
              <th scope="col">${t('sessionLastUsed')}</th>
              <th scope="col">${t('sessionSignedIn')}</th>
              <th scope="col"><span class="visually-hidden">${t('sessionActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.sessions.map((s) => {
              const device = deviceName(s);
              return html`<tr>
                <th scope="row">${device}${s.current ? html`<br /><span class="current">${t('thisDevice')}</span>` : nothing}</th>
                <td>${s.address ?? '—'}</td>
                <td>${formatDateTime(s.lastSeenAt)}</td>
                <td>${formatDateTime(s.createdAt)}</td>
                <td>
                  ${s.current
                    ? nothing
                    : html`<button type="button" ?disabled=${this.busy} aria-label=${t('signOutSession', { device, address: s.address ?? '' })} @click=${() => this.fire('sb-session-end', { id: s.id })}>
                        ${t('signOut')}
                      </button>`}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${this.refusal ? html`<p class="error" role="alert">${this.refusal.message}</p>` : nothing}
      <p class="actions">
        <button type="button" ?disabled=${this.busy || others === 0} @click=${() => this.fire('sb-sessions-end-others', {})}>${t('signOutOthers')}</button>
        ${others === 0 ? html`<span class="hint">${t('noOtherSessions')}</span>` : nothing}
      </p>`;
  }

  private fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
