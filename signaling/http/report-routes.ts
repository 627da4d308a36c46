/** Historical KPI reports (JSON or CSV) and Erlang C staffing, for supervisors and admins. */
import { createRoute, z } from '@hono/zod-openapi';
import { activityQuerySchema, reportQuerySchema, staffingQuerySchema } from '../protocol/reports.js';
import type { AuthService } from '../auth/auth-service.js';
import { ReportService } from '../supervision/report-service.js';
import { requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, jsonOk } from './router.js';
import { activityRowSchema, qualityRowSchema, reportRowSchema, staffingRowSchema } from './response-schemas.js';
import { qualityReportQuerySchema } from '../protocol/quality.js';

const report = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getReport',
  tags: ['Reports'],
  security: access.signedIn,
  summary: 'KPIs of contacts queued in [from, to), by interval and group',
  description: 'Intervals: 15m, hour, day; groups: total, queue, channel, language, agent. Definitions: see the README. Dates (YYYY-MM-DD) are midnights in SWITCHBOARD_TIME_ZONE. `format=csv` returns text/csv with the same columns.',
  request: { query: reportQuerySchema },
  responses: {
    200: { description: 'Rows', content: { 'application/json': { schema: z.array(reportRowSchema) }, 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});

const staffing = createRoute({
  method: 'get',
  path: '/staffing',
  operationId: 'getStaffing',
  tags: ['Reports'],
  security: access.signedIn,
  summary: 'Agents needed per hour for a service-level target (Erlang C)',
  description: 'From the measured arrivals and handle time of one day of one queue.',
  request: { query: staffingQuerySchema },
  responses: { ...jsonOk(z.array(staffingRowSchema), 'One row per hour'), ...errorResponses(400, 401, 403) },
});

const activity = createRoute({
  method: 'get',
  path: '/agent-activity',
  operationId: 'getAgentActivity',
  tags: ['Reports'],
  security: access.signedIn,
  summary: 'Each agent’s days: time signed in, available, on contacts, in wrap-up, on breaks; sign-in times; contacts; missed offers',
  description: 'Days (YYYY-MM-DD) in SWITCHBOARD_TIME_ZONE, at most 92 at a time, up to now. Built by the same fold of the event log as the wallboard’s agent time. `format=csv` returns text/csv with a column per break reason and per channel.',
  request: { query: activityQuerySchema },
  responses: {
    200: { description: 'One row per agent and day with activity', content: { 'application/json': { schema: z.array(activityRowSchema) }, 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});

const quality = createRoute({
  method: 'get',
  path: '/quality',
  operationId: 'getQualityReport',
  tags: ['Reports'],
  security: access.signedIn,
  summary: 'Quality score per ISO week and agent (or queue), beside handle time and satisfaction',
  description: 'Reviews are counted in the week they were made; AHT and CSAT are those of the contacts of that week. Days (YYYY-MM-DD) in SWITCHBOARD_TIME_ZONE, at most 92 at a time.',
  request: { query: qualityReportQuerySchema },
  responses: { ...jsonOk(z.array(qualityRowSchema), 'One row per week and agent or queue'), ...errorResponses(400, 401, 403) },
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
  router.openapi(activity, async (c) => {
    const query = c.req.valid('query');
    const rows = await reports.activity(query);
    if (query.format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="switchboard-agent-activity-${query.from}.csv"`);
      return c.body(ReportService.activityCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json(rows, 200);
  });
  router.openapi(quality, async (c) => c.json(await reports.quality(c.req.valid('query')), 200));
  router.openapi(staffing, async (c) => c.json(await reports.staffing(c.req.valid('query')), 200));
  return router;
}
