/** Signing in and out, the signed-in agent's own profile, password and sessions, and invitation or reset links. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_TTL_MS, toProfile, type AuthService } from '../auth/auth-service.js';
import type { TeamService } from '../auth/team-service.js';
import { agentProfileSchema, loginRequestSchema } from '../protocol/api.js';
import { linkAcceptSchema, linkInfoSchema, passwordChangeSchema, profileUpdateSchema, sessionViewSchema } from '../protocol/team.js';
import { requireAgent, SESSION_COOKIE } from './require-agent.js';
import { access, createRouter, errorResponses, jsonBody, jsonOk, noContent, type AppEnv } from './router.js';

const profile = jsonOk(agentProfileSchema, 'The signed-in agent');

const routes = {
  login: createRoute({ method: 'post', path: '/login', operationId: 'signIn', tags: ['Authentication'], security: access.anyone, summary: 'Sign in an agent', description: `Sets the HttpOnly, SameSite=Strict session cookie \`${SESSION_COOKIE}\` that the other agent operations need, replacing any session this browser had. Failed attempts only are limited: five for one account from one address block that pair for 15 minutes, 100 from one address block the address, and past 20 for one account from anywhere each attempt is slowed down (never refused).`, request: jsonBody(loginRequestSchema), responses: { ...profile, ...errorResponses(400, 401, 429) } }),
  session: createRoute({ method: 'get', path: '/session', operationId: 'getSession', tags: ['Authentication'], security: access.anyone, summary: 'Who is signed in in this browser, if anyone', description: 'Answers 200 either way, with `agent` null when nobody is signed in here: an app checking at start-up has no error to report.', responses: { ...jsonOk(z.object({ agent: agentProfileSchema.nullable() }), 'The signed-in agent, or null') } }),
  me: createRoute({ method: 'get', path: '/me', operationId: 'getCurrentAgent', tags: ['Authentication'], security: access.signedIn, summary: 'The signed-in agent', responses: { ...profile, ...errorResponses(401) } }),
  updateMe: createRoute({ method: 'patch', path: '/me', operationId: 'updateCurrentAgent', tags: ['Authentication'], security: access.signedIn, summary: 'Change your own name, app language or notification settings', request: jsonBody(profileUpdateSchema), responses: { ...profile, ...errorResponses(400, 401) } }),
  changePassword: createRoute({ method: 'post', path: '/password', operationId: 'changePassword', tags: ['Authentication'], security: access.signedIn, summary: 'Change your own password; your other sessions end', request: jsonBody(passwordChangeSchema), responses: { ...profile, ...errorResponses(400, 401) } }),
  logout: createRoute({ method: 'post', path: '/logout', operationId: 'signOut', tags: ['Authentication'], security: [...access.signedIn, {}], summary: 'Sign out and end the session', description: 'Without a session there is nothing to end, and the answer is the same.', responses: { 204: { description: 'Signed out; the cookie is cleared' }, ...errorResponses(403) } }),
  sessions: createRoute({ method: 'get', path: '/sessions', operationId: 'listSessions', tags: ['Authentication'], security: access.signedIn, summary: 'Your live sessions (devices and browsers), the current one marked', responses: { ...jsonOk(z.array(sessionViewSchema), 'Sessions'), ...errorResponses(401) } }),
  endSession: createRoute({ method: 'delete', path: '/sessions/{id}', operationId: 'endSession', tags: ['Authentication'], security: access.signedIn, summary: 'End one of your sessions; that app window signs out at once', request: { params: z.object({ id: z.string().min(1).max(64).openapi({ description: 'The session’s id from listSessions' }) }) }, responses: { ...noContent, ...errorResponses(401, 404) } }),
  endOthers: createRoute({ method: 'post', path: '/sessions/end-others', operationId: 'endOtherSessions', tags: ['Authentication'], security: access.signedIn, summary: 'End every session but this one', responses: { ...jsonOk(z.object({ ended: z.number() }), 'How many ended'), ...errorResponses(401) } }),
  inspectLink: createRoute({ method: 'post', path: '/links/inspect', operationId: 'inspectAccountLink', tags: ['Authentication'], security: access.anyone, summary: 'What an invitation or password-reset link is for (the token travels in the body, not the URL)', request: jsonBody(z.object({ token: z.string().min(16).max(128) })), responses: { ...jsonOk(linkInfoSchema, 'The link'), ...errorResponses(400, 404) } }),
  acceptLink: createRoute({ method: 'post', path: '/links/accept', operationId: 'acceptAccountLink', tags: ['Authentication'], security: access.anyone, summary: 'Accept an invitation or reset link: choose your password and sign in', request: jsonBody(linkAcceptSchema), responses: { ...profile, ...errorResponses(400, 404) } }),
};

export interface AuthRoutesOptions {
  secureCookies: boolean;
  clientAddress(c: Context): string;
}

export function authRoutes(auth: AuthService, team: TeamService, options: AuthRoutesOptions) {
  const router = createRouter();
  const setSession = (c: Context<AppEnv>, sessionId: string) =>
    setCookie(c, SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'Strict', secure: options.secureCookies, path: '/', maxAge: Math.floor(SESSION_TTL_MS / 1000) });
  const client = (c: Context<AppEnv>) => ({ address: options.clientAddress(c), userAgent: c.req.header('user-agent') });

  router.openapi(routes.login, async (c) => {
    const { email, password } = c.req.valid('json');
    const { sessionId, agent } = await auth.login(email, password, client(c));
    // Signing in replaces any session this browser had: its old id is worthless from now on.
    // Only once it succeeded: a failed sign-in leaves the browser as it was.
    await auth.logout(getCookie(c, SESSION_COOKIE));
    setSession(c, sessionId);
    return c.json(toProfile(agent), 200);
  });
  router.openapi(routes.session, async (c) => {
    const agent = await auth.agentForSession(getCookie(c, SESSION_COOKIE));
    return c.json({ agent: agent ? toProfile(agent) : null }, 200);
  });
  router.openapi(routes.inspectLink, async (c) => c.json(await team.linkInfo(c.req.valid('json').token), 200));
  router.openapi(routes.acceptLink, async (c) => {
    const { token, password, name } = c.req.valid('json');
    const agent = await team.acceptLink(token, password, name);
    setSession(c, await auth.openSession(agent.id, client(c)));
    return c.json(toProfile(agent), 200);
  });

  const signedIn = requireAgent(auth, undefined, { whilePasswordMustChange: true });
  for (const path of ['/me', '/password', '/sessions', '/sessions/*']) router.use(path, signedIn);
  router.openapi(routes.me, (c) => c.json(toProfile(c.get('agent')), 200));
  router.openapi(routes.updateMe, async (c) => c.json(toProfile(await auth.updateProfile(c.get('agent'), c.req.valid('json'))), 200));
  router.openapi(routes.changePassword, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    return c.json(toProfile(await auth.changePassword(c.get('agent'), currentPassword, newPassword, c.get('sessionId'))), 200);
  });
  router.openapi(routes.sessions, async (c) => c.json(await auth.sessions(c.get('agent').id, c.get('sessionId')), 200));
  router.openapi(routes.endOthers, async (c) => c.json({ ended: await auth.endOtherSessions(c.get('agent').id, c.get('sessionId')) }, 200));
  router.openapi(routes.endSession, async (c) => {
    await auth.endSession(c.get('agent').id, c.req.valid('param').id);
    return c.body(null, 204);
  });
  router.openapi(routes.logout, async (c) => {
    await auth.logout(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  return router;
}
