/**
 * Proactive invitations over REST: admins list, create, change and remove them (supervisors read
 * them, with their counts, for reports); the widget asks which one a page gets and counts showings
 * and openings (public, cross-origin from allowed sites, deduplicated and rate-limited).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invitationCountSchema, invitationInputSchema, invitationMatchQuerySchema, invitationMatchSchema, invitationViewSchema } from '../protocol/invitations.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonBody, jsonOk, noContent, type AppEnv } from './router.js';

const admin = { tags: ['Invitations'], security: access.signedIn };
const widget = { tags: ['Invitations'], security: access.anyone };
const one = jsonOk(invitationViewSchema, 'The invitation');
const counted = { 204: { description: 'Counted (once per viewer)' } };

const adminRoutes = {
  list: createRoute({ method: 'get', path: '/', operationId: 'listInvitations', ...admin, summary: 'Proactive invitations with how often each was shown, opened and answered (admins, supervisors)', responses: { ...jsonOk(z.array(invitationViewSchema), 'Invitations, oldest first'), ...errorResponses(401, 403) } }),
  create: createRoute({ method: 'post', path: '/', operationId: 'createInvitation', ...admin, summary: 'Create a proactive invitation', request: jsonBody(invitationInputSchema), responses: { ...one, ...errorResponses(400, 401, 403) } }),
  update: createRoute({ method: 'put', path: '/{id}', operationId: 'updateInvitation', ...admin, summary: 'Replace an invitation’s text and rules (its counts stay)', request: { ...idParam, ...jsonBody(invitationInputSchema) }, responses: { ...one, ...errorResponses(400, 401, 403, 404) } }),
  remove: createRoute({ method: 'delete', path: '/{id}', operationId: 'deleteInvitation', ...admin, summary: 'Remove an invitation and its counts (turning it off keeps them)', request: idParam, responses: { ...noContent, ...errorResponses(400, 401, 403, 404) } }),
};

const countBody = { ...idParam, ...jsonBody(invitationCountSchema) };
const widgetRoutes = {
  match: createRoute({ method: 'get', path: '/invitations/match', operationId: 'matchInvitation', ...widget, summary: 'The invitation the widget shows on this page now, if any', description: 'Only while the invitation’s queue is within its business hours and an agent can answer; the widget waits `delaySeconds` before showing it.', request: { query: invitationMatchQuerySchema }, responses: { ...jsonOk(invitationMatchSchema, 'The invitation, or null'), ...errorResponses(400) } }),
  shown: createRoute({ method: 'post', path: '/invitations/{id}/shown', operationId: 'countInvitationShown', ...widget, summary: 'Count that the visitor saw an invitation', request: countBody, responses: { ...counted, ...errorResponses(400, 429) } }),
  opened: createRoute({ method: 'post', path: '/invitations/{id}/opened', operationId: 'countInvitationOpened', ...widget, summary: 'Count that the visitor opened an invitation', request: countBody, responses: { ...counted, ...errorResponses(400, 429) } }),
};

/** Admin CRUD, mounted at /api/admin/invitations. */
export function invitationAdminRoutes(services: Services) {
  const router = createRouter();
  const readers = requireAgent(services.auth, ['admin', 'supervisor']);
  const writers = requireAgent(services.auth, ['admin']);
  router.use('*', async (c, next) => (c.req.method === 'GET' ? readers(c, next) : writers(c, next)));
  router.openapi(adminRoutes.list, async (c) => c.json(await services.invitations.list(), 200));
  router.openapi(adminRoutes.create, async (c) => c.json(await services.invitations.save(agentActor(c), undefined, c.req.valid('json')), 200));
  router.openapi(adminRoutes.update, async (c) => c.json(await services.invitations.save(agentActor(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(adminRoutes.remove, async (c) => {
    await services.invitations.remove(agentActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}

/** The widget's questions, mounted under /api/visitors (so they get the visitor API's CORS). */
export function invitationWidgetRoutes(services: Services, clientAddress: (c: Context) => string) {
  const router = createRouter();
  router.openapi(widgetRoutes.match, async (c) => {
    const { path, returning } = c.req.valid('query');
    return c.json({ invitation: await services.invitations.match(path, returning === 'true') }, 200);
  });
  const count = (what: 'shown' | 'opened') => async (c: Context<AppEnv>) => {
    const { id } = c.req.param() as { id: string };
    const { viewer } = (await c.req.json()) as { viewer: string };
    await services.invitations.count(id, what, viewer, clientAddress(c));
    return c.body(null, 204);
  };
  router.openapi(widgetRoutes.shown, async (c) => count('shown')(c));
  router.openapi(widgetRoutes.opened, async (c) => count('opened')(c));
  return router;
}
