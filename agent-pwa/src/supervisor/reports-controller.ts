/** Loads report rows and staffing for the Reports screen; the view only renders. */
import type { ReportQuery, ReportRow, StaffingQuery, StaffingRow } from '../../../signaling/protocol/reports.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export const ReportStatus = { idle: 'idle', loading: 'loading', ready: 'ready', failed: 'failed' } as const;
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];

export class ReportsController extends ScreenController {
  status: ReportStatus = ReportStatus.idle;
  rows: ReportRow[] = [];
  staffing: StaffingRow[] = [];
  error: string | undefined;
  /** Only the latest request's answer is shown, whatever order answers arrive in. */
  private generation = 0;

  async load(query: Omit<ReportQuery, 'format'>, staffing?: StaffingQuery): Promise<void> {
    const generation = ++this.generation;
    this.status = ReportStatus.loading;
    this.changed();
    try {
      const [rows, staff] = await Promise.all([api.report(query), staffing ? api.staffing(staffing) : Promise.resolve([])]);
      if (generation !== this.generation) return;
      this.rows = rows;
      this.staffing = staff;
      this.error = undefined;
      this.status = ReportStatus.ready;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = (error as Error).message;
      this.status = ReportStatus.failed;
    }
    this.changed();
  }
}
