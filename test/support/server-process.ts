/** Runs the real server as a child process, as `npm start` does, on a loopback port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..');

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  /** The server's process id. */
  pid: number;
  /** Everything the process printed. */
  output(): string;
  /** SIGTERM, and wait for a clean exit (graceful shutdown). Resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (kill -9), as a crash or an OOM killer would; resolves once the process is gone. */
  crash(): Promise<void>;
}

export interface ServerOptions {
  port?: number;
  env?: Record<string, string>;
  /** The working directory (the repository by default): relative defaults such as `./data/` and `dist/app` resolve there. */
  cwd?: string;
  /** Node's own options before the entry (`--inspect=127.0.0.1:0` for the soak test's heap readings). */
  nodeArgs?: string[];
}

/**
 * How the server's environment is made: on top of this process's, with a database of the test's
 * own; or `clean`, holding nothing but PORT, LOG_LEVEL=warn and `env`, as on a machine where
 * nobody configured anything (every setting takes its default, the admin's password is generated).
 */
export type ServerEnvironment = { databaseUrl: string } | { clean: true };

/** Starts the server and resolves once it prints its LISTENING line. */
export async function startServer(options: ServerOptions & ServerEnvironment): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const env =
    'clean' in options
      ? { PORT: String(port), LOG_LEVEL: 'warn', ...options.env }
      : // Warnings and errors only, unless the test or the person running it asks for more.
        { LOG_LEVEL: 'warn', ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: options.databaseUrl, ...options.env };
  // tsx and the entry by absolute path, so the server also starts from a directory outside the repository.
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', import.meta.resolve('tsx'), join(repoRoot, 'signaling/server.ts')], {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^LISTENING \d+$/m.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
    async crash() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A temporary directory for one test's database (in `parent`, the OS's temp directory by default), removed by `dispose`. */
export function tempDataDir(parent = tmpdir()): { databaseUrl: string; dir: string; dispose(): void } {
  const dir = mkdtempSync(join(parent, 'sb-e2e-'));
  return { databaseUrl: `sqlite:${join(dir, 'switchboard.db')}`, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh directory laid out like an installation the server starts in: `dist` (the built front
 * ends) and `tsconfig.json` (tsx compiles the server with it, as under `npm start`) link to the
 * repository's; `./data/` is created there on first start. Removed by `dispose`.
 */
export function installDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-install-'));
  symlinkSync(join(repoRoot, 'dist'), join(dir, 'dist'));
  symlinkSync(join(repoRoot, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
