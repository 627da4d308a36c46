/**
 * Cuts a customer's e-mail reply down to what they wrote, with a maintained reply parser
 * (email-reply-parser: Outlook and Gmail headers, wrapped "wrote:" lines, a dozen languages,
 * signatures) run in a worker thread under a time budget.
 *
 * Why a worker: like every parser of its kind it is a list of backtracking regular expressions,
 * and a hostile mail (measured: 3,000 lines of "Op maandag schreef", or one 120 kB line starting
 * "On ") keeps it busy for seconds to minutes. Mail comes from anyone, so it runs off the event
 * loop; past the budget the worker is ended and a plain line-by-line cut answers instead.
 */
import { Worker } from 'node:worker_threads';

const PARSER_URL = import.meta.resolve('email-reply-parser');

// Plain JavaScript, evaluated in the worker: load the parser once, answer { id, text } messages.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.parserUrl).then((m) => new m.default());
parentPort.on('message', async ({ id, text }) => {
  try {
    parentPort.postMessage({ id, text: (await ready).parseReply(text) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});`;

/** How long one mail may take before the plain cut answers instead. */
export const REPLY_PARSE_BUDGET_MS = 2_000;

/**
 * The fallback: from the first "On … wrote:" line, "-----Original Message-----", a trailing
 * `>`-quoted block or a "-- " signature delimiter on. English only, but linear in the text.
 */
export function plainNewPartOf(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let quotedFrom = lines.length;
  while (quotedFrom > 0 && (lines[quotedFrom - 1]!.startsWith('>') || lines[quotedFrom - 1]!.trim() === '')) quotedFrom--;
  const cut = lines.findIndex((line, i) => i >= quotedFrom || line === '-- ' || /^On .+wrote:\s*$/.test(line) || /^-{2,}\s*Original Message\s*-{2,}/i.test(line));
  return (cut === -1 ? lines : lines.slice(0, cut)).join('\n').trim();
}

type Pending = { resolve: (text: string) => void; fallback: string; timer: ReturnType<typeof setTimeout> };

/** One worker, started on first use and ended when idle or over budget. */
export class ReplyParser {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly budgetMs = REPLY_PARSE_BUDGET_MS) {}

  /** The new part of `text`; never rejects, never blocks the event loop on the text. */
  newPartOf(text: string): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const worker = this.start();
      // Over budget: end the worker (and whatever else it was parsing; those fall back too).
      const timer = setTimeout(() => this.stop(`over ${this.budgetMs} ms`), this.budgetMs);
      this.pending.set(id, { resolve, fallback: text, timer });
      worker.postMessage({ id, text });
    });
  }

  /** Ends the worker; pending mails get the plain cut. */
  destroy(): void {
    this.stop();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] /* plain JavaScript: no loaders */, workerData: { parserUrl: PARSER_URL } });
    worker.on('message', ({ id, text, error }: { id: number; text?: string; error?: string }) => {
      const job = this.pending.get(id);
      if (!job) return;
      this.settle(id, job, text ?? plainNewPartOf(job.fallback));
      if (error) console.warn('reply parser failed; used the plain cut:', error);
    });
    worker.on('error', (error) => this.stop(String(error)));
    // After the listeners (adding a 'message' listener refs the worker): an idle parser never keeps
    // the process alive; a mail being parsed does, through its budget timer.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stop(reason?: string): void {
    if (reason) console.warn(`reply parser ${reason}; used the plain cut`);
    void this.worker?.terminate();
    this.worker = undefined;
    for (const [id, job] of this.pending) this.settle(id, job, plainNewPartOf(job.fallback));
  }

  private settle(id: number, job: Pending, text: string): void {
    clearTimeout(job.timer);
    this.pending.delete(id);
    job.resolve(text.trim());
  }
}
