/**
 * Idle-socket benchmark (not a test): what one open, idle visitor socket costs a server, and how
 * long opening them all takes, beside the peers the issue names, measured the same way in the same
 * run: the stock PeerJS server (`peer`, one peer per socket) and the stock y-websocket 1.5 server
 * (all sockets in one document). Each server is its own program from its own command line, in a
 * child process with heap-probe.mjs preloaded; ours is the production build (`npm run build`). The
 * clients are another process. Heap figures are read after forced full GCs, before the sockets
 * open and once they are all open.
 *
 *   npx tsx test/bench/idle-socket-memory.bench.ts [--sockets 10000]   (BENCH_QUICK=1: 2,000)
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quantile, quick, reportBench } from './bench-result.js';
import { freePort } from '../support/server-process.js';
import { productionServer, repoRoot } from './child-server.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('--sockets', quick ? 2000 : 10_000);
/** Handshakes in flight at once; below Node's default listen backlog (511). */
const WINDOW = 400;

interface Measured {
  heapUsed: number;
  rss: number;
  timers: number;
}

interface Contender {
  label: string;
  /** How to start the program on `port`, the line that says it listens, and its socket URL (`{i}` is the socket's index). */
  start(port: number): { args: string[]; env: Record<string, string>; ready: RegExp; socketUrl: string; cleanUp?: () => void };
}

const ours: Contender = {
  label: 'switchboard (production build)',
  start(port) {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-idle-'));
    const program = productionServer(dataDir);
    return {
      args: program.args,
      env: { ...program.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
      ready: /^LISTENING \d+$/m,
      socketUrl: `ws://127.0.0.1:${port}/ws/visitor`,
      cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

const peerjs: Contender = {
  label: 'PeerJS server (peer 1.0.2)',
  start(port) {
    return {
      args: [join(repoRoot, 'node_modules/peer/dist/bin/peerjs.js'), '--host', '127.0.0.1', '--port', String(port), '--concurrent_limit', String(count * 2)],
      env: {},
      ready: /port: \d+/,
      socketUrl: `ws://127.0.0.1:${port}/peerjs?key=peerjs&id=idle-{i}&token=t{i}`,
    };
  },
};

const yWebsocket: Contender = {
  label: 'y-websocket server 1.5.4',
  start(port) {
    return {
      args: [join(repoRoot, 'node_modules/y-websocket-v1/bin/server.js')],
      env: { HOST: '127.0.0.1', PORT: String(port) },
      ready: /running at/,
      socketUrl: `ws://127.0.0.1:${port}/idle-room`,
    };
  },
};

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message as string);
  });
}

interface Result {
  label: string;
  bytesPerSocket: number;
  rssPerSocket: number;
  openMs: number;
  timers: string;
}

async function measure(contender: Contender): Promise<Result> {
  const port = await freePort();
  const program = contender.start(port);
  const server = spawn(process.execPath, ['--expose-gc', '--import', join(import.meta.dirname, 'heap-probe.mjs'), ...program.args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...program.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      // PeerJS logs every client; only the start is needed.
      if (output.length < 100_000) output += chunk.toString();
      if (program.ready.test(output)) resolve();
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`${contender.label} exited:\n${output}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  const clients = fork(join(import.meta.dirname, 'idle-socket-clients.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    // Warm the path once: first-use allocations in the server are not per socket.
    await ask(clients, { url: program.socketUrl.replaceAll('{i}', 'warm-{i}'), origin, count: 20, window: 20 });
    const before = await ask<Measured>(server, 'heap');
    const opened = await ask<{ openMs: number; failures: string[] }>(clients, { url: program.socketUrl, origin, count, window: WINDOW });
    if (opened.failures.length) throw new Error(`${contender.label}: sockets failed to open: ${opened.failures.join('; ')}`);
    const after = await ask<Measured>(server, 'heap');
    const result = {
      label: contender.label,
      bytesPerSocket: (after.heapUsed - before.heapUsed) / count,
      rssPerSocket: (after.rss - before.rss) / count,
      openMs: opened.openMs,
      timers: `${before.timers} → ${after.timers}`,
    };
    console.log(
      `${contender.label}: ${count} idle sockets open in ${(opened.openMs / 1000).toFixed(2)} s; heap ${(before.heapUsed / 2 ** 20).toFixed(1)} → ${(after.heapUsed / 2 ** 20).toFixed(1)} MiB (${Math.round(result.bytesPerSocket)} B per socket), RSS ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MiB; timers ${result.timers}`,
    );
    return result;
  } finally {
    clients.send('close');
    server.kill('SIGKILL');
    await exited;
    program.cleanUp?.();
  }
}

// Rounds in alternating order, so neither side always runs on a warmer or cooler machine.
const rounds = quick ? 1 : 3;
const byLabel = new Map<string, Result[]>();
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? [ours, peerjs, yWebsocket] : [yWebsocket, peerjs, ours];
  for (const contender of order) {
    const result = await measure(contender);
    byLabel.set(result.label, [...(byLabel.get(result.label) ?? []), result]);
  }
}
/** The median round of a contender for one figure. */
const median = (contender: Contender, figure: (r: Result) => number) => quantile(byLabel.get(contender.label)!.map(figure).sort((a, b) => a - b), 0.5);
const kib = (r: Result) => r.bytesPerSocket / 1024;
const rssKib = (r: Result) => r.rssPerSocket / 1024;
const seconds = (r: Result) => r.openMs / 1000;
reportBench({ figure: `heap per idle visitor socket, ${count} sockets (KiB)`, ours: median(ours, kib), peer: median(peerjs, kib), peerLabel: 'PeerJS server', target: '≤ 8', met: median(ours, kib) <= 8 });
reportBench({ figure: 'heap per idle socket, y-websocket beside it (KiB)', ours: median(ours, kib), peer: median(yWebsocket, kib), peerLabel: 'y-websocket 1.5.4, one document' });
reportBench({ figure: `RSS per idle visitor socket, ${count} sockets (KiB)`, ours: median(ours, rssKib), peer: median(peerjs, rssKib), peerLabel: 'PeerJS server' });
reportBench({ figure: `time to open ${count} visitor sockets (s)`, ours: median(ours, seconds), peer: median(peerjs, seconds), peerLabel: 'PeerJS server', target: '≤ 5', met: median(ours, seconds) <= 5 });
