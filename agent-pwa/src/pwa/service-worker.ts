/**
 * The agent app's service worker (built on its own into /agent/sw.js, see vite.config.ts):
 * precaches the app's page and chunks so the app starts with no network, and opens the app on
 * the offer an agent clicked in a notification. Nothing else is cached: API calls and sockets
 * always go to the network (a route this worker does not register is left to the browser).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { offerFromNotification, type WorkerMessage } from './worker-messages.js';

/** The bits of the worker's global scope used here (the project compiles against the DOM library). */
interface WorkerScope {
  __WB_MANIFEST: { url: string; revision: string | null }[];
  skipWaiting(): Promise<void>;
  clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]>; openWindow(url: string): Promise<unknown> };
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClickLike) => void): void;
}
interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
  postMessage(message: WorkerMessage): void;
}
interface NotificationClickLike {
  notification: Notification;
  action: string;
  waitUntil(work: Promise<unknown>): void;
}

declare const self: WorkerScope;

// The build replaces this with the app's files and their revisions.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every /agent/ path is the same page (the app routes on the client): answer it from the cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/agent/'), { allowlist: [/^\/agent\//] }));
// The first install takes the open app at once, so it works offline from its first load on.
clientsClaim();

// A new version waits until the agent chooses "Reload to update" (their draft is kept first).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// An offer's notification: bring the app forward on that offer (or open it there).
self.addEventListener('notificationclick', (event) => {
  const offer = offerFromNotification(event.notification.data);
  event.notification.close();
  if (!offer) return;
  const message: WorkerMessage = { type: 'sb-offer-open', conversationId: offer.conversationId, accept: event.action === 'accept' };
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const app = windows.find((w) => new URL(w.url).pathname.startsWith('/agent/'));
      if (!app) return self.clients.openWindow(`/agent/?offer=${encodeURIComponent(offer.conversationId)}`);
      await app.focus();
      app.postMessage(message);
      return undefined;
    }),
  );
});
