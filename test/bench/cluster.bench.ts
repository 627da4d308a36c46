/**
 * Cluster mode's figures (needs PostgreSQL and Redis on the machine):
 * - takeover: kill -9 of the node that owns the ACD, to a survivor answering /readyz as the new
 *   owner, repeated (the killed node is started again as a standby each time); target < 5 s;
 * - forwarding: request latency of an API call through a standby's front door (forwarded to the
 *   owner), beside the same call through the owner's own front door and a single node without
 *   cluster mode (the floor), in the same run, in alternating order.
 * Run: `npx tsx test/bench/cluster.bench.ts` (BENCH_QUICK=1 for a short check).
 */
import { clusterUnavailable, settledOwner, startNodes, testSchema, type ClusterNode } from '../cluster/cluster-world.js';
import { startServer, tempDataDir } from '../support/server-process.js';
import { quantile, quick, reportBench } from './bench-result.js';

const unavailable = await clusterUnavailable();
if (unavailable) {
  console.log(`cluster bench skipped: ${unavailable}`);
  process.exit(0);
}

const takeovers = quick ? 1 : 5;
const requests = quick ? 200 : 2000;

async function latencies(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await fetch(`${url}/api/auth/session`);
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const schema = await testSchema();
const single = tempDataDir();
let nodes: ClusterNode[] = [];
try {
  nodes = await startNodes(3, schema.databaseUrl, { SWITCHBOARD_DEMO: '0', LOG_LEVEL: 'error' });
  const alone = await startServer({ databaseUrl: single.databaseUrl, env: { SWITCHBOARD_DEMO: '0', LOG_LEVEL: 'error' } });

  // Forwarding overhead, alternating who goes first; warm-up requests first.
  const owner = await settledOwner(nodes);
  const standby = nodes.find((n) => n !== owner)!;
  const runs = { standby: [] as number[], owner: [] as number[], single: [] as number[] };
  for (const url of [standby.server.url, owner.server.url, alone.url]) await latencies(url, 50);
  for (let round = 0; round < 4; round++) {
    const order = round % 2 === 0 ? (['standby', 'owner', 'single'] as const) : (['single', 'owner', 'standby'] as const);
    for (const which of order) {
      const url = which === 'standby' ? standby.server.url : which === 'owner' ? owner.server.url : alone.url;
      runs[which].push(...(await latencies(url, requests / 4)));
    }
  }
  await alone.stop();
  for (const list of Object.values(runs)) list.sort((a, b) => a - b);
  console.log('\nAPI request latency (GET /api/auth/session, sequential, keep-alive), ms');
  console.log('path                      p50     p99');
  for (const [name, list] of Object.entries(runs)) console.log(`${name.padEnd(22)} ${quantile(list, 0.5).toFixed(2).padStart(6)}  ${quantile(list, 0.99).toFixed(2).padStart(6)}`);
  reportBench({ figure: 'cluster: API request through a standby node, p50 (ms)', ours: quantile(runs.standby, 0.5), peer: quantile(runs.single, 0.5), peerLabel: 'one node, no cluster' });
  reportBench({ figure: 'cluster: API request through a standby node, p99 (ms)', ours: quantile(runs.standby, 0.99), peer: quantile(runs.single, 0.99), peerLabel: 'one node, no cluster' });

  // Takeover after kill -9 of the owner.
  const times: number[] = [];
  for (let i = 0; i < takeovers; i++) {
    const current = await settledOwner(nodes);
    const killedAt = Date.now();
    await current.server.crash();
    const survivors = nodes.filter((n) => n !== current);
    await settledOwner(survivors);
    times.push(Date.now() - killedAt);
    // The killed node comes back as a standby for the next round.
    const [again] = await startNodes(1, schema.databaseUrl, { SWITCHBOARD_DEMO: '0', LOG_LEVEL: 'error' }, 10 + i);
    nodes = [...survivors, again!];
  }
  times.sort((a, b) => a - b);
  console.log(`\ntakeover after kill -9 of the ACD owner, ${takeovers} times: median ${quantile(times, 0.5)} ms, max ${times.at(-1)} ms (target < 5000 ms)`);
  reportBench({ figure: 'cluster: takeover after kill -9 of the ACD owner, median (ms)', ours: quantile(times, 0.5), target: '< 5000', met: quantile(times, 0.5) < 5000 });
} finally {
  await Promise.all(nodes.map((n) => n.server.stop().catch(() => {})));
  await schema.drop();
  single.dispose();
}
