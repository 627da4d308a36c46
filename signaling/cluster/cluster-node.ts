/**
 * One node of a cluster (REDIS_URL over a PostgreSQL DATABASE_URL). Every node listens on its
 * public port with a front door; one node at a time, the holder of the ACD lease, builds the
 * services and serves every connection that any front door forwards. The others stand by: they
 * forward, answer their own probes and wait for the lease. When the owner dies, the next node to
 * get the lease rebuilds queues, offers and conversations from the store (as any restart does) and
 * announces itself; clients, which reconnect with back-off, carry on through any node.
 *
 * This gives a contact center that survives the loss of a node with no sticky sessions; it does
 * not spread the work of one contact center over several nodes (one owner does all of it).
 */
import { createAdaptorServer } from '@hono/node-server';
import { createHash } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import type { ClusterConfig, Config } from '../config.js';
import { componentLogger } from '../kernel/logger.js';
import { Readiness } from '../kernel/readiness.js';
import { bootstrap } from '../setup/bootstrap.js';
import { bannerLines, buildNode, stopOnSignals, type NodeRuntime } from '../setup/node-runtime.js';
import { parseDatabaseUrl } from '../store/database-url.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { AcdLease } from './acd-lease.js';
import { frontDoor, type ProbeAnswer } from './front-door.js';
import { writePreface } from './forward-preface.js';
import { internalListener } from './internal-listener.js';
import { OwnerDirectory } from './owner-directory.js';

type Role = 'starting' | 'standby' | 'acd-owner' | 'draining';

export async function runClusterNode(config: Config, cluster: ClusterConfig): Promise<void> {
  const log = componentLogger('cluster').child({ node: cluster.nodeName });
  const target = parseDatabaseUrl(config.databaseUrl);
  if (target.dialect !== 'postgres') throw new Error('cluster mode needs PostgreSQL'); // config.ts refuses it first
  let role: Role = 'starting';
  // Filled in as the node starts; the front door and the probes answer from the start.
  const parts: {
    secret?: string;
    directory?: OwnerDirectory;
    lease?: AcdLease;
    owner?: { runtime: NodeRuntime; readiness: Readiness; http: HttpServer; internal: Server };
  } = {};

  const probe = (path: 'livez' | 'readyz'): ProbeAnswer => {
    if (path === 'livez') return { status: 200, body: { status: 'live', node: cluster.nodeName } };
    const redis = parts.directory?.redisReachable ? 'up' : 'down';
    const postgres = parts.lease?.databaseAnswers ? 'up' : 'down';
    const ready =
      (role === 'acd-owner' && parts.owner?.readiness.state === 'ready') || (role === 'standby' && parts.directory?.current !== undefined && redis === 'up');
    const body = { status: ready ? 'ready' : role === 'draining' ? 'draining' : 'starting', node: cluster.nodeName, role, owner: parts.directory?.current?.node ?? null, redis, postgres, store: 'postgres' };
    return { status: ready ? 200 : 503, body };
  };

  const door = frontDoor({
    owner: () => (parts.secret ? parts.directory?.current?.address : undefined),
    refreshOwner: async () => (parts.secret ? (await parts.directory?.refresh())?.address : undefined),
    probe,
    preface: (clientAddress) => writePreface(parts.secret!, clientAddress),
  });
  const listening = await new Promise<AddressInfo>((resolve, reject) => {
    door.server.once('error', reject);
    door.server.listen(config.port, config.host, () => resolve(door.server.address() as AddressInfo));
  });

  // Any number of nodes may start together on an empty database: migrations and the first-start
  // seed each run on one node at a time (Kysely's lock, Store.exclusively).
  const store: Store = await openStore(config.databaseUrl);
  const setup = await bootstrap(store, { ...(config.secret ? { secret: config.secret } : {}), ...(config.admin ? { admin: config.admin } : {}), demo: config.demo });
  parts.secret = setup.secret;
  // The deployment's name for its Redis keys and lock: from the secret every node reads from the
  // database, so that two deployments sharing Redis or PostgreSQL never meet.
  const deployment = createHash('sha256').update(`switchboard-deployment:${setup.secret}`).digest('hex').slice(0, 16);
  parts.directory = new OwnerDirectory(cluster.redisUrl, deployment);
  await parts.directory.start();
  parts.lease = new AcdLease({ url: target.url, deployment });
  role = 'standby';

  const base = config.port === 0 ? `http://${config.host}:${listening.port}` : config.publicUrl;
  console.log(bannerLines({ config, dialect: store.dialect, base, port: listening.port, setup, role: 'standby (forwarding to the ACD owner) until this node takes the lease' }).join('\n'));

  stopOnSignals(async (signal) => {
    const wasOwner = role === 'acd-owner';
    role = 'draining';
    log.info({ signal, wasOwner }, 'shutting down');
    const owner = parts.owner;
    if (owner) {
      await parts.directory?.withdraw(cluster.nodeName);
      const { http, internal } = owner;
      await owner.runtime.stop(async () => {
        http.closeAllConnections();
        await new Promise<void>((resolve) => internal.close(() => resolve()));
      });
    }
    // Freeing the lease lets a standby take over at its next poll, without waiting for a timeout.
    await parts.lease?.close();
    door.destroyAll();
    await new Promise<void>((resolve) => door.server.close(() => resolve()));
    await parts.directory?.close();
    await store.close();
  });

  parts.lease.onLost((reason) => {
    // Another node may take the lease now: this one must not decide anything more.
    log.fatal({ reason }, 'lost the ACD lease; stopping so that only one node decides');
    process.exit(1);
  });
  const waitingSince = Date.now();
  const acquired = await parts.lease.acquire();
  if (!acquired || role !== 'standby') return; // stopping while we waited

  const readiness = new Readiness();
  const runtime = await buildNode(config, store, setup, readiness);
  runtime.services.metrics.registry.setDefaultLabels({ node: cluster.nodeName });
  const http = createAdaptorServer({ fetch: runtime.app.fetch }) as HttpServer;
  runtime.injectWebSocket(http);
  const internal = internalListener(http, setup.secret, (reason) => log.warn({ reason }, 'refused a connection on the internal port'));
  const internalPort = await new Promise<number>((resolve, reject) => {
    internal.once('error', reject);
    internal.listen(cluster.internalPort, cluster.advertiseHost, () => resolve((internal.address() as AddressInfo).port));
  });
  parts.owner = { runtime, readiness, http, internal };
  readiness.markReady(store.dialect, { node: cluster.nodeName });
  await parts.directory.announce({ node: cluster.nodeName, address: `${cluster.advertiseHost}:${internalPort}`, since: Date.now() });
  role = 'acd-owner';
  log.info({ internalPort, waitedMs: Date.now() - waitingSince }, 'took the ACD lease: this node now serves the contact center');
  console.log(`ACD OWNER ${cluster.nodeName}`);
}
