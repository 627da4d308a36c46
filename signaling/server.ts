/** Starts Switchboard: configuration, store, services, HTTP and WebSocket server, graceful shutdown. */
import { serve } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config.js';
import { bootstrap } from './setup/bootstrap.js';
import { bannerLines, buildNode, closeHttpServer, stopOnSignals } from './setup/node-runtime.js';
import { openStore } from './store/open-store.js';
import { componentLogger, configureLogging } from './kernel/logger.js';
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
  if (config.cluster) {
    // Loaded only in cluster mode: one node never needs the Redis client.
    const { runClusterNode } = await import('./cluster/cluster-node.js');
    return runClusterNode(config, config.cluster);
  }

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
  const node = await buildNode(config, store, setup, readiness);
  handle = node.app.fetch;
  node.injectWebSocket(server);
  readiness.markReady(store.dialect);
  const base = config.port === 0 ? `http://${config.host}:${listening.port}` : config.publicUrl;
  console.log(bannerLines({ config, dialect: store.dialect, base, port: listening.port, setup, ...(node.smtpPort !== undefined ? { smtpPort: node.smtpPort } : {}) }).join('\n'));

  stopOnSignals(async (signal) => {
    readiness.markDraining();
    log.info({ signal }, 'shutting down');
    // serve() makes an HTTP/1.1 server here (no `createServer` option is passed).
    await node.stop(() => closeHttpServer(server as HttpServer));
    await store.close();
  });
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'Switchboard failed to start');
  process.exit(1);
});
