/** The Reports screen: KPIs by interval and group, a chart, CSV export, and Erlang C staffing. */
import { html, LitElement, css, nothing } from 'lit';
import type { ReportQuery } from '../../../signaling/protocol/reports.js';
import { reportParams } from '../api-client.js';
import { appLocale, t, type MessageKey } from '../i18n/en.js';
import { languageName } from '../../../ui/i18n/language-name.js';
import { CHANNELS } from '../../../signaling/protocol/conversation.js';
import { sharedStyles } from '../shared-styles.js';
import { duration, percent } from './format.js';
import { drawReportChart } from './report-chart.js';
import { ReportsController } from './reports-controller.js';
import { reportStyles } from './report-styles.js';
import '../admin/sb-invitations.js';

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export class SbReports extends LitElement {
  static override styles = [
    sharedStyles,
    reportStyles,
    css`
      :host { display: block; padding: 16px; overflow: auto; height: 100%; }
      table { margin-top: 12px; }
      .chart[hidden] { display: none; }
      sb-invitations { padding: 0; margin-top: 16px; }
      .chart { background: var(--sb-color-surface); border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 8px; min-height: 40px; }
    `,
  ];
  static override properties = { queues: { attribute: false } };
  /** Queues to choose from for staffing. */
  declare queues: { id: string; name: string }[];
  private readonly reports = new ReportsController(this);
  private query: Omit<ReportQuery, 'format'> = { from: today(), to: tomorrow(), interval: 'hour', groupBy: 'total' };
  private releaseChart: (() => void) | undefined;

  constructor() {
    super();
    this.queues = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tabIndex = 0; // the screen scrolls: focusable for keyboard users
    this.setAttribute('role', 'region');
    this.setAttribute('aria-label', t('reportsTitle'));
    void this.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseChart?.();
  }

  private async run(staffingForm?: FormData): Promise<void> {
    const staffingQueue = String(staffingForm?.get('queueId') ?? this.queues[0]?.id ?? '');
    await this.reports.load(
      this.query,
      staffingQueue
        ? { queueId: staffingQueue, date: String(staffingForm?.get('date') ?? this.query.from.slice(0, 10)), target: Number(staffingForm?.get('target') ?? 80) / 100, thresholdSeconds: Number(staffingForm?.get('threshold') ?? 20) }
        : undefined,
    );
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>('.chart');
    this.releaseChart?.();
    this.releaseChart = undefined;
    if (target && this.reports.rows.length) {
      this.releaseChart = await drawReportChart(target, this.reports.rows, { interval: t('colBucket'), offered: t('colOffered'), answered: t('colAnswered'), abandoned: t('colAbandoned') });
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const interval = String(form.get('interval'));
    this.query = {
      from: String(form.get('from')),
      to: String(form.get('to')),
      groupBy: String(form.get('groupBy')) as ReportQuery['groupBy'],
      ...(interval ? { interval: interval as NonNullable<ReportQuery['interval']> } : {}),
    };
    void this.run();
  }

  private onStaffingSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.run(new FormData(event.target as HTMLFormElement));
  }

  /** A row's group in the app's language: a language's or channel's name rather than its code. */
  private groupLabel(label: string): string {
    if (!label) return t('groupBy_total');
    if (this.query.groupBy === 'language') return label === 'unknown' ? t('languageUnknown') : languageName(label, appLocale());
    if (this.query.groupBy === 'channel' && (CHANNELS as readonly string[]).includes(label)) return t(`channel_${label}` as MessageKey);
    return label;
  }

  override render() {
    const r = this.reports;
    const na = t('notAvailable');
    return html`<h2 id="reports-title">${t('reportsTitle')}</h2>
      <form @submit=${this.onSubmit} aria-labelledby="reports-title">
        <label>${t('reportFrom')}<input type="date" name="from" required .value=${this.query.from} /></label>
        <label>${t('reportTo')}<input type="date" name="to" required .value=${this.query.to} /></label>
        <label
          >${t('reportInterval')}
          <select name="interval">
            ${(['', '15m', 'hour', 'day'] as const).map((i) => html`<option value=${i} ?selected=${(this.query.interval ?? '') === i}>${t(`interval_${i || 'none'}` as MessageKey)}</option>`)}
          </select>
        </label>
        <label
          >${t('reportGroupBy')}
          <select name="groupBy">
            ${(['total', 'queue', 'channel', 'language', 'agent'] as const).map((g) => html`<option value=${g} ?selected=${this.query.groupBy === g}>${t(`groupBy_${g}`)}</option>`)}
          </select>
        </label>
        <button class="primary" type="submit">${t('runReport')}</button>
        <a href="/api/reports?${reportParams({ ...this.query, format: 'csv' })}" download>${t('downloadCsv')}</a>
      </form>
      ${r.status === 'failed' ? html`<p role="alert" class="banner error">${r.error}</p>` : nothing}
      ${r.status === 'loading' ? html`<p role="status" class="muted">${t('reportLoading')}</p>` : nothing}
      <div class="chart" role="img" aria-label=${t('chartLabel')} ?hidden=${r.rows.length === 0}></div>
      ${r.rows.length === 0 && r.status === 'ready'
        ? html`<p class="muted">${t('noRows')}</p>`
        : html`<div class="scroll" tabindex="0"><table>
            <thead><tr>
              <th scope="col">${t('colBucket')}</th><th scope="col">${t('colGroup')}</th><th scope="col">${t('colOffered')}</th><th scope="col">${t('colAnswered')}</th>
              <th scope="col">${t('colAbandoned')}</th><th scope="col">${t('colSl', { seconds: 20 })}</th><th scope="col">${t('colSl2')}</th><th scope="col">${t('colAbandonRate')}</th>
              <th scope="col">${t('colAsa')}</th><th scope="col">${t('colAht')}</th><th scope="col">${t('colTransfers')}</th><th scope="col">${t('colEscalations')}</th><th scope="col">${t('colCsat')}</th>
              ${this.query.groupBy === 'agent' ? html`<th scope="col">${t('colOccupancy')}</th>` : nothing}
            </tr></thead>
            <tbody>
              ${r.rows.map(
                (row) => html`<tr>
                  <td>${row.bucket ?? ''}</td><td>${this.groupLabel(row.label)}</td><td>${row.offered}</td><td>${row.answered}</td><td>${row.abandoned}</td>
                  <td>${percent(row.serviceLevel) ?? na}</td><td>${percent(row.serviceLevel2) ?? na}</td><td>${percent(row.abandonmentRate) ?? na}</td>
                  <td>${row.asaSeconds === null ? na : duration(row.asaSeconds * 1000)}</td><td>${row.ahtSeconds === null ? na : duration(row.ahtSeconds * 1000)}</td>
                  <td>${row.transfers}</td><td>${row.escalations}</td><td>${row.csat?.toFixed(1) ?? na}</td>
                  ${this.query.groupBy === 'agent' ? html`<td>${percent(row.occupancy) ?? na}</td>` : nothing}
                </tr>`,
              )}
            </tbody>
          </table></div>`}
      ${this.renderStaffing()}
      <sb-activity-report></sb-activity-report>
      <sb-quality-report></sb-quality-report>
      <sb-invitations read-only></sb-invitations>`;
  }

  private renderStaffing() {
    if (!this.queues.length) return nothing;
    return html`<h2 id="staffing-title">${t('staffingTitle')}</h2>
      <form aria-labelledby="staffing-title" @submit=${this.onStaffingSubmit}>
        <label>${t('staffingQueue')}<select name="queueId">${this.queues.map((q) => html`<option value=${q.id}>${q.name}</option>`)}</select></label>
        <label>${t('staffingDate')}<input type="date" name="date" required .value=${this.query.from.slice(0, 10)} /></label>
        <label>${t('staffingTarget')} (%)<input type="number" name="target" min="5" max="99" value="80" /></label>
        <label>${t('staffingSeconds')}<input type="number" name="threshold" min="1" max="3600" value="20" /></label>
        <button class="primary" type="submit">${t('runReport')}</button>
      </form>
      ${this.reports.staffing.every((s) => s.offered === 0)
        ? html`<p class="muted">${t('staffingEmpty')}</p>`
        : html`<div class="scroll" tabindex="0"><table>
        <thead><tr><th scope="col">${t('colHour')}</th><th scope="col">${t('colOffered')}</th><th scope="col">${t('colAht')}</th><th scope="col">${t('colAgentsNeeded')}</th><th scope="col">${t('colExpectedSl')}</th></tr></thead>
        <tbody>
          ${this.reports.staffing
            .filter((s) => s.offered > 0)
            .map((s) => html`<tr><td>${s.hour}</td><td>${s.offered}</td><td>${s.ahtSeconds === null ? '' : duration(s.ahtSeconds * 1000)}</td><td>${s.agentsNeeded ?? ''}</td><td>${percent(s.expectedServiceLevel) ?? ''}</td></tr>`)}
        </tbody>
      </table></div>`}`;
  }
}
