/** What the privacy tests share: contacts made the way the widget and the agent app make them, and a look into every table. */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { connectAgent, connectVisitor } from '../../test/support/connect.js';
import type { TestServer } from '../../test/support/in-process-server.js';
import type { CallView } from '../protocol/call.js';
import type { ServerFrame } from '../protocol/server-frames.js';

export type Visitor = Awaited<ReturnType<typeof connectVisitor>>;
export type Agent = Awaited<ReturnType<typeof connectAgent>>;

export const visitorIdOf = (v: Visitor) => (v.welcome as Extract<ServerFrame, { type: 'welcome'; role: 'visitor' }>).visitor.id;

/** Sends a frame that answers with an ack, and returns the ack. */
export async function ask(party: Visitor | Agent, frame: Record<string, unknown> & { id: string }) {
  party.socket.send(frame);
  const answer = await party.socket.answer(frame.id);
  assert.equal(answer.type, 'ack', `${String(frame.type)} was refused: ${JSON.stringify(answer)}`);
  return answer as { conversationId?: string };
}

/** The visitor starts a chat and says something; its conversation id. */
export async function startChat(v: Visitor, clientId: string, text: string): Promise<string> {
  const { conversationId } = await ask(v, { type: 'conversation.start', id: clientId });
  await ask(v, { type: 'message.send', id: `${clientId}-m`, conversationId: conversationId!, text });
  return conversationId!;
}

/** The agent takes an offered conversation. */
export async function take(agent: Agent, conversationId: string): Promise<void> {
  await agent.socket.next('offer', (o) => o.offer.conversationId === conversationId);
  await ask(agent, { type: 'offer.accept', id: `accept-${conversationId.slice(0, 8)}`, conversationId });
}

/** The agent ends a conversation and records its outcome (the demo queue has no wrap-up time, so none is owed). */
export async function finish(agent: Agent, conversationId: string): Promise<void> {
  await ask(agent, { type: 'conversation.end', id: `end-${conversationId.slice(0, 8)}`, conversationId });
}

/** A call the agent answers, and a recording of it made with the caller's consent; the recording's bytes. */
export async function recordedCall(server: TestServer, agent: Agent, v: Visitor, clientId: string): Promise<{ conversationId: string; audio: Uint8Array }> {
  const { conversationId } = await ask(v, { type: 'call.start', id: clientId });
  const id = conversationId!;
  await take(agent, id);
  const callFrame = (party: Visitor | Agent, match: (c: CallView) => boolean) => party.socket.next('call', (f) => f.call.conversationId === id && match(f.call));
  await callFrame(agent, (c) => c.phase === 'active');
  v.socket.send({ type: 'call.consent', id: `${clientId}-consent`, conversationId: id, recording: true });
  await callFrame(agent, (c) => c.recordingAllowed === true);
  // A WebM header and some bytes no text search would find by chance.
  const audio = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0xf7, 0x3c, 0x5e, 0xa9, 0x11, 0xd2, 0x77]);
  const stored = await fetch(`${server.url}/api/conversations/${id}/recordings?durationMs=4000`, { method: 'POST', headers: { 'Content-Type': 'audio/webm', Origin: server.origin, Cookie: agent.cookie }, body: audio });
  assert.equal(stored.status, 201);
  await finish(agent, id);
  return { conversationId: id, audio };
}

/**
 * Every table's rows, read straight from the database file (not through the app), with the
 * text and the bytes in which each of `needles` still appears: what an erasure left behind.
 */
export function leftovers(server: TestServer & { dir: string }, needles: (string | Uint8Array)[]): string[] {
  const db = new Database(join(server.dir, 'switchboard.db'), { readonly: true });
  try {
    const found: string[] = [];
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
    for (const { name } of tables) {
      for (const row of db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          const bytes = Buffer.isBuffer(value) ? value : typeof value === 'string' ? Buffer.from(value.toLowerCase()) : undefined;
          if (!bytes) continue;
          for (const needle of needles) {
            const wanted = typeof needle === 'string' ? Buffer.from(needle.toLowerCase()) : Buffer.from(needle);
            if (bytes.includes(wanted)) found.push(`${name}.${column} holds ${typeof needle === 'string' ? JSON.stringify(needle) : 'the recording'}`);
          }
        }
      }
    }
    return found;
  } finally {
    db.close();
  }
}

/** What KPIs count now: today's wallboard figures per queue, and the report's offered/answered. */
export async function kpiCounts(server: TestServer, from: string, to: string) {
  const wallboard = await server.services.wallboard.snapshot();
  const rows = await server.services.reports.rows({ from, to, groupBy: 'queue' });
  return {
    wallboard: wallboard.queues.map((q) => ({ queue: q.name, offered: q.offered, answered: q.answered, abandoned: q.abandoned })),
    report: rows.map((r) => ({ key: r.key, offered: r.offered, answered: r.answered, abandoned: r.abandoned, csat: r.csat })),
  };
}
