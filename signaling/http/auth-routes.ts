/** Agent sign-in, sign-out and the current agent. */
import { createRoute, type z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { agentProfileSchema, loginRequestSchema } from '../protocol/api.js';
import { SESSION_TTL_MS, toProfile, type AuthService } from '../auth/auth-service.js';
import { requireAgent, SESSION_COOKIE } from './require-agent.js';
import { createRouter, errorResponses } from './router.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in an agent; sets an HttpOnly session cookie',
  request: { body: { content: { 'application/json': { schema: loginRequestSchema } }, required: true } },
  responses: { 200: json(agentProfileSchema, 'The signed-in agent'), ...errorResponses(400, 401, 429) },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in agent',
  responses: { 200: json(agentProfileSchema, 'The signed-in agent'), ...errorResponses(401) },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Sign out and end the session',
  responses: { 204: { description: 'Signed out' } },
});

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-memory requests in tests have no socket
  }
}

export function authRoutes(auth: AuthService, options: { secureCookies: boolean }) {
  const router = createRouter();
  router.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const { sessionId, agent } = await auth.login(email, password, clientAddress(c));
    setCookie(c, SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: options.secureCookies,
      path: '/',
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.json(toProfile(agent), 200);
  });
  router.use('/me', requireAgent(auth));
  router.openapi(me, (c) => c.json(toProfile(c.get('agent')), 200));
  router.openapi(logout, async (c) => {
    await auth.logout(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  return router;
}
