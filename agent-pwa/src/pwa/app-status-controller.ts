/**
 * Whether the network is there and whether a new version of the app waits, for the app shell's
 * banners. `online` follows the browser's own online/offline events; `updateReady` the service worker.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { appWorker, type AppWorker } from './app-worker.js';

export class AppStatusController implements ReactiveController {
  online = navigator.onLine;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onOnline: () => void = () => {},
    private readonly worker: AppWorker = appWorker,
  ) {
    host.addController(this);
  }

  get updateReady(): boolean {
    return this.worker.updateReady;
  }

  hostConnected(): void {
    window.addEventListener('online', this.changed);
    window.addEventListener('offline', this.changed);
    this.worker.addEventListener('change', this.changed);
    this.changed();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.changed);
    window.removeEventListener('offline', this.changed);
    this.worker.removeEventListener('change', this.changed);
  }

  /** Reloads into the new version. */
  reload(): void {
    this.worker.applyUpdate();
  }

  private readonly changed = (): void => {
    const cameBack = !this.online && navigator.onLine;
    this.online = navigator.onLine;
    if (cameBack) this.onOnline();
    this.host.requestUpdate();
  };
}
