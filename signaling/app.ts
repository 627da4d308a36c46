/** Wiring only: builds the Hono app from the configuration and the services. */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.js';
import { AllowedOrigins } from './http/allowed-origins.js';
import { serveApiDescription } from './http/api-description.js';
import { adminRoutes } from './http/admin-routes.js';
import { auditRoutes } from './http/audit-routes.js';
import { authRoutes } from './http/auth-routes.js';
import { clientAddressResolver } from './http/client-address.js';
import { invitationAdminRoutes, invitationWidgetRoutes } from './http/invitation-routes.js';
import { securityHeaders } from './http/security-headers.js';
import { teamRoutes } from './http/team-routes.js';
import { cannedReplyRoutes } from './http/canned-reply-routes.js';
import { callVoiceClipRoutes, voiceClipRoutes } from './http/voice-clip-routes.js';
import { conversationRoutes } from './http/conversation-routes.js';
import { handleError } from './http/error-handler.js';
import { healthRoutes } from './http/health-routes.js';
import { probeRoutes } from './http/probe-routes.js';
import { compressJson } from './http/compress-json.js';
import type { Readiness } from './kernel/readiness.js';
import { metricsRoutes } from './http/metrics-routes.js';
import { assignRequestId, requestLog } from './http/request-log.js';
import { qualityRoutes } from './http/quality-routes.js';
import { reportRoutes } from './http/report-routes.js';
import { reviewRoutes } from './http/review-routes.js';
import { SESSION_COOKIE } from './http/require-agent.js';
import { createRouter, type AppEnv } from './http/router.js';
import { isSameOrigin, sameOriginForChanges } from './http/same-origin.js';
import { staticRoutes } from './http/static-routes.js';
import { supervisorRoutes } from './http/supervisor-routes.js';
import { transferRoutes } from './http/transfer-routes.js';
import { webCallRoutes } from './http/web-call-routes.js';
import { visitorRoutes } from './http/visitor-routes.js';
import { fileRoutes, visitorFileRoutes } from './http/file-routes.js';
import { transcriptRoutes, visitorTranscriptRoutes } from './http/transcript-routes.js';
import { contactOptionRoutes } from './http/contact-option-routes.js';
import { topicMenuRoutes } from './http/topic-menu-routes.js';
import { filePolicyRoutes } from './http/file-policy-routes.js';
import { inboundRoutes } from './http/inbound-routes.js';
import { integrationRoutes } from './http/integration-routes.js';
import { customerRoutes, customerSearchRoutes } from './http/customer-routes.js';
import { customerPrivacyRoutes, privacyRoutes, visitorDeletionRoutes } from './http/privacy-routes.js';
import { customerMatchRoutes } from './http/customer-match-routes.js';
import { articleRoutes, botRoutes, suggestionRoutes } from './http/knowledge-routes.js';
import type { ErrorBody } from './protocol/errors.js';
import { createNodeWebSocket } from './realtime/node-websocket.js';
import { agentSocket } from './realtime/agent-socket.js';
import { SocketRegistry } from './realtime/socket-registry.js';
import type { HeartbeatOptions } from './realtime/heartbeat-sweep.js';
import { VOICE_PATH } from './protocol/peer-messages.js';
import { peerSocket } from './realtime/peer-socket.js';
import { COBROWSE_PATH } from './protocol/cobrowse.js';
import { cobrowseSocket } from './realtime/cobrowse-socket.js';
import { guardSocketEvents } from './realtime/socket-guard.js';
import { visitorSocket } from './realtime/visitor-socket.js';
import type { Services } from './wiring.js';

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'staticDir'> & Partial<Pick<Config, 'trustProxy'>> & { metricsToken?: string; inboundMailSecret?: string };
  services: Services;
  /** What /readyz reports; the entry point marks it ready and draining. */
  readiness: Readiness;
  /** The sockets' heartbeat (tests shorten it); by default a silent connection goes within 10 s. */
  heartbeat?: HeartbeatOptions;
}

export function createApp({ config, services, readiness, heartbeat }: AppDeps) {
  const app = new Hono<AppEnv>();
  // The protocol checks frame size itself and answers with a typed error; maxPayload only
  // protects memory from a client that sends something absurd.
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app, maxPayload: 1024 * 1024 });
  const sockets = new SocketRegistry(heartbeat);
  const origins = new AllowedOrigins(config.allowedOrigins);
  const clientAddress = clientAddressResolver(config.trustProxy ?? 0);
  let shuttingDown = false;
  const refuse = (reason: ErrorBody['error']['reason'], message: string): ErrorBody => ({ error: { reason, message } });

  app.onError(handleError);
  app.use('*', assignRequestId, requestLog(services.metrics));
  // Hono's defaults for the minor headers; ours (security-headers.ts) for framing, referrer, HSTS and each page's CSP.
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false, xFrameOptions: false, referrerPolicy: false, strictTransportSecurity: false }));
  app.use('*', securityHeaders({ publicUrl: config.publicUrl, staticDir: config.staticDir }));
  app.route('/', healthRoutes(services.health, () => shuttingDown));
  app.route('/', probeRoutes(readiness));
  app.route('/', metricsRoutes(services, { ...(config.metricsToken ? { token: config.metricsToken } : {}), socketCount: () => sockets.size }));

  const api = createRouter();
  api.use('*', compressJson());
  // Pages on allowed sites call the visitor API from their own origin.
  const visitorCors = cors({ origin: (origin, c) => (origins.allows(origin, c.req.header('host')) ? origin : null), allowMethods: ['GET', 'POST', 'DELETE'], allowHeaders: ['content-type', 'authorization'], maxAge: 600 });
  api.use('/visitors', visitorCors);
  api.use('/visitors/*', visitorCors);
  api.use('/auth/*', sameOriginForChanges());
  api.use('/conversations/*', sameOriginForChanges());
  api.use('/admin/*', sameOriginForChanges());
  api.use('/team', sameOriginForChanges());
  api.use('/team/*', sameOriginForChanges());
  api.use('/supervisor/*', sameOriginForChanges());
  api.use('/integrations/*', sameOriginForChanges());
  api.use('/canned-replies/*', sameOriginForChanges());
  api.use('/canned-replies', sameOriginForChanges());
  api.use('/voice-clips/*', sameOriginForChanges());
  api.use('/voice-clips', sameOriginForChanges());
  api.use('/articles/*', sameOriginForChanges());
  api.use('/articles', sameOriginForChanges());
  api.use('/customers/*', sameOriginForChanges());
  api.use('/privacy/*', sameOriginForChanges());
  api.use('/files', sameOriginForChanges());
  api.use('/files/*', sameOriginForChanges());
  api.route('/visitors', visitorRoutes(services.visitors));
  api.route('/visitors', contactOptionRoutes(services));
  api.route('/visitors', invitationWidgetRoutes(services, clientAddress));
  api.route('/visitors', visitorDeletionRoutes(services));
  api.route('/visitors', visitorFileRoutes(services));
  api.route('/visitors', visitorTranscriptRoutes(services));
  api.route('/files', fileRoutes(services));
  api.route('/', inboundRoutes(services, { ...(config.inboundMailSecret ? { inboundMailSecret: config.inboundMailSecret } : {}) }));
  api.route('/integrations', integrationRoutes(services.auth, services));
  api.route('/visitors', botRoutes(services));
  api.route('/conversations', customerRoutes(services));
  api.route('/conversations', customerMatchRoutes(services));
  api.route('/conversations', suggestionRoutes(services));
  api.route('/articles', articleRoutes(services));
  api.route('/customers', customerPrivacyRoutes(services));
  api.route('/customers', customerSearchRoutes(services));
  api.route('/privacy', privacyRoutes(services));
  api.route('/auth', authRoutes(services.auth, services.team, { secureCookies: config.publicUrl.startsWith('https:'), clientAddress }));
  api.route('/team', teamRoutes(services.auth, services.team));
  api.route('/audit', auditRoutes(services.auth, services.audit));
  api.route('/conversations', transcriptRoutes(services));
  api.route('/conversations', conversationRoutes(services));
  api.route('/conversations', webCallRoutes(services));
  api.route('/canned-replies', cannedReplyRoutes(services));
  api.route('/voice-clips', voiceClipRoutes(services));
  api.route('/conversations', callVoiceClipRoutes(services));
  api.route('/transfer-targets', transferRoutes(services));
  api.route('/admin/invitations', invitationAdminRoutes(services));
  api.route('/admin/topic-menu', topicMenuRoutes(services));
  api.route('/admin/file-policy', filePolicyRoutes(services));
  api.route('/admin', adminRoutes(services.auth, services.admin));
  api.route('/reports', reportRoutes(services.auth, services.reports));
  api.route('/quality', qualityRoutes(services));
  api.route('/supervisor', supervisorRoutes(services));
  api.route('/reviews', reviewRoutes(services));
  // The description at /api/openapi.json and the readable reference at /api/docs.
  serveApiDescription(api, config.publicUrl);
  app.route('/api', api);

  app.get(
    '/ws/visitor',
    async (c, next) => {
      if (shuttingDown) return c.json(refuse('internal', 'shutting down'), 503);
      if (!origins.allows(c.req.header('origin'), c.req.header('host'))) return c.json(refuse('origin-not-allowed', 'this site may not embed the widget'), 403);
      await next();
    },
    upgradeWebSocket((c) => guardSocketEvents('visitor', services.metrics, visitorSocket(services, sockets, { userAgent: c.req.header('user-agent'), requestId: c.get('requestId') }))),
  );

  app.get(
    '/ws/agent',
    async (c, next) => {
      if (shuttingDown) return c.json(refuse('internal', 'shutting down'), 503);
      // Cookies ride along on cross-site WebSocket upgrades: only our own pages may open this one.
      if (!isSameOrigin(c.req.header('origin'), c.req.header('host'))) return c.json(refuse('origin-not-allowed', 'cross-site socket refused'), 403);
      const sessionId = getCookie(c, SESSION_COOKIE);
      const agent = await services.auth.agentForSession(sessionId);
      if (!agent || !sessionId) return c.json(refuse('not-authenticated', 'sign in first'), 401);
      if (agent.mustChangePassword) return c.json(refuse('password-change-required', 'choose a new password first'), 403);
      c.set('agent', agent);
      c.set('sessionId', sessionId);
      await next();
    },
    upgradeWebSocket((c) => guardSocketEvents('agent', services.metrics, agentSocket(services, sockets, c.get('agent'), c.get('sessionId'), c.get('requestId')))),
  );

  // PeerJS signaling for calls. No origin check: the bearer token in the URL is the credential
  // (nothing ambient like a cookie), and only the two parties of a call ever hold one.
  app.get(`${VOICE_PATH}:key/id`, (c) => c.json(refuse('forbidden', 'peer ids are issued with each call; see PROTOCOL.md'), 403));
  app.get(
    `${VOICE_PATH}peerjs`,
    async (c, next) => {
      if (shuttingDown) return c.json(refuse('internal', 'shutting down'), 503);
      await next();
    },
    upgradeWebSocket((c) => guardSocketEvents('peer', services.metrics, peerSocket(services.peerRelay, services.peerCredentials, services.calls, c.req.query(), { requestId: c.get('requestId'), metrics: services.metrics }))),
  );

  // Co-browse rooms (y-websocket). As for calls, the room token in the URL is the credential.
  app.get(
    `${COBROWSE_PATH}:sessionId`,
    async (c, next) => {
      if (shuttingDown) return c.json(refuse('internal', 'shutting down'), 503);
      await next();
    },
    upgradeWebSocket((c) => guardSocketEvents('cobrowse', services.metrics, cobrowseSocket(services.cobrowse, services.cobrowseRooms, c.req.param('sessionId') ?? '', c.req.query('token'), { requestId: c.get('requestId'), metrics: services.metrics }))),
  );

  app.route('/', staticRoutes(config.staticDir));
  // Mounted routers do not answer for paths they lack; the app does, in JSON under /api.
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json(refuse('not-found', `no route ${c.req.method} ${c.req.path}`), 404) : c.text('Not found', 404)));

  return {
    app,
    injectWebSocket,
    /** Stops accepting sockets and tells every client to reconnect. */
    closeSockets() {
      shuttingDown = true;
      services.calls.stopRecovery();
      services.cobrowseRooms.closeAll();
      sockets.closeAll();
      for (const client of wss.clients) client.terminate();
    },
    get socketCount() {
      return sockets.size;
    },
  };
}
