/**
 * Drives the chat-load benchmark's message load over already-open sockets, the same for our server
 * and the floor: an open-loop schedule at a fixed rate, round robin over the conversations, each
 * visitor's `message.send` timed to its `ack` and to the agent socket's `events` frame carrying it.
 */
import { readFileSync } from 'node:fs';
import type WebSocket from 'ws';
import { quantile } from './bench-result.js';

/** A conversation as the load sees it: the visitor's socket that sends into it. */
export interface LoadedConversation {
  conversationId: string;
  visitor: WebSocket;
}

export interface LoadResult {
  sent: number;
  acked: number;
  delivered: number;
  deliverP50: number;
  deliverP99: number;
  ackP50: number;
  ackP99: number;
  /** Server CPU (user + system) per acked message, ms. */
  cpuPerMessageMs: number;
  /** The part of that CPU spent in the kernel (socket writes, fsync), as a share. */
  systemShareOfCpu: number;
  /** Server CPU over the measured window, as a share of one core. */
  cpuShare: number;
}

/** User and system CPU of a process so far, in ms (Linux: /proc/<pid>/stat, 100 ticks a second). */
export function cpuMs(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // Fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name.
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

/**
 * Sends `rate` messages a second for `warmupS + seconds`, measuring only after the warm-up, then
 * waits (bounded) for the last answers. `agentSockets` are where deliveries are heard.
 */
export async function runLoad(opts: { conversations: LoadedConversation[]; agentSockets: WebSocket[]; rate: number; seconds: number; warmupS: number; serverPid: number; tag: string }): Promise<LoadResult> {
  const sentAt = new Map<string, number>();
  const measured = new Set<string>();
  const ackMs: number[] = [];
  const deliverMs: number[] = [];
  let acked = 0;
  let delivered = 0;
  const onVisitorFrame = (data: WebSocket.RawData) => {
    const frame = JSON.parse(String(data)) as { type: string; id?: string };
    if (frame.type === 'error') console.error(`${opts.tag}: error frame ${String(data)}`);
    if (frame.type !== 'ack' || !frame.id || !sentAt.has(frame.id)) return;
    acked++;
    if (measured.has(frame.id)) ackMs.push(performance.now() - sentAt.get(frame.id)!);
  };
  const onAgentFrame = (data: WebSocket.RawData) => {
    const frame = JSON.parse(String(data)) as { type: string; events?: { type: string; clientId?: string }[] };
    if (frame.type !== 'events') return;
    for (const e of frame.events ?? []) {
      if (e.type !== 'message' || !e.clientId) continue;
      const at = sentAt.get(e.clientId);
      if (at === undefined) continue;
      delivered++;
      if (measured.has(e.clientId)) deliverMs.push(performance.now() - at);
    }
  };
  for (const c of opts.conversations) c.visitor.on('message', onVisitorFrame);
  for (const a of opts.agentSockets) a.on('message', onAgentFrame);

  const total = Math.round(opts.rate * (opts.warmupS + opts.seconds));
  const warmupCount = Math.round(opts.rate * opts.warmupS);
  let sent = 0;
  let cpuStart = { user: 0, system: 0 };
  let measureStart = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * opts.rate));
      while (sent < due) {
        if (sent === warmupCount) {
          cpuStart = cpuMs(opts.serverPid);
          measureStart = performance.now();
        }
        const c = opts.conversations[sent % opts.conversations.length]!;
        const id = `${opts.tag}-m${String(sent).padStart(7, '0')}`;
        sentAt.set(id, performance.now());
        if (sent >= warmupCount) measured.add(id);
        c.visitor.send(JSON.stringify({ type: 'message.send', id, conversationId: c.conversationId, text: `hello from the load, message ${sent}` }));
        sent++;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  const deadline = Date.now() + 20_000;
  while ((acked < sent || delivered < sent) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const windowMs = performance.now() - measureStart;
  const cpuEnd = cpuMs(opts.serverPid);
  const user = cpuEnd.user - cpuStart.user;
  const system = cpuEnd.system - cpuStart.system;
  const cpu = user + system;
  for (const c of opts.conversations) c.visitor.off('message', onVisitorFrame);
  for (const a of opts.agentSockets) a.off('message', onAgentFrame);
  ackMs.sort((a, b) => a - b);
  deliverMs.sort((a, b) => a - b);
  return {
    sent,
    acked,
    delivered,
    deliverP50: quantile(deliverMs, 0.5),
    deliverP99: quantile(deliverMs, 0.99),
    ackP50: quantile(ackMs, 0.5),
    ackP99: quantile(ackMs, 0.99),
    cpuPerMessageMs: cpu / Math.max(1, ackMs.length),
    systemShareOfCpu: system / Math.max(1, cpu),
    cpuShare: cpu / windowMs,
  };
}
