/**
 * What every way of running a node shares: the services and app built over an opened store, the
 * banner a person reads at start, and an orderly stop. `server.ts` runs one node on its own port;
 * `cluster/cluster-node.ts` runs one behind a front door.
 */
import type { Config } from '../config.js';
import { createApp } from '../app.js';
import { InProcessBus } from '../bus/in-process-bus.js';
import { createServices, type Services } from '../wiring.js';
import type { Store } from '../store/store.js';
import { SmtpListener } from '../mail/smtp-listener.js';
import { componentLogger } from '../kernel/logger.js';
import { installProcessGuard } from '../kernel/process-guard.js';
import type { Readiness } from '../kernel/readiness.js';
import type { BootstrapResult } from './bootstrap.js';

const log = componentLogger('shutdown');

export interface NodeRuntime {
  services: Services;
  app: ReturnType<typeof createApp>['app'];
  injectWebSocket: ReturnType<typeof createApp>['injectWebSocket'];
  smtpPort?: number;
  /**
   * Closes sockets and SMTP, then the caller's listener (waiting for requests in flight), then
   * the services and bus; the caller closes the store after.
   */
  stop(closeListener: () => Promise<void>): Promise<void>;
}

export async function buildNode(config: Config, store: Store, setup: BootstrapResult, readiness: Readiness): Promise<NodeRuntime> {
  const busLog = componentLogger('bus');
  const bus = new InProcessBus((topic, err) => busLog.error({ topic, err }, 'a subscriber failed'));
  const services = await createServices({
    store,
    bus,
    secret: setup.secret,
    timeZone: config.timeZone,
    serviceLevelSeconds: config.serviceLevelSeconds,
    shortAbandonSeconds: config.shortAbandonSeconds,
    voice: config.voice,
    mail: config.mail,
    ...(config.identitySecret ? { identitySecret: config.identitySecret } : {}),
    sessionIdleMs: config.sessionIdleMs,
    presenceGraceMs: config.presenceGraceMs,
    publicUrl: config.publicUrl,
    ...(config.files.channelMediaLoopback ? { channelMedia: { allowLoopback: true } } : {}),
    files: { dir: config.files.dir, policy: { ...(config.files.maxBytes ? { maxBytes: config.files.maxBytes } : {}), ...(config.files.types ? { types: config.files.types } : {}) } },
  });
  installProcessGuard(services.metrics);
  const smtp = config.smtpListen ? new SmtpListener(services.email, config.smtpListen) : undefined;
  const smtpPort = smtp ? await smtp.listen() : undefined;
  const { app, injectWebSocket, closeSockets } = createApp({ config, services, readiness });
  return {
    services,
    app,
    injectWebSocket,
    ...(smtpPort !== undefined ? { smtpPort } : {}),
    async stop(closeListener) {
      shutdownStage = 'closing sockets';
      closeSockets();
      shutdownStage = 'closing the SMTP listener';
      await smtp?.close();
      shutdownStage = 'closing the HTTP listener';
      await closeListener();
      shutdownStage = 'stopping the services (outboxes, callbacks, event log)';
      await services.destroy();
      shutdownStage = 'closing the bus';
      await bus.close();
      shutdownStage = 'closing the store';
    },
  };
}

/** The lines a person reads at start; the last one (`LISTENING <port>`) is for tests and process managers. */
export function bannerLines(options: { config: Config; dialect: string; base: string; port: number; setup: BootstrapResult; smtpPort?: number; role?: string }): string[] {
  const { config, setup, base } = options;
  const lines = [
    `Switchboard is running (${options.dialect}${config.cluster ? `, cluster node ${config.cluster.nodeName}` : ''}).`,
    `  Demo site with the widget: ${base}/`,
    `  Agent app:                 ${base}/agent/`,
    `  API description:           ${base}/api/openapi.json`,
    `  API reference:             ${base}/api/docs`,
  ];
  if (options.role) lines.push(`  Role in the cluster:       ${options.role}`);
  if (setup.createdAdmin) {
    lines.push(`  Admin account created:     ${setup.createdAdmin.email}` + (setup.createdAdmin.generatedPassword ? `  password: ${setup.createdAdmin.generatedPassword}  (shown once; change it under Your account)` : ''));
  }
  if (!config.cluster) {
    lines.push(options.smtpPort !== undefined ? `  Inbound mail (SMTP):       ${config.smtpListen!.host}:${options.smtpPort}` : '  Inbound mail (SMTP):       off (set SMTP_LISTEN_PORT)');
  }
  if (!config.mail.smtpUrl) lines.push('  Outbound mail:             not configured (set SMTP_URL); mail is kept in the outbox until it is');
  for (const d of setup.demoLogins) lines.push(`  Demo login:                ${d.email} / ${d.password}  (${d.name})`);
  lines.push(`LISTENING ${options.port}`);
  return lines;
}

/** Where a stop is, so that one cut short says what it was waiting for. */
let shutdownStage = 'starting to stop';

/**
 * Stops an HTTP server: no new connections; keep-alive connections closed as soon as they are
 * idle; requests in flight given `graceMs` to finish before their connections are cut.
 * (`server.close()` alone closes only the connections idle at that moment: one busy then stays
 * open for its keep-alive, and a page that fetches every few seconds keeps it open for ever.)
 */
export function closeHttpServer(server: { close(done: () => void): unknown; closeIdleConnections(): void; closeAllConnections(): void }, graceMs = 2_000): Promise<void> {
  return new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    idle.unref();
    cut.unref();
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
  });
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits; a stop that hangs is cut short after 10 s. */
export function stopOnSignals(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => {
      log.error({ stage: shutdownStage }, 'the graceful stop took over 10 s: exiting');
      process.exit(1);
    }, 10_000);
    forced.unref();
    stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => handler('SIGTERM'));
  process.on('SIGINT', () => handler('SIGINT'));
}
