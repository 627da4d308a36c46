/**
 * The agent app's service worker as the page sees it, through workbox-window: registers
 * /agent/sw.js, says when a new version is waiting, switches to it on the agent's word, and passes
 * on the offers the agent clicked in a notification. One per page (`appWorker`).
 */
import { Workbox } from 'workbox-window';
import { workerMessage, type WorkerMessage } from './worker-messages.js';

export class AppWorker extends EventTarget {
  /** Set when a new version is installed and waits for the agent to reload. */
  updateReady = false;
  private workbox: Workbox | undefined;

  /** Registers the worker (production builds only: a development build has no worker to serve). */
  register(): void {
    if (this.workbox || !('serviceWorker' in navigator)) return;
    const workbox = new Workbox('/agent/sw.js', { scope: '/agent/' });
    this.workbox = workbox;
    workbox.addEventListener('waiting', () => {
      this.updateReady = true;
      this.dispatchEvent(new Event('change'));
    });
    // The new version took over (after applyUpdate): load its page.
    workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate) location.reload();
    });
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
      const message = workerMessage(event.data);
      if (message) this.dispatchEvent(new CustomEvent<WorkerMessage>('offer-open', { detail: message }));
    });
    void workbox.register().catch(() => {}); // no worker (private window, blocked): the app still runs online
  }

  /** Switches to the waiting version; the page reloads once it is in control. Drafts are kept (see drafts.ts). */
  applyUpdate(): void {
    if (this.workbox && this.updateReady) this.workbox.messageSkipWaiting();
    else location.reload();
  }

  /** The registration, for notifications shown through the worker (undefined without one). */
  async registration(): Promise<ServiceWorkerRegistration | undefined> {
    if (!('serviceWorker' in navigator)) return undefined;
    return navigator.serviceWorker.getRegistration('/agent/');
  }
}

export const appWorker = new AppWorker();
