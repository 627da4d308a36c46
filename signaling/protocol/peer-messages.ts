/**
 * The PeerJS server protocol, as the unmodified `peerjs` client speaks it (1.5), so that
 * our server can stand in for the stock PeerServer. See PROTOCOL.md, "Voice signaling".
 *
 * - `GET  {path}{key}/id` answers a fresh id (we refuse it: ids are issued per call).
 * - WebSocket `{path}peerjs?key=&id=&token=&version=`: the server says OPEN, or ERROR /
 *   ID-TAKEN and closes. Then clients send HEARTBEAT, OFFER, ANSWER, CANDIDATE, LEAVE with a
 *   `dst`; the server relays them with `src` set, or answers EXPIRE when `dst` cannot get it.
 */

/** Where the PeerJS client finds us: `new Peer(id, { host, port, path: VOICE_PATH, key: VOICE_KEY })`. */
export const VOICE_PATH = '/voice/';
export const VOICE_KEY = 'switchboard';
/** How often our clients send HEARTBEAT; the server drops a peer silent for VOICE_DEAD_AFTER_MS. */
export const VOICE_PING_MS = 2000;
export const VOICE_DEAD_AFTER_MS = 5000;

export const PeerMessageType = {
  open: 'OPEN',
  error: 'ERROR',
  idTaken: 'ID-TAKEN',
  heartbeat: 'HEARTBEAT',
  offer: 'OFFER',
  answer: 'ANSWER',
  candidate: 'CANDIDATE',
  leave: 'LEAVE',
  expire: 'EXPIRE',
} as const;
export type PeerMessageType = (typeof PeerMessageType)[keyof typeof PeerMessageType];

/** The types a client may address to another peer. */
export const RELAYED_TYPES: ReadonlySet<string> = new Set([PeerMessageType.offer, PeerMessageType.answer, PeerMessageType.candidate, PeerMessageType.leave]);

/** A message as it travels: clients omit `src` (the server sets it), the server omits `dst` on its own messages. */
export interface PeerMessage {
  type: PeerMessageType;
  src?: string;
  dst?: string;
  payload?: unknown;
}
