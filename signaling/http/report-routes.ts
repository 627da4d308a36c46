/** Historical KPI reports (JSON or CSV) and Erlang C staffing, for supervisors and admins. */
import { createRoute, z } from '@hono/zod-openapi';
import { reportQuerySchema, staffingQuerySchema } from '../protocol/reports.js';
import type { AuthService } from '../auth/auth-service.js';
import { ReportService } from '../supervision/report-service.js';
import { requireAgent } from './require-agent.js';
import { createRouter, errorResponses } from './router.js';

const rowSchema = z.object({ key: z.string(), label: z.string(), offered: z.number(), answered: z.number() }).passthrough();

const report = createRoute({
  method: 'get',
  path: '/',
  tags: ['reports'],
  summary: 'KPIs of contacts queued in [from, to), by interval (15m, hour, day) and group (queue, channel, language, agent)',
  description: 'Definitions: see the README. Dates (YYYY-MM-DD) are midnights in SWITCHBOARD_TIME_ZONE. format=csv returns text/csv.',
  request: { query: reportQuerySchema },
  responses: {
    200: { description: 'Rows', content: { 'application/json': { schema: z.array(rowSchema) }, 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});

const staffing = createRoute({
  method: 'get',
  path: '/staffing',
  tags: ['reports'],
  summary: 'Agents needed per hour for a service-level target (Erlang C), from the measured arrivals and handle time of a day',
  request: { query: staffingQuerySchema },
  responses: { 200: { description: 'One row per hour', content: { 'application/json': { schema: z.array(z.object({ hour: z.string() }).passthrough()) } } }, ...errorResponses(400, 401, 403) },
});

export function reportRoutes(auth: AuthService, reports: ReportService) {
  const router = createRouter();
  router.use('*', requireAgent(auth, ['supervisor', 'admin']));
  router.openapi(report, async (c) => {
    const query = c.req.valid('query');
    const rows = await reports.rows(query);
    if (query.format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="switchboard-${query.groupBy}-${query.from.slice(0, 10)}.csv"`);
      return c.body(ReportService.toCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json(rows, 200);
  });
  router.openapi(staffing, async (c) => c.json(await reports.staffing(c.req.valid('query')), 200));
  return router;
}
