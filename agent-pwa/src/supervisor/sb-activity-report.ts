/**
 * The agent activity report on the Reports screen: per agent and day, where signed-in time went
 * (a bar per row and a table), sign-in times, contacts and missed offers; CSV export.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { ActivityRow } from '../../../signaling/protocol/reports.js';
import { api } from '../api-client.js';
import { appLocale, t, type MessageKey } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { duration } from './format.js';
import { ReportLoader } from './report-loader.js';
import { reportStyles } from './report-styles.js';

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const BREAK_KEYS = ['lunch', 'meeting', 'training', 'personal'];

/** The parts of a day the bar shows, with their colour. */
const PARTS = [
  { key: 'availableSeconds', label: 'colAvailable', colour: '#16a34a' },
  { key: 'onContactSeconds', label: 'colOnContacts', colour: '#4338ca' },
  { key: 'wrapUpSeconds', label: 'colWrapUp', colour: '#0891b2' },
  { key: 'breaks', label: 'colBreaks', colour: '#d97706' },
  { key: 'awayAfterMissedSeconds', label: 'colAwayMissed', colour: '#dc2626' },
] as const;

const breaksOf = (r: ActivityRow) => Object.values(r.breakSeconds).reduce((sum, s) => sum + s, 0);
const partOf = (r: ActivityRow, key: (typeof PARTS)[number]['key']) => (key === 'breaks' ? breaksOf(r) : r[key]);

export class SbActivityReport extends LitElement {
  static override styles = [
    sharedStyles,
    reportStyles,
    css`
      :host { display: block; }
      /* Eleven columns: headings wrap, so that the table fits a laptop's width instead of scrolling its last columns away. */
      th { white-space: normal; vertical-align: bottom; }
      .bar { display: flex; inline-size: 160px; block-size: 12px; border-radius: 4px; overflow: hidden; background: var(--sb-color-border-subtle); }
      .legend { display: flex; flex-wrap: wrap; gap: 12px; font-size: 13px; margin: 4px 0 8px; padding: 0; list-style: none; }
      .swatch { display: inline-block; inline-size: 10px; block-size: 10px; border-radius: 2px; margin-inline-end: 4px; }
    `,
  ];
  private period = { from: today(), to: tomorrow() };
  private readonly report = new ReportLoader<ActivityRow>(this, () => api.agentActivity(this.period.from, this.period.to));

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.period = { from: String(form.get('from')), to: String(form.get('to')) };
    void this.report.load();
  }

  /** Each reason's time; no breaks shows as no time, not as an empty cell that reads like missing data. */
  private breakText(r: ActivityRow): string {
    if (Object.keys(r.breakSeconds).length === 0) return duration(0) ?? '0:00';
    return Object.entries(r.breakSeconds)
      .map(([reason, s]) => `${BREAK_KEYS.includes(reason) ? t(`break_${reason}` as MessageKey) : reason} ${duration(s * 1000)}`)
      .join(', ');
  }

  private contactsText(r: ActivityRow): string {
    if (Object.keys(r.contacts).length === 0) return '0';
    return Object.entries(r.contacts)
      .map(([channel, n]) => `${t(`channel_${channel}` as MessageKey)} ${n}`)
      .join(', ');
  }

  private time(at: number | null): string {
    // Still signed in (no sign-out yet), or never signed in: a dash, as on the wallboard, not an empty cell.
    return at === null ? '–' : new Intl.DateTimeFormat(appLocale(), { timeStyle: 'short' }).format(at);
  }

  private bar(r: ActivityRow) {
    const total = Math.max(1, r.signedInSeconds);
    const label = PARTS.map((p) => `${t(p.label)} ${duration(partOf(r, p.key) * 1000)}`).join(', ');
    return html`<div class="bar" role="img" aria-label=${label}>
      ${PARTS.map((p) => html`<span style="inline-size: ${(partOf(r, p.key) / total) * 100}%; background: ${p.colour}"></span>`)}
    </div>`;
  }

  override render() {
    const params = new URLSearchParams({ ...this.period, format: 'csv' }).toString();
    return html`<h2 id="activity-title">${t('activityTitle')}</h2>
      <form aria-labelledby="activity-title" @submit=${this.onSubmit}>
        <label>${t('reportFrom')}<input type="date" name="from" required .value=${this.period.from} /></label>
        <label>${t('reportTo')}<input type="date" name="to" required .value=${this.period.to} /></label>
        <button class="primary" type="submit">${t('runReport')}</button>
        <a href="/api/reports/agent-activity?${params}" download>${t('downloadActivityCsv')}</a>
      </form>
      ${this.report.status === 'failed' ? html`<p role="alert" class="banner error">${t('errorGeneric')}</p>` : nothing}
      ${this.report.status === 'ready' && this.report.rows.length === 0
        ? html`<p class="muted">${t('activityNone')}</p>`
        : html`<ul class="legend" aria-hidden="true">${PARTS.map((p) => html`<li><span class="swatch" style="background: ${p.colour}"></span>${t(p.label)}</li>`)}</ul>
            <div class="scroll" tabindex="0"><table aria-labelledby="activity-title">
              <thead><tr>
                <th scope="col">${t('colDay')}</th><th scope="col">${t('colAgent')}</th><th scope="col">${t('activityChartLabel')}</th>
                <th scope="col">${t('colSignedIn')}</th><th scope="col">${t('colAvailable')}</th><th scope="col">${t('colOnContacts')}</th><th scope="col">${t('colWrapUp')}</th>
                <th scope="col">${t('colBreaks')}</th><th scope="col">${t('colAwayMissed')}</th><th scope="col">${t('colFirstSignIn')}</th><th scope="col">${t('colLastSignOut')}</th>
                <th scope="col">${t('colContactsHandled')}</th><th scope="col">${t('colMissedOffers')}</th>
              </tr></thead>
              <tbody>
                ${this.report.rows.map(
                  (r) => html`<tr>
                    <td>${r.day}</td><td dir="auto">${r.agent}</td><td>${this.bar(r)}</td>
                    <td>${duration(r.signedInSeconds * 1000)}</td><td>${duration(r.availableSeconds * 1000)}</td><td>${duration(r.onContactSeconds * 1000)}</td><td>${duration(r.wrapUpSeconds * 1000)}</td>
                    <td>${this.breakText(r)}</td><td>${duration(r.awayAfterMissedSeconds * 1000)}</td><td>${this.time(r.firstSignInAt)}</td><td>${this.time(r.lastSignOutAt)}</td>
                    <td>${this.contactsText(r)}</td><td>${r.missedOffers}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`}`;
  }
}
