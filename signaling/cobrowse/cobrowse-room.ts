/**
 * One co-browse session's Yjs room, speaking the y-websocket protocol (sync, awareness) with
 * its two parties. Unlike a general Yjs server it trusts nobody with more than their part:
 * - only the visitor writes the page: what an agent's client sends while syncing is never
 *   applied, and a change of its own closes its socket;
 * - each connection's awareness may only speak for the Yjs clients it introduced, up to
 *   MAX_AWARENESS_BYTES each, and never in the other party's role;
 * - malformed messages close the socket that sent them, and so does a page sending more than
 *   VISITOR_BUDGET (memory on the server is shared by every room).
 * Every accepted message goes through the Bus; each node holding the room applies it to its
 * replica (Yjs and awareness updates are idempotent) and forwards it to its own connections.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { topics, type Bus, type RoomMessage, type Unsubscribe } from '../bus/bus.js';
import { componentLogger } from '../kernel/logger.js';
import { MAX_AWARENESS_BYTES } from '../protocol/cobrowse.js';

const log = componentLogger('cobrowse');

/** How much page data the visitor may send per window: a busy page sends a few hundred KiB; a runaway one is cut off. */
export const VISITOR_BUDGET = { bytes: 16 * 1024 * 1024, windowMs: 10_000 } as const;
/** y-websocket's message types. */
const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
const FROM_SERVER = 'server';

export interface RoomConnection {
  id: string;
  kind: 'visitor' | 'agent';
  send(message: Uint8Array): void;
  /** Closes the socket: the session is over. */
  close(): void;
}

/** A message that breaks the room's rules: the socket closes with `code`. */
export class RoomViolation extends Error {
  constructor(
    readonly code: 1003 | 1007 | 1008,
    message: string,
  ) {
    super(message);
  }
}

export class CobrowseRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly connections = new Map<string, { conn: RoomConnection; clients: Set<number> }>();
  /**
   * Which connection (and party) introduced each awareness client id. Kept after that connection
   * leaves: the other party's client echoes every presence change it sees, and an echo of a page
   * that just left must not pass for the echoing party's own presence.
   */
  private readonly owners = new Map<number, { connId: string; kind: RoomConnection['kind'] }>();
  private readonly unsubscribe: Unsubscribe;
  private spent = { bytes: 0, since: 0 };

  constructor(
    readonly sessionId: string,
    private readonly bus: Bus,
  ) {
    this.awareness.setLocalState(null); // the server itself has no presence
    this.unsubscribe = bus.subscribe(topics.cobrowse(sessionId), (m) => this.deliver(m));
  }

  get size(): number {
    return this.connections.size;
  }

  count(kind: RoomConnection['kind']): number {
    return [...this.connections.values()].filter((c) => c.conn.kind === kind).length;
  }

  /** Adds a connection and starts the sync: our state vector, and everyone's presence. */
  join(conn: RoomConnection): void {
    this.connections.set(conn.id, { conn, clients: new Set() });
    const hello = encoding.createEncoder();
    encoding.writeVarUint(hello, MESSAGE.sync);
    syncProtocol.writeSyncStep1(hello, this.doc);
    conn.send(encoding.toUint8Array(hello));
    if (this.awareness.getStates().size) conn.send(this.everyonesPresence());
  }

  /** Handles one message from a connection. @throws RoomViolation when it breaks the rules. */
  receive(connId: string, message: Uint8Array): void {
    const entry = this.connections.get(connId);
    if (!entry) return;
    const { conn } = entry;
    const decoder = decoding.createDecoder(message);
    const type = readOrRefuse(() => decoding.readVarUint(decoder), 'malformed message');
    switch (type) {
      case MESSAGE.sync:
        return this.sync(conn, decoder);
      case MESSAGE.awareness:
        return this.presence(entry, readOrRefuse(() => decoding.readVarUint8Array(decoder), 'malformed message'));
      case MESSAGE.queryAwareness:
        conn.send(this.everyonesPresence());
        return;
      case MESSAGE.auth:
        return; // clients never send permission messages; ignore, as y-websocket does
      default:
        throw new RoomViolation(1003, `unknown message type ${type}`);
    }
  }

  /** Removes a connection; its presence goes away for the others. */
  leave(connId: string): void {
    const entry = this.connections.get(connId);
    if (!entry) return;
    this.connections.delete(connId);
    const claimed = [...entry.clients].filter((id) => this.owners.get(id)?.connId === connId);
    // Only clients this replica knows can be encoded as removed.
    const gone = claimed.filter((id) => this.awareness.meta.has(id));
    if (!gone.length) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, gone, FROM_SERVER);
    this.publish(FROM_SERVER, 'awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, gone));
  }

  /** Closes the room and every socket in it. */
  close(): void {
    this.unsubscribe();
    const open = [...this.connections.values()];
    this.connections.clear();
    for (const { conn } of open) conn.close();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private sync(conn: RoomConnection, decoder: decoding.Decoder): void {
    const [step, payload] = readOrRefuse(() => [decoding.readVarUint(decoder), decoding.readVarUint8Array(decoder)] as const, 'malformed sync message');
    if (step === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE.sync);
      // The state vector is the client's: a truncated one must refuse this socket, not throw past it.
      readOrRefuse(() => syncProtocol.writeSyncStep2(reply, this.doc, payload), 'malformed state vector');
      conn.send(encoding.toUint8Array(reply));
      return;
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) throw new RoomViolation(1003, `unknown sync step ${step}`);
    const decoded = readOrRefuse(() => Y.decodeUpdate(payload), 'malformed document update');
    if (conn.kind === 'agent') {
      // Never applied: the page is the visitor's. A sync answer carries the agent's copy of it
      // (which this room holds already, or held on another node); a change of the agent's own is a breach.
      if (step === syncProtocol.messageYjsUpdate && decoded.structs.length) throw new RoomViolation(1008, 'the page is read-only for the agent');
      return;
    }
    this.charge(payload.length);
    this.publish(conn.id, 'update', payload);
  }

  /** Counts the visitor's page data against the budget. @throws RoomViolation when it is spent. */
  private charge(bytes: number): void {
    const now = Date.now();
    if (now - this.spent.since > VISITOR_BUDGET.windowMs) this.spent = { bytes: 0, since: now };
    this.spent.bytes += bytes;
    if (this.spent.bytes > VISITOR_BUDGET.bytes) throw new RoomViolation(1008, 'the page is sending more than the room accepts');
  }

  /**
   * y-websocket clients echo every awareness change they see, the other party's included; those
   * entries are dropped quietly. A connection speaks for the clients it introduced, in its role.
   */
  private presence(entry: { conn: RoomConnection; clients: Set<number> }, update: Uint8Array): void {
    const { conn } = entry;
    const states = readOrRefuse(() => readAwarenessStates(update), 'malformed awareness update');
    const own = states.filter(({ clientId }) => {
      const owner = this.owners.get(clientId);
      // A client that reconnects (the same page after a network blip) speaks for itself again.
      return owner === undefined || owner.connId === conn.id || (owner.kind === conn.kind && !this.connections.has(owner.connId));
    });
    for (const { json, state } of own) {
      if (json.length > MAX_AWARENESS_BYTES) throw new RoomViolation(1008, `presence larger than ${MAX_AWARENESS_BYTES} bytes`);
      // y-websocket starts everyone at `{}`; a role, once said, must be the one the token gave.
      const role = state !== null && typeof state === 'object' ? (state as { role?: unknown }).role : undefined;
      if (role !== undefined && role !== conn.kind) throw new RoomViolation(1008, `presence must say role "${conn.kind}"`);
    }
    if (!own.length) return;
    for (const { clientId } of own) {
      this.owners.set(clientId, { connId: conn.id, kind: conn.kind });
      entry.clients.add(clientId);
    }
    this.publish(conn.id, 'awareness', own.length === states.length ? update : encodeAwarenessStates(own));
  }

  /** Everyone's current presence, as one awareness message. */
  private everyonesPresence(): Uint8Array {
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
  }

  private publish(from: string, kind: RoomMessage['kind'], data: Uint8Array): void {
    this.bus.publish(topics.cobrowse(this.sessionId), { type: 'room', from, kind, data: Buffer.from(data).toString('base64') });
  }

  /** A message accepted by this node or another: apply it here, and pass it to everyone else connected here. */
  private deliver(message: RoomMessage): void {
    try {
      this.forward(message);
    } catch (error) {
      // The message passed our checks on the node that accepted it; if this replica still cannot
      // apply it, the parties' next sync repairs the gap. It must not throw into the bus.
      log.error({ sessionId: this.sessionId, kind: message.kind, err: error }, 'a room message could not be applied');
    }
  }

  private forward(message: RoomMessage): void {
    const data = new Uint8Array(Buffer.from(message.data, 'base64'));
    let forward: Uint8Array;
    if (message.kind === 'update') {
      Y.applyUpdate(this.doc, data, FROM_SERVER);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeUpdate(encoder, data);
      forward = encoding.toUint8Array(encoder);
    } else {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, data, FROM_SERVER);
      forward = awarenessMessage(data);
    }
    for (const { conn } of this.connections.values()) {
      if (conn.id !== message.from) conn.send(forward);
    }
  }
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Reads part of a client's message; what cannot be read closes the socket as malformed (1007). */
function readOrRefuse<T>(read: () => T, message: string): T {
  try {
    return read();
  } catch {
    throw new RoomViolation(1007, message);
  }
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  json: string;
  state: unknown;
}

/** The entries of an awareness update, as y-protocols encodes them: (client, clock, JSON state)*. */
function readAwarenessStates(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const out: AwarenessEntry[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    out.push({ clientId, clock, json, state: JSON.parse(json) as unknown });
  }
  return out;
}

function encodeAwarenessStates(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
