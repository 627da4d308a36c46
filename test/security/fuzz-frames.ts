/**
 * Seeded generators of hostile frames for the socket fuzz test: the protocol's JSON frames,
 * mutated, and y-websocket and PeerJS messages, truncated and garbled. Deterministic for a seed,
 * so a failure can be replayed with FUZZ_SEED.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** mulberry32: a small, fast, seeded PRNG. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(256));
  }
}

/** Values that have broken parsers before: wrong types, extremes, odd text, prototype keys. */
function hostileValue(r: Random, ids: readonly string[]): unknown {
  switch (r.int(14)) {
    case 0: return null;
    case 1: return r.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 2: return r.pick([true, false]);
    case 3: return 'x'.repeat(r.pick([0, 1, 65, 4_001, 20_000]));
    case 4: return r.pick(['\u0000', '\u202e\u0645\u0631\u062d\u0628\u0627', '😀'.repeat(50), '<img src=x onerror=alert(1)>', "'; drop table messages; --", '../../etc/passwd']);
    case 5: return [];
    case 6: return { nested: { deeper: [1, { x: null }] } };
    case 7: return r.pick(ids);
    case 8: return { agentId: r.pick(ids) };
    case 9: return { queueId: r.pick(ids) };
    case 10: return JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    case 11: return r.pick(['available', 'away', 'offline', 'busy', 'lunch', 'no-answer', 'resolved']);
    case 12: return `id-${r.int(1e6)}`;
    default: return Array.from({ length: r.int(200) }, () => r.int(10));
  }
}

/** One frame of each shape, as a client would send it; the fuzz mutates copies. */
export function templates(ids: { conversations: readonly string[]; agents: readonly string[]; queues: readonly string[] }) {
  const conversationId = ids.conversations[0]!;
  return {
    hello: { type: 'hello', protocol: 1, token: 'not-a-token' },
    'conversation.start': { type: 'conversation.start', id: 'fuzz-start', queue: 'support', page: { url: 'https://shop.example/', title: 'Shop' }, locale: 'en-GB' },
    'call.start': { type: 'call.start', id: 'fuzz-call', queue: 'support' },
    'call.hold': { type: 'call.hold', id: 'fuzz-hold', conversationId, held: true },
    'call.consent': { type: 'call.consent', id: 'fuzz-consent', conversationId, recording: true },
    'call.hangup': { type: 'call.hangup', id: 'fuzz-hangup', conversationId },
    'web-call.answer': { type: 'web-call.answer', id: 'fuzz-wc-answer', conversationId, accept: true },
    'web-call.settings': { type: 'web-call.settings', id: 'fuzz-wc-settings', off: true },
    'message.send': { type: 'message.send', id: 'fuzz-send', conversationId, text: 'hello' },
    sync: { type: 'sync', id: 'fuzz-sync', conversationId, afterSeq: 0 },
    read: { type: 'read', conversationId, seq: 1 },
    typing: { type: 'typing', conversationId, isTyping: true },
    'conversation.end': { type: 'conversation.end', id: 'fuzz-end', conversationId },
    'visitor.identify': { type: 'visitor.identify', id: 'fuzz-ident', name: 'Fuzz', email: 'vera@example.test', phone: '+1 202 555 0101' },
    'conversation.rate': { type: 'conversation.rate', id: 'fuzz-rate', conversationId, rating: 5 },
    'cobrowse.accept': { type: 'cobrowse.accept', id: 'fuzz-cb-accept', conversationId },
    'cobrowse.decline': { type: 'cobrowse.decline', id: 'fuzz-cb-decline', conversationId },
    'cobrowse.control': { type: 'cobrowse.control', id: 'fuzz-cb-control', conversationId, allowed: true },
    'cobrowse.stop': { type: 'cobrowse.stop', id: 'fuzz-cb-stop', conversationId },
    'cobrowse.request': { type: 'cobrowse.request', id: 'fuzz-cb-request', conversationId },
    'cobrowse.control-request': { type: 'cobrowse.control-request', id: 'fuzz-cb-ctl-req', conversationId },
    'visitor.context': { type: 'visitor.context', page: { url: 'https://shop.example/pricing', title: 'Pricing' }, referrer: 'https://search.example/', timeZone: 'Europe/Paris', language: 'fr-FR' },
    'visitor.event': { type: 'visitor.event', id: 'fuzz-event', name: 'added-to-cart', properties: { sku: 'A-42', price: 19.9 } },
    'visitor.conversation-attributes': { type: 'visitor.conversation-attributes', id: 'fuzz-attrs', attributes: { orderId: '1042' } },
    'note.add': { type: 'note.add', id: 'fuzz-note', conversationId, text: 'a note' },
    'customer.view': { type: 'customer.view', id: 'fuzz-view', conversationId, viewing: true },
    'presence.set': { type: 'presence.set', id: 'fuzz-presence', status: 'away', reason: 'lunch' },
    'wrap-up.done': { type: 'wrap-up.done', id: 'fuzz-wrap', disposition: 'resolved' },
    'offer.accept': { type: 'offer.accept', id: 'fuzz-accept', conversationId },
    'offer.decline': { type: 'offer.decline', id: 'fuzz-decline', conversationId },
    'conversation.transfer': { type: 'conversation.transfer', id: 'fuzz-transfer', conversationId, to: { agentId: ids.agents[0] }, note: 'over to you' },
    'monitor.start': { type: 'monitor.start', id: 'fuzz-mon', conversationId },
    'monitor.stop': { type: 'monitor.stop', id: 'fuzz-mon-stop', conversationId },
    whisper: { type: 'whisper', id: 'fuzz-whisper', conversationId, text: 'psst' },
    barge: { type: 'barge', id: 'fuzz-barge', conversationId },
  } satisfies Record<string, Record<string, unknown>>;
}

/**
 * A JSON endpoint's frame: a template of one of `types`, mutated (or left valid), or garbage.
 * Returns the text to send (or bytes, for a binary frame on a text protocol).
 */
export function jsonFrame(r: Random, shapes: Record<string, Record<string, unknown>>, types: readonly string[], ids: readonly string[]): string | Uint8Array {
  const roll = r.int(20);
  if (roll === 0) return r.bytes(r.int(64));
  if (roll === 1) return r.pick(['', ' ', 'null', '[]', '"hello"', '42', '{', '{"type":', '[[[[[[[[', '{"type":"message.send"}}']);
  if (roll === 2) return `${'['.repeat(3000)}${']'.repeat(3000)}`;
  if (roll === 3) return JSON.stringify({ type: 'message.send', id: 'fuzz-big', conversationId: ids[0], text: 'y'.repeat(20_000) });
  const frame: Record<string, unknown> = structuredClone(shapes[r.pick(types)]!);
  if (r.chance(0.2)) return JSON.stringify(frame);
  for (let n = 1 + r.int(3); n > 0; n--) {
    const keys = Object.keys(frame);
    switch (r.int(6)) {
      case 0: delete frame[r.pick(keys)]; break;
      case 1: frame[`extra${r.int(9)}`] = hostileValue(r, ids); break;
      case 2: frame.type = r.pick([...Object.keys(shapes), 'unknown', '', 'HELLO', 'message.send ']); break;
      case 3: frame.conversationId = r.pick(ids); break;
      default: frame[r.pick(keys)] = hostileValue(r, ids);
    }
  }
  const text = JSON.stringify(frame);
  return r.chance(0.05) ? text.slice(0, r.int(text.length)) : text;
}

/** A real document update and awareness update, to truncate and garble. */
function realMessages(): { update: Uint8Array; awareness: Uint8Array; stateVector: Uint8Array } {
  const doc = new Y.Doc();
  doc.getMap('page').set('html', '<p>hello</p>');
  doc.getArray('events').push([{ kind: 'scroll', y: 120 }]);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ role: 'visitor', pointer: { x: 1, y: 2 } });
  const result = { update: Y.encodeStateAsUpdate(doc), awareness: awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]), stateVector: Y.encodeStateVector(doc) };
  awareness.destroy();
  doc.destroy();
  return result;
}

const message = (...parts: (number | Uint8Array)[]): Uint8Array => {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
};

/** A y-websocket message for a co-browse room: mostly broken, some valid (as a visitor or an agent would send). */
export function yjsFrame(r: Random): Uint8Array | string {
  const real = realMessages();
  const cut = (bytes: Uint8Array) => bytes.slice(0, r.int(bytes.length));
  const flip = (bytes: Uint8Array) => {
    const copy = bytes.slice();
    for (let n = 1 + r.int(4); n > 0 && copy.length; n--) copy[r.int(copy.length)] = r.int(256);
    return copy;
  };
  switch (r.int(16)) {
    case 0: return Uint8Array.of(0, 0, 1, 5); // the frame of issue 16: a sync step 1 with a truncated state vector
    case 1: return message(0, syncProtocol.messageYjsSyncStep1, cut(real.stateVector.length > 1 ? real.stateVector : Uint8Array.of(1, 200, 1)));
    case 2: return message(0, syncProtocol.messageYjsSyncStep1, r.bytes(r.int(40)));
    case 3: return message(0, syncProtocol.messageYjsUpdate, flip(real.update));
    case 4: return message(0, syncProtocol.messageYjsSyncStep2, cut(real.update));
    case 5: return message(0, r.int(300), r.bytes(r.int(20)));
    case 6: return message(1, flip(real.awareness));
    case 7: return message(1, cut(real.awareness));
    case 8: return message(1, r.bytes(r.int(60)));
    case 9: return r.pick([Uint8Array.of(), Uint8Array.of(3), Uint8Array.of(2, 0), Uint8Array.of(7), Uint8Array.of(200, 1)]);
    case 10: return Uint8Array.from({ length: 12 }, () => 0xff);
    case 11: return cut(message(0, syncProtocol.messageYjsUpdate, real.update));
    case 12: return 'text where binary is expected';
    case 13: return message(0, syncProtocol.messageYjsUpdate, real.update); // valid from a visitor; a breach from an agent
    case 14: return message(1, real.awareness); // valid presence (role visitor)
    default: return r.bytes(1 + r.int(200));
  }
}

/** A PeerJS message: relayed types to the partner or strangers, unknown types, and garbage. */
export function peerFrame(r: Random, partner: string): string {
  switch (r.int(8)) {
    case 0: return r.pick(['', 'null', '{', '[]', '42', '"OFFER"']);
    case 1: return JSON.stringify({ type: 'HEARTBEAT' });
    case 2: return JSON.stringify({ type: r.pick(['OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']), dst: partner, payload: { sdp: { type: 'offer', sdp: 'v=0\r\n' }, connectionId: `mc_${r.int(1e6)}` } });
    case 3: return JSON.stringify({ type: r.pick(['OFFER', 'CANDIDATE']), dst: r.pick(['someone-else', '', 'x'.repeat(500)]), payload: null });
    case 4: return JSON.stringify({ type: r.pick(['OPEN', 'ID-TAKEN', 'ERROR', 'EXPIRE', 'NOPE']), dst: partner });
    case 5: return JSON.stringify({ type: 'CANDIDATE', dst: partner, payload: { candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host' } } });
    case 6: return JSON.stringify({ type: 'OFFER', dst: { not: 'a string' }, payload: 'x'.repeat(r.int(70_000)) });
    default: return Buffer.from(r.bytes(r.int(100))).toString('latin1');
  }
}
