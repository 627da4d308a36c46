/**
 * A cluster on this machine for tests: node processes (the real entry point) over one PostgreSQL
 * schema of the test's own and the machine's Redis, and a tiny round-robin TCP proxy in front,
 * standing for a load balancer without sticky sessions.
 */
import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';
import { startServer, type RunningServer } from '../support/server-process.js';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why the cluster tests cannot run here, or undefined when PostgreSQL and Redis both answer. */
export async function clusterUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
  } catch {
    return `PostgreSQL not reachable at ${POSTGRES_URL}`;
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    return `Redis not reachable at ${REDIS_URL}`;
  } finally {
    redis.disconnect();
  }
  return undefined;
}

/** An empty schema of the test's own; `drop` removes it with everything in it. */
export async function testSchema(): Promise<{ name: string; databaseUrl: string; drop(): Promise<void> }> {
  const name = `sb_cluster_${randomBytes(5).toString('hex')}`;
  return {
    name,
    databaseUrl: `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${name}`,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${name} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface ClusterNode {
  name: string;
  server: RunningServer;
}

/** Starts `count` nodes at the same moment; resolves when each prints its LISTENING line. */
export async function startNodes(count: number, databaseUrl: string, env: Record<string, string> = {}, first = 1): Promise<ClusterNode[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const name = `node-${first + i}`;
      const server = await startServer({ databaseUrl, env: { REDIS_URL, NODE_NAME: name, LOG_LEVEL: 'warn', ...env } });
      return { name, server };
    }),
  );
}

export interface Readyz {
  status: string;
  role: string;
  node: string;
  owner: string | null;
  redis: string;
  postgres: string;
}

/** The node's own /readyz, on a connection of its own as a load balancer's check does (see front-door.ts). */
export function readyz(node: ClusterNode): Promise<{ code: number; body: Readyz }> {
  return new Promise((resolve, reject) => {
    const request = get(`${node.server.url}/readyz`, { agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        try {
          resolve({ code: response.statusCode ?? 0, body: JSON.parse(text) as Readyz });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    request.on('error', reject);
  });
}

/** Resolves with the node that owns the ACD once every live node agrees on one and says it is ready. */
export async function settledOwner(nodes: ClusterNode[], timeoutMs = 20_000): Promise<ClusterNode> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const reports = await Promise.all(nodes.map((n) => readyz(n).catch(() => undefined)));
    const owners = reports.filter((r) => r?.body.role === 'acd-owner');
    const named = new Set(reports.map((r) => r?.body.owner));
    if (owners.length === 1 && named.size === 1 && reports.every((r) => r?.code === 200)) return nodes.find((n) => n.name === owners[0]!.body.node)!;
    last = JSON.stringify(reports.map((r) => r?.body));
    // Polling a probe, as a load balancer does; bounded by the deadline.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the nodes did not agree on one ready ACD owner within ${timeoutMs} ms: ${last}`);
}

/** A round-robin TCP proxy over the nodes' ports; a node that refuses is skipped for the next one. */
export async function roundRobinProxy(ports: () => number[]): Promise<{ url: string; port: number; close(): Promise<void> }> {
  let next = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.pause();
    const tryNode = (attempts: number) => {
      const list = ports();
      const port = list[next++ % list.length]!;
      const upstream = connect({ host: '127.0.0.1', port });
      open.add(upstream);
      upstream.on('close', () => open.delete(upstream));
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.on('error', () => {
        if (!connected && attempts < list.length) tryNode(attempts + 1);
        else client.destroy();
      });
      upstream.on('close', () => connected && client.destroy());
      client.on('close', () => upstream.destroy());
      client.on('error', () => upstream.destroy());
    };
    tryNode(1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
