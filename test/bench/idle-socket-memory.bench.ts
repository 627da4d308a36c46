/**
 * Idle-socket memory benchmark (not a test): what one open, idle visitor socket costs the server's
 * heap, and how many live timers it adds. The server (app, store, services) runs in this process;
 * the clients run in a worker thread, whose heap is its own, so they do not count. Heap figures
 * are read after a forced full GC, before the sockets open and once they are all open.
 *
 *   node --expose-gc --import tsx test/bench/idle-socket-memory.bench.ts [--sockets 2000]
 */
import { Worker } from 'node:worker_threads';
import { startTestServer } from '../support/in-process-server.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('--sockets', 2000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** Heap in use after two full collections (the second catches what finalizers released). */
function settledHeap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

// The clients: `count` sockets to /ws/visitor that say nothing after opening.
const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { WebSocket } = require('ws');
const sockets = [];
let open = 0;
for (let i = 0; i < workerData.count; i++) {
  const ws = new WebSocket(workerData.url, { headers: { origin: workerData.origin } });
  ws.on('open', () => { if (++open === workerData.count) parentPort.postMessage('open'); });
  ws.on('error', (e) => parentPort.postMessage('error ' + e.message));
  sockets.push(ws);
}
parentPort.on('message', (m) => { if (m === 'close') { for (const ws of sockets) ws.terminate(); parentPort.postMessage('closed'); } });
`;

const server = await startTestServer({ allowedOrigins: ['*'] });
// Warm the path once (first-use allocations in ws, Hono and the services are not per socket).
await runClients(20).then((w) => w.terminate());
await new Promise((resolve) => setTimeout(resolve, 300));
const before = settledHeap();
const timersBefore = timers();
const worker = await runClients(count);
await new Promise((resolve) => setTimeout(resolve, 500));
const after = settledHeap();
const timersAfter = timers();
console.log(`${count} idle sockets: heap ${(before / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MiB, ${Math.round((after - before) / count)} bytes per socket; timers ${timersBefore} → ${timersAfter}`);
await worker.terminate();
await server.close();

async function runClients(n: number): Promise<Worker> {
  const worker = new Worker(CLIENTS, { eval: true, workerData: { count: n, url: `${server.url.replace('http', 'ws')}/ws/visitor`, origin: server.url } });
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: string) => (m === 'open' ? resolve() : m.startsWith('error') ? reject(new Error(m)) : undefined));
  });
  return worker;
}
