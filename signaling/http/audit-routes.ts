/** The audit log of administrative actions, for admins: read it page by page, or export it as CSV. */
import { createRoute, z } from '@hono/zod-openapi';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditTrail } from '../kernel/audit-trail.js';
import { auditEntrySchema } from '../protocol/audit.js';
import { requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, jsonOk } from './router.js';

const query = z.object({
  before: z.coerce.number().int().positive().optional().openapi({ description: 'Entries older than this id (the last one of the previous page)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ description: 'How many entries, 1 to 500' }),
  from: z.coerce.number().int().min(0).optional().openapi({ description: 'From this time (ms since the epoch), inclusive' }),
  to: z.coerce.number().int().min(0).optional().openapi({ description: 'Until this time (ms since the epoch), exclusive' }),
});

const routes = {
  list: createRoute({ method: 'get', path: '/', operationId: 'listAuditLog', tags: ['Audit'], security: access.signedIn, summary: 'Administrative actions, newest first; page back with `before` (the last id seen)', request: { query }, responses: { ...jsonOk(z.array(auditEntrySchema), 'Entries'), ...errorResponses(400, 401, 403) } }),
  csv: createRoute({ method: 'get', path: '/export.csv', operationId: 'exportAuditLog', tags: ['Audit'], security: access.signedIn, summary: 'The audit log of a period as CSV (at most 100,000 entries)', request: { query: query.omit({ before: true, limit: true }) }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403) } }),
};

/** A CSV field that a spreadsheet cannot read as a formula. */
const cell = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function auditRoutes(auth: AuthService, audit: AuditTrail) {
  const router = createRouter();
  router.use('*', requireAgent(auth, ['admin']));
  router.openapi(routes.list, async (c) => {
    const { before, limit, from, to } = c.req.valid('query');
    return c.json(await audit.list({ limit, ...(before !== undefined ? { before } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }), 200);
  });
  router.openapi(routes.csv, async (c) => {
    const { from, to } = c.req.valid('query');
    const entries = await audit.list({ limit: 100_000, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
    const lines = ['time,actor,actor_id,action,target_type,target_id,detail'];
    for (const e of entries) lines.push([new Date(e.at).toISOString(), e.actor.name, e.actor.id ?? '', e.action, e.target.type, e.target.id ?? '', JSON.stringify(e.detail)].map(cell).join(','));
    return c.body(lines.join('\r\n') + '\r\n', 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="switchboard-audit.csv"' });
  });
  return router;
}
