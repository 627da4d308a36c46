/** One `switchboard` command: what it takes, what it does, and its exit code (0 done, 1 failed, 2 misused). */
import type { Config } from '../../config.js';

export interface Command {
  usage: string;
  summary: string;
  run(args: string[], config: Config | undefined): Promise<number>;
}

/** The value after `--name`, or undefined. */
export function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Everything stdin holds, for `--password-stdin` (a password never belongs on a command line). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
