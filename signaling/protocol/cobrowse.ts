/**
 * Co-browsing: the agent sees a live mirror of the visitor's page and guides them on it.
 *
 * The session itself (request, consent, control, stop) travels as frames on the chat sockets;
 * the page travels as a Yjs document over the y-websocket protocol at `COBROWSE_PATH<session>`,
 * in a room only the session's two parties can join. See PROTOCOL.md, "Co-browsing".
 */

/** Where the Yjs rooms are: `ws(s)://<server>/cobrowse/<sessionId>?token=<room token>`. */
export const COBROWSE_PATH = '/cobrowse/';

/** Names of the shared types in a session's Y.Doc. */
export const COBROWSE_DOC = {
  /** Y.Array<Uint8Array>: a full snapshot first, then batches of changes (cobrowse-codec.ts). */
  frames: 'frames',
  /** Y.Map: `url`, `title`, `width`, `height` (viewport), `scrollX`, `scrollY`, and `snapshot`, the id of the current snapshot. */
  page: 'page',
} as const;

/** `requested`: the agent asked and the visitor has not answered; `active`: the page is shared. */
export type CobrowsePhase = 'requested' | 'active' | 'ended';
/** Remote control needs its own consent: `requested` until the visitor answers. */
export type CobrowseControl = 'off' | 'requested' | 'granted';
export type CobrowseEndReason = 'stopped' | 'declined' | 'conversation-ended' | 'transferred' | 'visitor-left';

export interface CobrowseView {
  sessionId: string;
  conversationId: string;
  phase: CobrowsePhase;
  control: CobrowseControl;
  /** Who asked: the agent the visitor shares with. */
  agent: { id: string; name: string };
  /** While active: this party's way into the room, valid only for this session and party. */
  room?: { token: string };
  /** Why it ended, once it has. */
  reason?: CobrowseEndReason;
}

/** What the agent points at and does on the visitor's page, as their awareness state in the room. */
export interface AgentGuide {
  role: 'agent';
  name: string;
  /** The snapshot whose node ids `highlight` and `actions` use; the visitor ignores them for any other. */
  snapshot?: string;
  /** The agent's pointer, in the visitor's document coordinates (CSS pixels). */
  pointer?: { x: number; y: number };
  /** A mirrored node the agent highlighted; the visitor sees it outlined. */
  highlight?: number;
  /** The newest actions, oldest first; each is applied once, by `seq`. */
  actions: GuideAction[];
}

export type GuideAction =
  /** Bring a node into the visitor's view. */
  | { seq: number; kind: 'scroll-to'; id: number }
  /** Remote control only: click a node, or set a field's value. Never honoured on masked nodes. */
  | { seq: number; kind: 'click'; id: number }
  | { seq: number; kind: 'input'; id: number; value: string };

/** The visitor's awareness state: whether the shared tab is in front. */
export interface VisitorPresence {
  role: 'visitor';
  visible: boolean;
}

/** How many past actions the agent keeps in its awareness state (a late frame still finds them). */
export const GUIDE_ACTIONS_KEPT = 10;
/** Largest awareness state a party may publish, in bytes of JSON. */
export const MAX_AWARENESS_BYTES = 8 * 1024;
