/**
 * Quality by week on the Reports screen: per ISO week and agent (or queue), the reviews made and
 * their mean score, beside the same week's handle time and satisfaction.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { QualityRow } from '../../../signaling/protocol/quality.js';
import { api } from '../api-client.js';
import { appLocale, t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { duration } from './format.js';
import { ReportLoader } from './report-loader.js';
import { reportStyles } from './report-styles.js';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export class SbQualityReport extends LitElement {
  static override styles = [sharedStyles, reportStyles, css`:host { display: block; }`];
  /** The last four weeks by default: a trend, not a single week. */
  private query: { from: string; to: string; groupBy: 'agent' | 'queue' } = { from: day(-27), to: day(1), groupBy: 'agent' };
  private readonly report = new ReportLoader<QualityRow>(this, () => api.qualityReport(this.query.from, this.query.to, this.query.groupBy));

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.query = { from: String(form.get('from')), to: String(form.get('to')), groupBy: form.get('groupBy') === 'queue' ? 'queue' : 'agent' };
    void this.report.load();
  }

  override render() {
    const number = (n: number | null, digits: number) => (n === null ? '–' : new Intl.NumberFormat(appLocale(), { maximumFractionDigits: digits }).format(n));
    return html`<h2 id="quality-title">${t('qualityReportTitle')}</h2>
      <form aria-labelledby="quality-title" @submit=${this.onSubmit}>
        <label>${t('reportFrom')}<input type="date" name="from" required .value=${this.query.from} /></label>
        <label>${t('reportTo')}<input type="date" name="to" required .value=${this.query.to} /></label>
        <label>${t('reportGroupBy')}
          <select name="groupBy">
            <option value="agent" ?selected=${this.query.groupBy === 'agent'}>${t('groupBy_agent')}</option>
            <option value="queue" ?selected=${this.query.groupBy === 'queue'}>${t('groupBy_queue')}</option>
          </select></label>
        <button class="primary" type="submit">${t('runReport')}</button>
      </form>
      ${this.report.status === 'failed' ? html`<p role="alert" class="banner error">${t('errorGeneric')}</p>` : nothing}
      ${this.report.status === 'ready' && this.report.rows.length === 0
        ? html`<p class="muted">${t('qualityReportNone')}</p>`
        : html`<div class="scroll" tabindex="0"><table aria-labelledby="quality-title">
            <thead><tr>
              <th scope="col">${t('colWeek')}</th><th scope="col">${t(this.query.groupBy === 'queue' ? 'groupBy_queue' : 'colAgent')}</th>
              <th scope="col">${t('colReviews')}</th><th scope="col">${t('colQuality')}</th><th scope="col">${t('colAht')}</th><th scope="col">${t('colCsat')}</th>
            </tr></thead>
            <tbody>
              ${this.report.rows.map(
                (r) => html`<tr>
                  <td>${r.week}</td><td dir="auto">${r.label}</td><td>${r.reviews}</td><td>${number(r.score, 1)}</td>
                  <td>${r.ahtSeconds === null ? '–' : duration(r.ahtSeconds * 1000)}</td><td>${number(r.csat, 1)}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`}`;
  }
}
