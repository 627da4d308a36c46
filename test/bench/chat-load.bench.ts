/**
 * Chat under load (benchmark, not a test): N live conversations, each a visitor socket and an
 * agent who accepted it, and visitors' messages at a fixed rate for a bounded time. Measures
 * visitor → agent delivery p50/p99, send → ack p99 and the server's CPU per message, beside a
 * floor measured in the same run (test/bench/floors/durable-ws-floor.ts: a bare `ws` server that
 * stores each message in SQLite with the same WAL and synchronous=FULL settings before acking).
 * Both keep their database in the OS's temp directory (a real disk, real fsyncs).
 *
 *   npx tsx test/bench/chat-load.bench.ts
 *   CHAT_CONVERSATIONS=1000 CHAT_RATE=500 CHAT_SECONDS=30   (defaults; BENCH_QUICK=1: 100, 100/s, 4 s)
 *   CHAT_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'   (flags for our server's node, to profile it)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startServer } from '../support/server-process.js';
import { seedCenter, signIn } from '../soak/soak-setup.js';
import { SOAK_ADMIN, SOAK_SECRET } from '../soak/soak-server.js';
import { quick, reportBench } from './bench-result.js';
import { runLoad, type LoadedConversation, type LoadResult } from './chat-load-driver.js';

const bounded = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return Math.min(value, max);
};
const CONVERSATIONS = bounded('CHAT_CONVERSATIONS', quick ? 100 : 1000, 2000);
const RATE = bounded('CHAT_RATE', quick ? 100 : 500, 2000);
const SECONDS = bounded('CHAT_SECONDS', quick ? 4 : 30, 120);
const WARMUP_S = quick ? 1 : 3;
/** Each agent takes 20 chats at once, as a busy chat agent might. */
const PER_AGENT = 20;

const open = (url: string, headers: Record<string, string> = {}) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });

/** The next frame on `ws` that `match` accepts (rejects after 30 s). */
const next = <T = Record<string, unknown>>(ws: WebSocket, match: (f: Record<string, unknown>) => boolean) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer within 30 s')), 30_000);
    const listen = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      if (!match(frame)) return;
      clearTimeout(timer);
      ws.off('message', listen);
      resolve(frame as T);
    };
    ws.on('message', listen);
  });

/** In batches, so setting up does not trip anyone's rate limit or flood the server. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)))));
  return out;
}

async function runOurs(): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-chat-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'switchboard.db')}`;
  const team = await seedCenter(databaseUrl, Math.ceil(CONVERSATIONS / PER_AGENT), PER_AGENT);
  const server = await startServer({ databaseUrl, nodeArgs: process.env.CHAT_NODE_ARGS ? process.env.CHAT_NODE_ARGS.split(' ') : [], env: { SWITCHBOARD_DEMO: '0', SWITCHBOARD_ADMIN_EMAIL: SOAK_ADMIN.email, SWITCHBOARD_ADMIN_PASSWORD: SOAK_ADMIN.password, SWITCHBOARD_SECRET: SOAK_SECRET, LOG_LEVEL: 'error' } });
  const sockets: WebSocket[] = [];
  try {
    const origin = server.url;
    const wsBase = server.url.replace('http', 'ws');
    await inBatches(team.agents, 10, (login) => signIn({ url: server.url, origin }, login));
    let accepted = 0;
    const agentSockets = await inBatches(team.agents, 10, async (login, i) => {
      const ws = await open(`${wsBase}/ws/agent`, { Origin: origin, Cookie: login.cookie });
      sockets.push(ws);
      let n = 0;
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { type: string; id?: string; offer?: { conversationId: string } };
        if (frame.type === 'offer') ws.send(JSON.stringify({ type: 'offer.accept', id: `a${i}-accept-${String(++n).padStart(5, '0')}`, conversationId: frame.offer!.conversationId }));
        if (frame.type === 'ack' && frame.id?.startsWith(`a${i}-accept`)) accepted++;
      });
      const welcomed = next(ws, (f) => f.type === 'welcome');
      ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
      await welcomed;
      const available = next(ws, (f) => f.type === 'ack');
      ws.send(JSON.stringify({ type: 'presence.set', id: `a${i}-presence`, status: 'available' }));
      await available;
      return ws;
    });
    const conversations = await inBatches(Array.from({ length: CONVERSATIONS }), 50, async (_, i): Promise<LoadedConversation> => {
      const response = await fetch(`${server.url}/api/visitors`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: '{}' });
      if (!response.ok) throw new Error(`POST /api/visitors: ${response.status}`);
      const { token } = (await response.json()) as { token: string };
      const ws = await open(`${wsBase}/ws/visitor`, { Origin: origin });
      sockets.push(ws);
      const welcomed = next(ws, (f) => f.type === 'welcome');
      ws.send(JSON.stringify({ type: 'hello', protocol: 1, token }));
      await welcomed;
      const started = next<{ conversationId: string }>(ws, (f) => f.type === 'ack');
      ws.send(JSON.stringify({ type: 'conversation.start', id: `v${i}-start-0000` }));
      return { conversationId: (await started).conversationId, visitor: ws };
    });
    const deadline = Date.now() + 60_000;
    while (accepted < CONVERSATIONS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (accepted < CONVERSATIONS) throw new Error(`only ${accepted} of ${CONVERSATIONS} conversations were accepted`);
    return await runLoad({ conversations, agentSockets, rate: RATE, seconds: SECONDS, warmupS: WARMUP_S, serverPid: server.pid, tag: 'ours' });
  } finally {
    for (const ws of sockets) ws.terminate();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runFloor(): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-chat-floor-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'floors/durable-ws-floor.ts'), join(dir, 'floor.db')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const sockets: WebSocket[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /READY (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      void exited.then(() => reject(new Error(`the floor exited: ${out}`)));
    });
    const agents = Math.ceil(CONVERSATIONS / PER_AGENT);
    const agentSockets = await inBatches(Array.from({ length: agents }), 50, async (_, i) => open(`ws://127.0.0.1:${port}/agent?id=a${i}`));
    sockets.push(...agentSockets);
    const conversations = await inBatches(Array.from({ length: CONVERSATIONS }), 50, async (_, i): Promise<LoadedConversation> => {
      const ws = await open(`ws://127.0.0.1:${port}/visitor?conversation=c${i}&agent=a${i % agents}`);
      sockets.push(ws);
      return { conversationId: `c${i}`, visitor: ws };
    });
    return await runLoad({ conversations, agentSockets, rate: RATE, seconds: SECONDS, warmupS: WARMUP_S, serverPid: child.pid!, tag: 'floor' });
  } finally {
    for (const ws of sockets) ws.terminate();
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Chat under load: ${CONVERSATIONS} conversations, ${RATE} visitor messages/s for ${SECONDS} s (after ${WARMUP_S} s warm-up), Node ${process.version}, load average ${(await import('node:os')).loadavg()[0]!.toFixed(2)}`);
const floor = await runFloor();
const ours = await runOurs();
const f = (n: number) => n.toFixed(2).padStart(8);
console.log('\n                                   ours       floor');
console.log(`visitor → agent p50 (ms)       ${f(ours.deliverP50)}    ${f(floor.deliverP50)}`);
console.log(`visitor → agent p99 (ms)       ${f(ours.deliverP99)}    ${f(floor.deliverP99)}`);
console.log(`send → ack p50 (ms)            ${f(ours.ackP50)}    ${f(floor.ackP50)}`);
console.log(`send → ack p99 (ms)            ${f(ours.ackP99)}    ${f(floor.ackP99)}`);
console.log(`server CPU per message (ms)    ${f(ours.cpuPerMessageMs)}    ${f(floor.cpuPerMessageMs)}`);
console.log(`  of which in the kernel         ${f(ours.systemShareOfCpu)}    ${f(floor.systemShareOfCpu)}`);
console.log(`server CPU (share of a core)   ${f(ours.cpuShare)}    ${f(floor.cpuShare)}`);
console.log(`sent / acked / delivered       ${ours.sent}/${ours.acked}/${ours.delivered}    ${floor.sent}/${floor.acked}/${floor.delivered}`);
const peerLabel = 'durable ws + SQLite floor';
reportBench({ figure: `chat visitor → agent p99 (ms), ${CONVERSATIONS} conv, ${RATE}/s`, ours: ours.deliverP99, peer: floor.deliverP99, peerLabel, target: '< 20', met: ours.deliverP99 < 20 });
reportBench({ figure: 'chat send → ack p99 (ms)', ours: ours.ackP99, peer: floor.ackP99, peerLabel, target: '< 15', met: ours.ackP99 < 15 });
reportBench({ figure: 'chat server CPU per message (ms)', ours: ours.cpuPerMessageMs, peer: floor.cpuPerMessageMs, peerLabel, target: '≤ 0.3', met: ours.cpuPerMessageMs <= 0.3 });
if (ours.acked < ours.sent || ours.delivered < ours.sent) console.log(`WARNING: ours acked ${ours.acked} and delivered ${ours.delivered} of ${ours.sent}`);
