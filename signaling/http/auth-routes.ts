/** Agent sign-in, sign-out and the current agent. */
import { createRoute, type z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { agentProfileSchema, loginRequestSchema } from '../protocol/api.js';
import { SESSION_TTL_MS, toProfile, type AuthService } from '../auth/auth-service.js';
import { requireAgent, SESSION_COOKIE } from './require-agent.js';
import { access, createRouter, errorResponses } from './router.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const login = createRoute({
  method: 'post',
  path: '/login',
  operationId: 'signIn',
  tags: ['Authentication'],
  summary: 'Sign in an agent',
  description: `Sets the HttpOnly, SameSite=Strict session cookie \`${SESSION_COOKIE}\` that the other agent operations need. More than 5 attempts for one account, or 30 from one address, in 15 minutes are refused.`,
  security: access.anyone,
  request: { body: { content: { 'application/json': { schema: loginRequestSchema } }, required: true } },
  responses: {
    200: { ...json(agentProfileSchema, 'The signed-in agent'), headers: { 'Set-Cookie': { description: `The session: \`${SESSION_COOKIE}=<id>; HttpOnly; SameSite=Strict; Path=/\``, schema: { type: 'string' } } } },
    ...errorResponses(400, 401, 403, 429),
  },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  operationId: 'getCurrentAgent',
  tags: ['Authentication'],
  summary: 'The signed-in agent',
  security: access.signedIn,
  responses: { 200: json(agentProfileSchema, 'The signed-in agent'), ...errorResponses(401) },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  operationId: 'signOut',
  tags: ['Authentication'],
  summary: 'Sign out and end the session',
  description: 'Without a session there is nothing to end, and the answer is the same.',
  // A session is optional: `{}` is the OpenAPI way to say so.
  security: [...access.signedIn, {}],
  responses: { 204: { description: 'Signed out; the cookie is cleared' }, ...errorResponses(403) },
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
