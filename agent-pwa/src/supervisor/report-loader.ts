/**
 * The rows of a report screen and where their loading stands: loads when the screen is put on the
 * page and whenever asked again (a new period), and renders the screen on each change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ReportLoader<Row> implements ReactiveController {
  rows: Row[] = [];
  status: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchRows: () => Promise<Row[]>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.status = 'loading';
    this.host.requestUpdate();
    try {
      this.rows = await this.fetchRows();
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
    this.host.requestUpdate();
  }
}
