/** The team, for admins: add people (invitation link or initial password), roles, deactivation, password resets, sign-in limits. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthService } from '../auth/auth-service.js';
import type { TeamService } from '../auth/team-service.js';
import {
  loginLimitClearSchema,
  loginLimitSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  teamMemberCreatedSchema,
  teamMemberCreateSchema,
  teamMemberSchema,
  teamMemberUpdateSchema,
  type AccountLink,
} from '../protocol/team.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonBody, jsonOk, type AppEnv } from './router.js';

const member = jsonOk(teamMemberSchema, 'The person');
const tags = ['Team'];
const security = access.signedIn;

const routes = {
  list: createRoute({ method: 'get', path: '/', operationId: 'listTeam', tags, security, summary: 'Everyone in the team, active or not', responses: { ...jsonOk(z.array(teamMemberSchema), 'The team'), ...errorResponses(401, 403) } }),
  create: createRoute({ method: 'post', path: '/', operationId: 'addTeamMember', tags, security, summary: 'Add a person: by a one-time invitation link (shown once), or with an initial password they must change', request: jsonBody(teamMemberCreateSchema), responses: { ...jsonOk(teamMemberCreatedSchema, 'The person and, for an invitation, its link'), ...errorResponses(400, 401, 403) } }),
  update: createRoute({ method: 'patch', path: '/{id}', operationId: 'updateTeamMember', tags, security, summary: 'Change a person’s name, role, languages or skills; a new role ends their sessions', request: { ...idParam, ...jsonBody(teamMemberUpdateSchema) }, responses: { ...member, ...errorResponses(400, 401, 403, 404) } }),
  deactivate: createRoute({ method: 'post', path: '/{id}/deactivate', operationId: 'deactivateTeamMember', tags, security, summary: 'Deactivate: sessions end at once, open contacts go back to their queues, sign-in is refused; history keeps the name', request: idParam, responses: { ...member, ...errorResponses(400, 401, 403, 404) } }),
  reactivate: createRoute({ method: 'post', path: '/{id}/reactivate', operationId: 'reactivateTeamMember', tags, security, summary: 'Let a deactivated person sign in again', request: idParam, responses: { ...member, ...errorResponses(401, 403, 404) } }),
  resetPassword: createRoute({ method: 'post', path: '/{id}/password-reset', operationId: 'resetTeamMemberPassword', tags, security, summary: 'Reset a password: a one-time link, or a temporary password to change at sign-in (shown once)', request: { ...idParam, ...jsonBody(passwordResetRequestSchema) }, responses: { ...jsonOk(passwordResetSchema, 'The link or the temporary password'), ...errorResponses(400, 401, 403, 404) } }),
  limits: createRoute({ method: 'get', path: '/login-limits', operationId: 'listLoginLimits', tags, security, summary: 'Sign-in limits in force: failed attempts per account and address, per address, and per account', responses: { ...jsonOk(z.array(loginLimitSchema), 'Limits'), ...errorResponses(401, 403) } }),
  clearLimits: createRoute({ method: 'post', path: '/login-limits/clear', operationId: 'clearLoginLimits', tags, security, summary: 'Clear the sign-in limits of an account, an address, or both', request: jsonBody(loginLimitClearSchema), responses: { ...jsonOk(z.object({ cleared: z.number() }), 'How many were cleared'), ...errorResponses(400, 401, 403) } }),
};

/** The address the admin's browser uses: where the person will open the link. */
function linkUrl(c: Context<AppEnv>, purpose: 'invite' | 'reset', link: AccountLink): AccountLink {
  const origin = c.req.header('origin') ?? new URL(c.req.url).origin;
  // The token rides in the fragment: browsers never send it to a server or in a Referer.
  return { ...link, url: `${origin}/agent/#/${purpose}/${link.token}` };
}

export function teamRoutes(auth: AuthService, team: TeamService) {
  const router = createRouter();
  router.use('*', requireAgent(auth, ['admin']));
  router.openapi(routes.list, async (c) => c.json(await team.list(), 200));
  router.openapi(routes.limits, (c) => c.json(auth.loginLimits(), 200));
  router.openapi(routes.clearLimits, async (c) => {
    const cleared = auth.clearLoginLimits(c.req.valid('json'));
    return c.json({ cleared }, 200);
  });
  router.openapi(routes.create, async (c) => {
    const created = await team.create(agentActor(c), c.req.valid('json'));
    return c.json({ ...created, ...(created.invitation ? { invitation: linkUrl(c, 'invite', created.invitation) } : {}) }, 200);
  });
  router.openapi(routes.update, async (c) => c.json(await team.update(agentActor(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.deactivate, async (c) => c.json(await team.deactivate(agentActor(c), c.req.valid('param').id), 200));
  router.openapi(routes.reactivate, async (c) => c.json(await team.reactivate(agentActor(c), c.req.valid('param').id), 200));
  router.openapi(routes.resetPassword, async (c) => {
    const reset = await team.resetPassword(agentActor(c), c.req.valid('param').id, c.req.valid('json').method);
    return c.json({ ...reset, ...(reset.link ? { link: linkUrl(c, 'reset', reset.link) } : {}) }, 200);
  });
  return router;
}
