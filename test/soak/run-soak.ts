/**
 * The soak test (`npm run soak`): 1,000 visitors and 50 agents on real sockets against the real
 * server in a child process, for SOAK_SECONDS (600 by default), with dropped connections, page
 * reloads, transfers, one graceful (SIGTERM) and one kill -9 restart. At the end every acked
 * message must be shown once, in order, in both apps' views, and the server's heap (after a full
 * GC), sockets and timers must be where they were at the same load. Prints the figures; exits 1 on
 * any violation. Not part of `npm test` (CI runs it once with SOAK_SECONDS=60).
 */
import { freePort, tempDataDir } from '../support/server-process.js';
import { PRESENCE_GRACE_MS } from '../../signaling/routing/presence-service.js';
import { SoakAgent } from './soak-agent.js';
import { startChaos } from './soak-chaos.js';
import { SoakLedger } from './soak-ledger.js';
import { printReport, type Readings } from './soak-report.js';
import { soakServer, type ServerReading } from './soak-server.js';
import { seedCenter, signIn } from './soak-setup.js';
import { verifyTimelines } from './soak-verify.js';
import { SoakVisitor } from './soak-visitor.js';

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const seconds = envNumber('SOAK_SECONDS', 600);
const visitorCount = envNumber('SOAK_VISITORS', 1000);
const agentCount = envNumber('SOAK_AGENTS', 50);
/**
 * Mean pause between a visitor's actions: 1,000 visitors every 30 s is about 33 messages a second,
 * plus the agents' replies to half of them. (Each commit is synced to disk: about 5 ms each here.)
 */
const actionMs = envNumber('SOAK_ACTION_MS', 30_000);
const capacity = Math.min(20, Math.ceil(visitorCount / agentCount));
const HEAP_TOLERANCE = 0.1;
/** Every visitor and agent connected, once each. */
const expectedSockets = visitorCount + agentCount;

const ledger = new SoakLedger();
/**
 * Where the database goes: the OS's temp directory by default. Every commit is synced to disk
 * (about 5 ms each on the machine this was written on), which bounds the load; SOAK_DATA_DIR=/dev/shm
 * (memory) keeps the disk out of it, as CI does to finish in about two minutes.
 */
const data = tempDataDir(process.env.SOAK_DATA_DIR || undefined);
const server = soakServer(await freePort(), data.databaseUrl);
const started = Date.now();
// Whatever happens, the run ends: its own time plus a quarter of an hour for setting up and checking.
setTimeout(() => {
  console.error('SOAK FAILED: the run did not finish in time');
  try {
    server.killNow();
  } catch {
    // Already gone.
  }
  data.dispose();
  process.exit(1);
}, (seconds + 900) * 1000).unref();
const log = (line: string) => console.log(`[soak ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const readings: Readings = {};
let visitors: SoakVisitor[] = [];
let agents: SoakAgent[] = [];

try {
  const team = await seedCenter(data.databaseUrl, agentCount, capacity);
  await server.start();
  readings.empty = await server.read();
  // Signing in over REST, ten at a time.
  for (let i = 0; i < team.agents.length; i += 10) await Promise.all(team.agents.slice(i, i + 10).map((login) => signIn(server, login)));
  log(`${agentCount} agents signed in (chat capacity ${capacity} each)`);

  agents = team.agents.map((login, i) => new SoakAgent(i, login, server, ledger, 0.5));
  await Promise.all(agents.map((a) => a.connect(Date.now() + 60_000)));
  agents.forEach((a) => a.startActing());
  visitors = Array.from({ length: visitorCount }, (_, i) => new SoakVisitor(i, server, ledger, { actionMs, endChance: 0.05, maxConversations: 15 }));
  // Arriving over a few seconds, 50 at a time, each starting to chat as soon as connected.
  for (let i = 0; i < visitors.length; i += 50) {
    await Promise.all(
      visitors.slice(i, i + 50).map(async (v) => {
        await v.register();
        if (await v.connect(Date.now() + 60_000)) v.startActing();
      }),
    );
  }
  log(`${visitors.filter((v) => v.connected).length} visitors connected`);

  const chaos = startChaos(visitors, agents, ledger, { visitorDrops: Math.ceil(visitorCount / 400), visitorReloads: Math.ceil(visitorCount / 500), agentDrop: 0.2, transfers: 1 }, team.queueId, capacity);
  const progress = setInterval(() => log(`sent ${ledger.counts.messagesSent}, acked ${ledger.counts.messagesAcked}, reconnects ${ledger.counts.reconnects}, reloads ${ledger.counts.reloads}, transfers ${ledger.counts.transfers}, connected ${visitors.filter((v) => v.connected).length + agents.filter((a) => a.connected).length}`), 10_000);
  const loadStart = Date.now();
  /** Waits until this fraction of the load's time has passed. */
  const until = (fraction: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, loadStart + seconds * 1000 * fraction - Date.now())));

  /** Holds the disturbances, waits for everyone to be connected, and reads the server after a full GC. */
  const measure = async (label: string): Promise<ServerReading> => {
    chaos.pause();
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && ![...visitors, ...agents].every((p) => p.connected)) await new Promise((resolve) => setTimeout(resolve, 200));
    const missing = [...visitors, ...agents].filter((p) => !p.connected).length;
    if (missing > 0) ledger.violation(`${label}: ${missing} parties not connected after 2 minutes`);
    // A connection dropped a moment ago may not be closed on the server's side yet: wait (bounded) for the count to settle.
    let reading = await server.read();
    for (let tries = 0; tries < 20 && reading.sockets !== expectedSockets; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      reading = await server.read();
    }
    chaos.resume();
    log(`${label}: heap ${(reading.heapUsedBytes / 2 ** 20).toFixed(1)} MiB, ${reading.sockets} sockets, ${reading.timers} timers`);
    return reading;
  };

  readings.first = await measure('first reading');
  await until(0.15);
  log('graceful restart (SIGTERM)');
  const code = await server.stop();
  if (code !== 0) ledger.violation(`the graceful shutdown exited with ${code}`);
  await server.start();
  ledger.counts.restarts++;
  await until(0.3);
  log('kill -9 restart');
  await server.crash();
  await server.start();
  ledger.counts.restarts++;
  // The leak check runs within one process: from a reading after the last restart (warmed up) to the end.
  await until(0.4);
  readings.start = await measure('start reading');
  await until(1);
  readings.end = await measure('end reading');
  chaos.stop();
  clearInterval(progress);

  log('load stopped; waiting for every sent message to be answered');
  visitors.forEach((v) => v.stopActing());
  agents.forEach((a) => a.stopActing());
  const settleBy = Date.now() + 60_000;
  const settled = await Promise.all([...visitors, ...agents].map((p) => p.settle(settleBy)));
  if (settled.some((ok) => !ok)) ledger.violation(`${settled.filter((ok) => !ok).length} parties still had unanswered messages after 60 s`);

  await signIn(server, team.supervisor);
  const supervisor = new SoakAgent(agentCount, team.supervisor, server, ledger, 0);
  await supervisor.connect(Date.now() + 30_000);
  log(`reading ${ledger.owners.size} conversations back in both apps`);
  const verified = await verifyTimelines(ledger, visitors, agents, supervisor);
  ledger.counts.messagesVerified = Math.min(verified.inWidget, verified.inAgentApp);
  // A server that refuses everything must not pass: messages flow, and are refused only for a chat that ended or moved.
  if (ledger.counts.messagesAcked === 0 || ledger.counts.offersAccepted === 0) ledger.violation('no message was acked or no offer accepted');
  for (const [reason, count] of ledger.refusals) if (reason !== 'conversation-ended' && reason !== 'not-found') ledger.violation(`${count} messages refused with ${reason}`);
  if (verified.inWidget !== ledger.counts.messagesAcked) ledger.violation(`${ledger.counts.messagesAcked} messages acked, ${verified.inWidget} found in the widget's view`);
  if (verified.inAgentApp !== ledger.counts.messagesAcked) ledger.violation(`${ledger.counts.messagesAcked} messages acked, ${verified.inAgentApp} found in the agent app's view`);

  await Promise.all([...visitors, ...agents, supervisor].map((p) => p.disconnect()));
  // The server notices closed sockets at once, but each agent whose last window went stays present
  // for the presence grace (a timer each, 20 s): bounded wait for sockets and timers to come back.
  const closeBy = Date.now() + PRESENCE_GRACE_MS + 30_000;
  const empty = readings.empty;
  const settledAfter = (r: ServerReading) => r.sockets <= empty.sockets && r.timers <= empty.timers + 10;
  do readings.after = await server.read();
  while (!settledAfter(readings.after) && Date.now() < closeBy && (await new Promise((resolve) => setTimeout(resolve, 1000)), true));

  for (const [label, r] of [['start', readings.start], ['end', readings.end]] as const) {
    if (r.sockets !== expectedSockets) ledger.violation(`${label} reading: ${r.sockets} sockets open, expected ${expectedSockets}`);
  }
  if (readings.after.sockets !== readings.empty.sockets) ledger.violation(`${readings.after.sockets} sockets open after everyone left (${readings.empty.sockets} before anyone came)`);
  if (readings.end.heapUsedBytes > readings.start.heapUsedBytes * (1 + HEAP_TOLERANCE)) ledger.violation(`heap grew from ${readings.start.heapUsedBytes} to ${readings.end.heapUsedBytes} bytes at the same load (over ${HEAP_TOLERANCE * 100}%)`);
  if (readings.end.timers > readings.start.timers * (1 + HEAP_TOLERANCE) + 10) ledger.violation(`timers grew from ${readings.start.timers} to ${readings.end.timers} at the same load`);
  if (readings.after.timers > readings.empty.timers + 10) ledger.violation(`${readings.after.timers} timers after everyone left (${readings.empty.timers} before anyone came)`);

  const exit = await server.stop();
  if (exit !== 0) ledger.violation(`the final graceful shutdown exited with ${exit}`);
  printReport({ dataDir: data.dir, seconds, visitors: visitorCount, agents: agentCount, ledger, verified, readings, wallSeconds: (Date.now() - started) / 1000 });
} catch (error) {
  ledger.violation(`the run failed: ${(error as Error).stack ?? String(error)}`);
  console.error(server.output().slice(-4000));
  await server.crash().catch(() => {});
} finally {
  data.dispose();
}

if (ledger.violations.length > 0) {
  console.log(`\nSOAK FAILED: ${ledger.violations.length} violation(s)`);
  for (const v of ledger.violations.slice(0, 50)) console.log(`  - ${v}`);
  process.exit(1);
}
console.log('\nSOAK PASSED');
process.exit(0);
