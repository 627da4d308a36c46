/** For the start-up and transfer benchmarks: spawn a server program and time it to its first answer. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** How to start one server and which line tells its port. */
export interface ServerProgram {
  label: string;
  args: string[];
  env: Record<string, string>;
  /** Matches the line the server prints once it listens; group 1 is the port. */
  portLine: RegExp;
  /** The first request that must answer 200 for the server to count as up. */
  readyPath: string;
  /** Removes what the run left behind (a data directory). */
  cleanUp?: () => void;
}

export interface StartedServer {
  port: number;
  /** Milliseconds from spawn to a 200 on `readyPath`. */
  readyMs: number;
  stop(): Promise<void>;
}

/**
 * Our production build with nothing in its environment but PORT=0 and DATABASE_URL: a fresh data
 * directory of its own (a first start), or `dir`, kept, for a restart.
 */
export function productionServer(dir?: string): ServerProgram {
  const entry = join(repoRoot, 'dist/server/server.js');
  if (!existsSync(entry)) throw new Error('dist/server/server.js is missing: run `npm run build` first');
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'sb-bench-'));
  return {
    label: dir ? 'switchboard, production build, restart' : 'switchboard, production build, first start',
    args: ['--enable-source-maps', entry],
    env: { PORT: '0', DATABASE_URL: `sqlite:${join(dataDir, 'switchboard.db')}` },
    portLine: /^LISTENING (\d+)$/m,
    readyPath: '/readyz',
    ...(dir ? {} : { cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) }),
  };
}

/** What `npm start` runs: the TypeScript sources under tsx. */
export function tsxServer(): ServerProgram {
  const program = productionServer();
  return { ...program, label: 'switchboard, tsx sources, first start', args: ['--import', 'tsx', join(repoRoot, 'signaling/server.ts')] };
}

/** The stock PeerJS server (`peer` from npm), started from its own command line. */
export function peerServer(): ServerProgram {
  return {
    label: 'PeerJS server (peer 1.0), peerjs command',
    args: [join(repoRoot, 'node_modules/peer/dist/bin/peerjs.js'), '--host', '127.0.0.1'],
    env: { PORT: '0' },
    portLine: /port: (\d+)/,
    readyPath: '/',
  };
}

export function getStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

/** Spawns the program and resolves once its ready path answers 200 (rejects after 60 s). */
export async function startTimed(program: ServerProgram): Promise<StartedServer> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, program.args, { cwd: repoRoot, env: program.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${program.label}: no port line within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = program.portLine.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`${program.label} exited before listening:\n${output}`)));
  });
  const status = await getStatus(port, program.readyPath);
  const readyMs = performance.now() - started;
  if (status !== 200) throw new Error(`${program.label}: ${program.readyPath} answered ${status}`);
  return {
    port,
    readyMs,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      program.cleanUp?.();
    },
  };
}
