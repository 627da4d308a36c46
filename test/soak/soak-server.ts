/**
 * The server under soak: the real entry point in a child process (so it can be stopped with SIGTERM
 * and killed with SIGKILL), with Node's inspector on a loopback port of its own so the harness can
 * force a full garbage collection before it reads the heap from /metrics, and count live timers.
 */
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../support/server-process.js';

export const SOAK_ADMIN = { email: 'admin@soak.local', password: 'soak-admin-password-1' };
export const SOAK_SECRET = 'soak-secret-soak-secret-soak-secret-0123';
const METRICS_TOKEN = 'soak-metrics-token-0123456789';

/** What /metrics says about the process, read right after a forced full GC. */
export interface ServerReading {
  heapUsedBytes: number;
  sockets: number;
  timers: number;
  handles: number;
}

export interface SoakServer {
  readonly url: string;
  readonly origin: string;
  /** Starts the process (again) on the same port and data directory. */
  start(): Promise<void>;
  /** SIGTERM: resolves with the exit code of the graceful shutdown. */
  stop(): Promise<number | null>;
  /** kill -9. */
  crash(): Promise<void>;
  /** kill -9 without waiting, for a run that must end now. */
  killNow(): void;
  /** Forces a full GC in the server, then reads its metrics. */
  read(): Promise<ServerReading>;
  output(): string;
}

/** For a closer look at a run, e.g. SOAK_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' (written at each graceful stop). */
const extraNodeArgs = (process.env.SOAK_NODE_ARGS ?? '').split(' ').filter(Boolean);

export function soakServer(port: number, databaseUrl: string): SoakServer {
  let running: RunningServer | undefined;
  const url = `http://127.0.0.1:${port}`;
  const env = {
    SWITCHBOARD_DEMO: '0',
    SWITCHBOARD_ADMIN_EMAIL: SOAK_ADMIN.email,
    SWITCHBOARD_ADMIN_PASSWORD: SOAK_ADMIN.password,
    SWITCHBOARD_SECRET: SOAK_SECRET,
    METRICS_TOKEN,
    LOG_LEVEL: 'error',
  };
  return {
    url,
    origin: url,
    async start() {
      let timer: NodeJS.Timeout | undefined;
      const starting = startServer({ port, databaseUrl, env, nodeArgs: ['--inspect=127.0.0.1:0', ...extraNodeArgs] });
      try {
        running = await Promise.race([starting, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the server did not listen within 2 minutes')), 120_000)))]);
      } finally {
        clearTimeout(timer);
      }
    },
    stop: () => running!.stop(),
    crash: () => running!.crash(),
    killNow() {
      if (running) process.kill(running.pid, 'SIGKILL');
    },
    output: () => running?.output() ?? '',
    async read() {
      const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(running!.output())?.[1];
      if (!inspector) throw new Error('the server printed no inspector address');
      const timers = await collectAndCountTimers(inspector);
      const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
      const text = await response.text();
      const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
      return {
        heapUsedBytes: value(/^nodejs_heap_size_used_bytes (\S+)$/m),
        sockets: value(/^switchboard_websocket_connections (\S+)$/m),
        timers,
        handles: value(/^nodejs_active_handles_total (\S+)$/m),
      };
    },
  };
}

/**
 * Through the DevTools protocol: two full collections (the second picks up what finalizers freed),
 * then the live timers, counted as the Timeout objects not yet cleared or fired. (Node's own count,
 * `nodejs_active_resources`, leaves out unref'd timers such as the sockets' heartbeats.)
 */
async function collectAndCountTimers(inspectorUrl: string): Promise<number> {
  const ws = new WebSocket(inspectorUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const call = <T = Record<string, unknown>>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${method} took over 30 s`)), 30_000);
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: T; error?: { message: string } };
        if (message.id !== id) return;
        clearTimeout(timer);
        ws.off('message', onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result as T);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('HeapProfiler.enable');
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const prototype = await call<{ result: { objectId: string } }>('Runtime.evaluate', {
      expression: '(() => { const t = setTimeout(() => {}, 0); clearTimeout(t); return Object.getPrototypeOf(t); })()',
    });
    const timers = await call<{ objects: { objectId: string } }>('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId });
    const live = await call<{ result: { value: number } }>('Runtime.callFunctionOn', {
      objectId: timers.objects.objectId,
      functionDeclaration: 'function () { return this.filter((t) => !t._destroyed).length; }',
      returnByValue: true,
    });
    return live.result.value;
  } finally {
    ws.close();
  }
}
