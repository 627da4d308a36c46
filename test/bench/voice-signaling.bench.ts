/**
 * Voice signaling benchmark (not a test): relay latency with 1,000 connected peers (500
 * calls), our server beside the stock PeerServer (`peer` from npm) in the same run, with the
 * same clients and messages. Ours checks every message (the sender's call, its partner) and
 * every connection (a server-issued token); the stock server checks nothing.
 *
 * Our 500 calls are real: 500 visitors call, the ACD offers each to one of 500 agents, who
 * accepts; the peers then connect with the credentials the call frames carry.
 *
 * Each server runs in a child process of its own (voice-bench-server.ts), the clients here;
 * the two are measured in turn, twice each in alternating order, so neither gets the warmer
 * machine.
 *
 *   npx tsx test/bench/voice-signaling.bench.ts [--pairs 500] [--samples 2000] [--rounds 20]
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { RawPeer } from '../support/peer-client.js';
import { quick, reportBench } from './bench-result.js';
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PAIRS = arg('pairs', quick ? 50 : 500);
const SAMPLES = arg('samples', quick ? 200 : 2000);
const ROUNDS = arg('rounds', quick ? 2 : 20);
/** The burst p99 (ms) of each run, by server, for the BENCH line. */
const burstP99: Record<'ours' | 'stock', number[]> = { ours: [], stock: [] };

interface Pair {
  a: RawPeer;
  b: RawPeer;
  aId: string;
  bId: string;
}

/** A real trickle-ICE candidate message, the most frequent signaling message in a call. */
const candidate = (dst: string, sentAt: number) => ({
  type: 'CANDIDATE' as const,
  dst,
  payload: { candidate: { candidate: 'candidate:842163049 1 udp 1677729535 127.0.0.1 54321 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag sEMT network-cost 999', sdpMLineIndex: 0, sdpMid: '0' }, type: 'media', connectionId: 'mc_bench', sentAt },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One message at a time across the pairs: the latency of a hop with nothing else in flight. */
async function unloaded(pairs: Pair[]): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const pair = pairs[i % pairs.length]!;
    const sentAt = performance.now();
    const got = waitFor(pair.b, sentAt);
    pair.a.send(candidate(pair.bId, sentAt));
    await got;
    latencies.push(performance.now() - sentAt);
  }
  return latencies;
}

/** Every pair sends at once, ROUNDS times: latency under a burst of 1 message per call. */
async function burst(pairs: Pair[]): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    const sentAt = performance.now();
    const all = pairs.map((p) => waitFor(p.b, sentAt).then(() => latencies.push(performance.now() - sentAt)));
    for (const p of pairs) p.a.send(candidate(p.bId, sentAt));
    await Promise.all(all);
  }
  return { latencies, perSecond: (pairs.length * ROUNDS) / ((performance.now() - started) / 1000) };
}

function waitFor(peer: RawPeer, sentAt: number): Promise<unknown> {
  return peer.next((m) => m.type === 'CANDIDATE' && (m.payload as { sentAt?: number }).sentAt === sentAt, 30_000).then((m) => {
    peer.messages.splice(peer.messages.indexOf(m), 1);
  });
}

async function openAll(base: string, key: string, ids: { id: string; token: string }[]): Promise<RawPeer[]> {
  const peers: RawPeer[] = [];
  // Heartbeats as the real client sends them, from the first connection on, so no server drops anyone.
  const beat = setInterval(() => peers.forEach((p) => p.send({ type: 'HEARTBEAT' })), 2000);
  beat.unref();
  for (let i = 0; i < ids.length; i += 100) {
    const batch = await Promise.all(ids.slice(i, i + 100).map((c) => RawPeer.open(base, { key, id: c.id, token: c.token })));
    await Promise.all(batch.map((p) => p.next((m) => m.type === 'OPEN')));
    peers.push(...batch);
  }
  return peers;
}

/** What a bench server prints once its peers may connect. */
export interface BenchServerInfo {
  base: string;
  key: string;
  /** Peer credentials in pairs: [2i] may signal [2i + 1]. */
  credentials: { id: string; token: string }[];
}

async function startServer(kind: 'ours' | 'stock'): Promise<{ info: BenchServerInfo; stop(): void; rssMiB(): number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/voice-bench-server.ts', kind, String(PAIRS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  let rss = 0;
  const info = await new Promise<BenchServerInfo>((resolve) =>
    lines.on('line', (l) => {
      if (l.startsWith('READY ')) resolve(JSON.parse(l.slice(6)) as BenchServerInfo);
      if (l.startsWith('RSS ')) rss = Number(l.slice(4));
    }),
  );
  return { info, stop: () => child.kill('SIGKILL'), rssMiB: () => rss };
}

async function measure(kind: 'ours' | 'stock', label: string): Promise<string[]> {
  const started = performance.now();
  const server = await startServer(kind);
  const setupMs = performance.now() - started;
  const { base, key, credentials } = server.info;
  const peers = await openAll(base, key, credentials);
  const pairs = Array.from({ length: PAIRS }, (_, i) => ({ a: peers[2 * i]!, b: peers[2 * i + 1]!, aId: credentials[2 * i]!.id, bId: credentials[2 * i + 1]!.id }));
  await unloaded(pairs.slice(0, 50)); // warm-up, both sides
  const single = await unloaded(pairs);
  const { latencies, perSecond } = await burst(pairs);
  burstP99[kind].push(percentile([...latencies].sort((x, y) => x - y), 99));
  peers.forEach((p) => p.close());
  server.stop();
  return [
    line(`${label}, one at a time`, single),
    line(`${label}, ${PAIRS} at once x${ROUNDS}`, latencies) + `   ${Math.round(perSecond)} msg/s`,
    `${''.padEnd(44)} ${PAIRS * 2} peers connected; server ready in ${(setupMs / 1000).toFixed(1)} s`,
  ];
}

function line(label: string, latencies: number[]): string {
  const sorted = [...latencies].sort((x, y) => x - y);
  const f = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  return `${label.padEnd(44)} p50 ${f(percentile(sorted, 50))}   p99 ${f(percentile(sorted, 99))}   n=${sorted.length}`;
}

const OURS = 'Switchboard (token + call-pair check)';
const STOCK = 'peer 1.0.2 (stock PeerServer, no checks)';
const results: string[] = [];
const order = [['ours', OURS], ['stock', STOCK], ['stock', STOCK], ['ours', OURS]] as const;
for (const [kind, label] of quick ? order.slice(0, 2) : order) results.push(...(await measure(kind, label)));
console.log(`\nSignaling relay latency, ${PAIRS * 2} connected peers, loopback, Node ${process.version}, servers in their own processes:\n`);
console.log(results.join('\n'));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
reportBench({ figure: `voice signaling relay p99 under burst (ms), ${PAIRS * 2} peers`, ours: mean(burstP99.ours), peer: mean(burstP99.stock), peerLabel: 'stock PeerServer' });
process.exit(0);
