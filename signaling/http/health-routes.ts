/** Liveness and readiness for load balancers: 200 when the store answers, 503 otherwise. */
import { Hono } from 'hono';
import type { Store } from '../store/store.js';

export function healthRoutes(store: Store, isShuttingDown: () => boolean) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    if (isShuttingDown()) return c.json({ status: 'shutting-down' }, 503);
    try {
      await store.ping();
      return c.json({ status: 'ok', store: store.dialect });
    } catch {
      return c.json({ status: 'store-unavailable' }, 503);
    }
  });
  return app;
}
