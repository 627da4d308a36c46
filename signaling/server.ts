/** Starts Switchboard: configuration, store, services, HTTP and WebSocket server, graceful shutdown. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { InProcessBus } from './bus/in-process-bus.js';
import { bootstrap } from './setup/bootstrap.js';
import { createServices } from './wiring.js';
import { openStore } from './store/open-store.js';
import { SmtpListener } from './mail/smtp-listener.js';
import { componentLogger, configureLogging } from './kernel/logger.js';
import { installProcessGuard } from './kernel/process-guard.js';
import { Readiness } from './kernel/readiness.js';
import { whileStarting } from './http/probe-routes.js';

const log = componentLogger('server');

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  // JSON lines for log collectors; readable lines for a person at a terminal (npm start).
  configureLogging({ level: config.logLevel, pretty: process.stdout.isTTY === true });

  // Listen first, so an orchestrator sees a live process (and /readyz 503) during migrations;
  // the real app takes over the same port once the services exist.
  const readiness = new Readiness();
  let handle: (request: Request, env: unknown) => Response | Promise<Response> = whileStarting(readiness).fetch;
  let server!: ReturnType<typeof serve>;
  const listening = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: (request, env) => handle(request, env), port: config.port, hostname: config.host }, resolve);
  });

  const store = await openStore(config.databaseUrl);
  const setup = await bootstrap(store, { ...(config.secret ? { secret: config.secret } : {}), ...(config.admin ? { admin: config.admin } : {}), demo: config.demo });
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
    publicUrl: config.publicUrl,
    files: { dir: config.files.dir, policy: { ...(config.files.maxBytes ? { maxBytes: config.files.maxBytes } : {}), ...(config.files.types ? { types: config.files.types } : {}) } },
  });
  installProcessGuard(services.metrics);
  const smtp = config.smtpListen ? new SmtpListener(services.email, config.smtpListen) : undefined;
  const smtpPort = smtp ? await smtp.listen() : undefined;
  const { app, injectWebSocket, closeSockets } = createApp({ config, services, readiness });

  const announce = (info: AddressInfo) => {
    const base = config.port === 0 ? `http://${config.host}:${info.port}` : config.publicUrl;
    const lines = [
      `Switchboard is running (${store.dialect}).`,
      `  Demo site with the widget: ${base}/`,
      `  Agent app:                 ${base}/agent/`,
      `  API description:           ${base}/api/openapi.json`,
      `  API reference:             ${base}/api/docs`,
    ];
    if (setup.createdAdmin) {
      lines.push(`  Admin account created:     ${setup.createdAdmin.email}` + (setup.createdAdmin.generatedPassword ? `  password: ${setup.createdAdmin.generatedPassword}  (shown once; change it under Your account)` : ''));
    }
    lines.push(smtpPort !== undefined ? `  Inbound mail (SMTP):       ${config.smtpListen!.host}:${smtpPort}` : '  Inbound mail (SMTP):       off (set SMTP_LISTEN_PORT)');
    if (!config.mail.smtpUrl) lines.push('  Outbound mail:             not configured (set SMTP_URL); mail is kept in the outbox until it is');
    for (const d of setup.demoLogins) lines.push(`  Demo login:                ${d.email} / ${d.password}  (${d.name})`);
    // Tests and process managers read this line to know the port.
    lines.push(`LISTENING ${info.port}`);
    console.log(lines.join('\n'));
  };
  handle = app.fetch;
  injectWebSocket(server);
  readiness.markReady(store.dialect);
  announce(listening);

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    readiness.markDraining();
    log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    closeSockets();
    await smtp?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.destroy();
    await bus.close();
    await store.close();
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'Switchboard failed to start');
  process.exit(1);
});
