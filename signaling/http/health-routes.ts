/** Liveness and readiness for load balancers: 200 when the store answers, 503 otherwise. */
import { Hono } from 'hono';
import type { StoreHealth } from '../kernel/store-health.js';

export function healthRoutes(health: StoreHealth, isShuttingDown: () => boolean) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    if (isShuttingDown()) return c.json({ status: 'shutting-down' }, 503);
    try {
      return c.json({ status: 'ok', ...(await health.check()) });
    } catch {
      return c.json({ status: 'store-unavailable' }, 503);
    }
  });
  return app;
}
