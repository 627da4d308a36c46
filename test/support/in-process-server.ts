/** The real app, store and services in this process, listening on a loopback port, for server tests. */
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../signaling/app.js';
import { Readiness } from '../../signaling/kernel/readiness.js';
import { InProcessBus } from '../../signaling/bus/in-process-bus.js';
import { bootstrap } from '../../signaling/setup/bootstrap.js';
import { createServices, type Services, type ServicesOptions } from '../../signaling/wiring.js';
import { configureLogging, LOG_LEVELS, type LogLevel } from '../../signaling/kernel/logger.js';
import { SmtpListener } from '../../signaling/mail/smtp-listener.js';
import { openStore } from '../../signaling/store/open-store.js';
import type { Store } from '../../signaling/store/store.js';
import type { HeartbeatOptions } from '../../signaling/realtime/heartbeat-sweep.js';
import type { VoiceSettings } from '../../signaling/voice/ice-config.js';

export interface TestServer {
  url: string;
  origin: string;
  services: Services;
  store: Store;
  app: ReturnType<typeof createApp>['app'];
  /** What /readyz reports: ready once listening; a test may mark it draining. */
  readiness: Readiness;
  /** Stops the HTTP server and services; keeps the database unless `dispose` is true. */
  close(options?: { dispose?: boolean }): Promise<void>;
  /** With `smtpListener`: where customers' mail is received. */
  smtpPort?: number;
}

/** The admin account every test server is created with. */
export const TEST_ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface TestServerOptions {
  /** Reuse a data directory (to test a restart). */
  dir?: string;
  allowedOrigins?: string[];
  /** Runs after the demo bootstrap and before the services start. */
  seed?: (store: Store) => Promise<void>;
  metricsToken?: string;
  voice?: VoiceSettings;
  cobrowseVisitorGraceMs?: number;
  webCallRingMs?: number;
  /**
   * How long an agent whose last socket went stays present. 0 by default here: server tests open
   * and close agents' sockets test after test, and one closed in a test must not take the next
   * test's offers during a grace (the product's 20 s is tested in presence-service.test.ts).
   */
  presenceGraceMs?: number;
  /** The sockets' heartbeat (shortened for tests of dead connections). */
  heartbeat?: HeartbeatOptions;
  /** Outbound mail settings (an SMTP sink's URL). */
  mail?: ServicesOptions['mail'];
  webhookBackoff?: ServicesOptions['webhookBackoff'];
  /** Starts the SMTP listener on a free loopback port (`smtpPort`). */
  smtpListener?: boolean;
  /** Where the built front ends are (default: a directory that does not exist). */
  staticDir?: string;
  inboundMailSecret?: string;
  identitySecret?: string;
  /** The center's time zone (SWITCHBOARD_TIME_ZONE); UTC by default. */
  timeZone?: string;
  /** The services' clock (for "today" on a chosen date). */
  clock?: () => number;
  /** What the site accepts as shared files (default: the product's defaults). */
  attachmentPolicy?: NonNullable<ServicesOptions['files']>['policy'];
  /** The retention job's pacing; tests run it by hand with `services.retention.runOnce()`. */
  retention?: ServicesOptions['retention'];
  /** Channel media: let a server on 127.0.0.1 stand in for the internet. */
  channelMedia?: ServicesOptions['channelMedia'];
}

/** Tests log warnings and errors only (one line per request would bury the results); LOG_LEVEL=debug shows everything. */
export const TEST_LOG_LEVEL: LogLevel = LOG_LEVELS.find((l) => l === process.env.LOG_LEVEL) ?? 'warn';

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer & { dir: string }> {
  configureLogging({ level: TEST_LOG_LEVEL });
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sb-server-'));
  const store = await openStore(`sqlite:${join(dir, 'switchboard.db')}`);
  const setup = await bootstrap(store, { demo: true, admin: TEST_ADMIN });
  await options.seed?.(store);
  const bus = new InProcessBus();
  const services = await createServices({ store, bus, secret: setup.secret, ...(options.voice ? { voice: options.voice } : {}), ...(options.cobrowseVisitorGraceMs ? { cobrowseVisitorGraceMs: options.cobrowseVisitorGraceMs } : {}),
    ...(options.webCallRingMs ? { webCallRingMs: options.webCallRingMs } : {}),
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.webhookBackoff ? { webhookBackoff: options.webhookBackoff } : {}),
    ...(options.identitySecret ? { identitySecret: options.identitySecret } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.retention ? { retention: options.retention } : {}),
    ...(options.channelMedia ? { channelMedia: options.channelMedia } : {}),
    presenceGraceMs: options.presenceGraceMs ?? 0,
    files: { dir: join(dir, 'files'), ...(options.attachmentPolicy ? { policy: options.attachmentPolicy } : {}) },
  });
  const smtp = options.smtpListener ? new SmtpListener(services.email, { host: '127.0.0.1', port: 0, domains: [] }) : undefined;
  const smtpPort = await smtp?.listen();
  const readiness = new Readiness();
  const built = createApp({
    readiness,
    config: { publicUrl: 'http://127.0.0.1', allowedOrigins: options.allowedOrigins ?? [], staticDir: options.staticDir ?? join(dir, 'no-static'), ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}), ...(options.inboundMailSecret ? { inboundMailSecret: options.inboundMailSecret } : {}) },
    services,
    ...(options.heartbeat ? { heartbeat: options.heartbeat } : {}),
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  built.injectWebSocket(server);
  readiness.markReady(store.dialect);
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    origin: url,
    dir,
    services,
    store,
    app: built.app,
    readiness,
    ...(smtpPort !== undefined ? { smtpPort } : {}),
    async close({ dispose = true } = {}) {
      readiness.markDraining();
      built.closeSockets();
      await smtp?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.destroy();
      await bus.close();
      await store.close();
      if (dispose) rmSync(dir, { recursive: true, force: true });
    },
  };
}
