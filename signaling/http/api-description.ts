/**
 * The OpenAPI 3.1 document at /api/openapi.json (generated from every route's definition), the
 * things only the document holds (tags, security schemes, the probes outside /api), and the
 * readable reference at /api/docs.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { apiDocsRoutes } from './api-docs-routes.js';
import { SESSION_COOKIE } from './require-agent.js';
import { access, errorResponses, type AppEnv } from './router.js';

/** Every tag an operation may carry, in reading order, with what it groups (redocly checks that no other is used). */
const TAGS = [
  { name: 'Authentication', description: 'Agents, supervisors and admins sign in with e-mail and password; the answer sets the session cookie the other staff operations need.' },
  { name: 'Conversations', description: 'An agent’s conversations and timelines, recordings, callback outcomes and transfer targets. Live updates come over the agent WebSocket (`/ws/agent`, see PROTOCOL.md).' },
  { name: 'Customers', description: 'The customer behind a conversation: screen pop, history on every channel, merge and split, tags.' },
  { name: 'Invitations', description: 'Proactive invitations: admins keep them; the widget asks which one a page gets now and counts showings and openings.' },
  { name: 'Voice replies', description: 'Clips an agent plays into a browser call with one press: recordings, or texts the server speaks in the clip’s language (eSpeak NG). Supervisors and admins keep them.' },
  { name: 'Canned replies', description: 'The team’s replies (kept by supervisors and admins) and each agent’s own, with language variants.' },
  { name: 'Knowledge base', description: 'Articles for agents and the bot, and suggestions for the reply to a customer’s last message.' },
  { name: 'Visitors', description: 'What the widget calls from pages of allowed sites (CORS): a visitor identity, the queue’s state, callbacks, messages left for later, and the bot’s articles.' },
  { name: 'Inbound', description: 'Signed machine-to-machine intake: messages from outside channels, and e-mail forwarded by HTTP.' },
  { name: 'Integrations', description: 'Admins only: channels, webhooks, e-mail routing rules, callback policies and the file policy. Answers include signing secrets.' },
  { name: 'Routing administration', description: 'Queues with their routing settings and members, agents’ skills and capacities. Admins change; supervisors read.' },
  { name: 'Team', description: 'Admins only: people in the team (invitations, initial passwords, roles, deactivation, password resets) and the sign-in limits in force.' },
  { name: 'Privacy', description: 'Admins only: export and erase everything stored about a customer, retention of conversations, recordings and attachments, and visitors’ requests to delete their conversations.' },
  { name: 'Audit', description: 'Admins only: the log of administrative actions, page by page or as CSV.' },
  { name: 'Reports', description: 'Supervisors and admins: historical KPIs (JSON or CSV), quality beside them, and Erlang C staffing.' },
  { name: 'Quality', description: 'Scorecards (admins), reviews of finished conversations (supervisors), and each agent’s own reviews.' },
  { name: 'Supervision', description: 'Supervisors and admins acting on agents directly.' },
  { name: 'Reply review', description: 'Review before sending: e-mail and channel replies of agents or queues marked “replies need review” wait until a supervisor approves (or edits and approves) or returns them. Admins mark who is reviewed.' },
  { name: 'Operations', description: 'Health and metrics for load balancers and monitoring, at the server’s root rather than under /api.' },
] as const;

const DESCRIPTION = `REST API of the Switchboard contact center.

**Who calls it.** Staff apps authenticate with the \`${SESSION_COOKIE}\` session cookie from \`signIn\` (\`cookieAuth\`); their state-changing requests must come from this origin. The widget gets a visitor token from \`openVisitorSession\` and sends it as a bearer token (\`visitorToken\`). Outside systems sign their requests with a shared secret (see the Inbound operations). Monitoring reads \`/metrics\` with \`METRICS_TOKEN\`.

**Errors.** Every error has the same JSON body: \`reason\` is a stable code for programs and translations, \`message\` is for developers, and \`issues\` lists each refused field of an \`invalid-input\` request.

**Real time.** Conversations, presence and calls run over WebSockets (\`/ws/visitor\`, \`/ws/agent\`, \`/voice/peerjs\`, \`/cobrowse/{sessionId}\`), described in signaling/protocol/PROTOCOL.md; this document describes the HTTP operations.`;

/** Registered as components, referenced by each operation's `security` (see `access` in router.ts). */
const SECURITY_SCHEMES = {
  cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The HttpOnly session cookie set by `signIn`. Some operations also need a role (admin, supervisor): their summaries say which.' },
  visitorToken: { type: 'http', scheme: 'bearer', bearerFormat: 'signed visitor token', description: 'The `token` from `openVisitorSession`, as `Authorization: Bearer <token>`.' },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'The server’s METRICS_TOKEN, for a Prometheus scraper.' },
} as const;

const healthSchema = z
  .object({ status: z.enum(['ok', 'shutting-down', 'store-unavailable']), store: z.enum(['sqlite', 'postgres']).optional().openapi({ description: 'The store’s dialect, when it answers' }) })
  .openapi('Health', { examples: [{ status: 'ok', store: 'sqlite' }] });

/** The probes are mounted outside /api (see health-routes.ts, metrics-routes.ts): their operations name the root as their server. */
const atRoot = (publicUrl: string) => ({ tags: ['Operations'], servers: [{ url: publicUrl, description: 'The server’s root' }] });

const healthOperation = (publicUrl: string) =>
  createRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    ...atRoot(publicUrl),
    security: access.anyone,
    summary: 'Whether the server and its store answer',
    responses: {
      200: { description: 'Up, and the store answers', content: { 'application/json': { schema: healthSchema } } },
      503: { description: 'Shutting down, or the store does not answer', content: { 'application/json': { schema: healthSchema } } },
    },
  });

const readinessSchema = z
  .object({
    status: z.enum(['starting', 'ready', 'draining']),
    store: z.enum(['sqlite', 'postgres']).optional().openapi({ description: 'The store’s dialect, once ready' }),
    node: z.string().optional().openapi({ description: 'Cluster mode: this node’s name (NODE_NAME)' }),
    role: z.enum(['starting', 'standby', 'acd-owner', 'draining']).optional().openapi({ description: 'Cluster mode: whether this node owns the ACD (and serves) or stands by (and forwards to the owner)' }),
    owner: z.string().nullable().optional().openapi({ description: 'Cluster mode: the name of the node that owns the ACD, if one does' }),
    redis: z.enum(['up', 'down']).optional().openapi({ description: 'Cluster mode: whether Redis answers this node' }),
    postgres: z.enum(['up', 'down']).optional().openapi({ description: 'Cluster mode: whether PostgreSQL answered this node’s last lease check' }),
  })
  .openapi('Readiness', { examples: [{ status: 'ready', store: 'sqlite' }, { status: 'ready', store: 'postgres', node: 'node-2', role: 'standby', owner: 'node-1', redis: 'up', postgres: 'up' }] });

const livenessOperation = (publicUrl: string) =>
  createRoute({
    method: 'get',
    path: '/livez',
    operationId: 'getLiveness',
    ...atRoot(publicUrl),
    security: access.anyone,
    summary: 'Whether the process answers (it does as long as its event loop turns; nothing else is checked)',
    responses: { 200: { description: 'Live', content: { 'application/json': { schema: z.object({ status: z.literal('live') }).openapi('Liveness') } } } },
  });

const readinessOperation = (publicUrl: string) =>
  createRoute({
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    ...atRoot(publicUrl),
    security: access.anyone,
    summary: 'Whether to send this server traffic: migrations done, waiting contacts restored, not draining',
    responses: {
      200: { description: 'Ready', content: { 'application/json': { schema: readinessSchema } } },
      503: { description: 'Starting or draining', content: { 'application/json': { schema: readinessSchema } } },
    },
  });

const metricsOperation = (publicUrl: string) =>
  createRoute({
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    ...atRoot(publicUrl),
    security: [{ metricsToken: [] }, { cookieAuth: [] }],
    summary: 'Prometheus metrics: queues, agents, sockets',
    description: 'For a scraper with METRICS_TOKEN, or a signed-in supervisor or admin.',
    responses: {
      200: { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string', example: '# HELP switchboard_queue_waiting Contacts waiting now.\n# TYPE switchboard_queue_waiting gauge\nswitchboard_queue_waiting{queue="Support"} 3\n' } } } },
      ...errorResponses(401),
    },
  });

/** Serves the document at /openapi.json and the reference at /docs of `api` (mounted at /api). */
export function serveApiDescription(api: OpenAPIHono<AppEnv>, publicUrl: string): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) api.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  api.openAPIRegistry.registerPath(healthOperation(publicUrl));
  api.openAPIRegistry.registerPath(metricsOperation(publicUrl));
  api.openAPIRegistry.registerPath(livenessOperation(publicUrl));
  api.openAPIRegistry.registerPath(readinessOperation(publicUrl));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard API',
      version: String(PROTOCOL_VERSION),
      description: DESCRIPTION,
      license: { name: 'MIT', url: 'https://spdx.org/licenses/MIT.html' },
    },
    servers: [{ url: `${publicUrl}/api`, description: 'This server' }],
    tags: TAGS.map((t) => ({ ...t })),
  });
  api.route('/docs', apiDocsRoutes());
}
