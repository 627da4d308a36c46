/** A voice call as each of its parties sees it: where it stands, and how to reach the other side. */

/** `queued` waits for an agent; `connecting` has one who is dialling; `active` is talking; `ended` is over. */
export type CallPhase = 'queued' | 'connecting' | 'active' | 'ended';

/** What a client passes to `new RTCPeerConnection()` (via PeerJS's `config`). */
export interface IceConfig {
  iceServers: { urls: string | string[]; username?: string; credential?: string }[];
  /** `relay` hides the visitor's address from the agent: media goes through TURN only. */
  iceTransportPolicy: 'all' | 'relay';
}

/** This party's PeerJS identity for the call, issued by the server and bound to them. */
export interface PeerCredentials {
  /** The id to pass to `new Peer(id, ...)`; unguessable, and only valid with `token`. */
  id: string;
  token: string;
  /** Valid until (ms since the epoch); the server issues fresh ones with every call frame. */
  expiresAt: number;
}

export interface CallView {
  conversationId: string;
  phase: CallPhase;
  /** Set while either side has put the call on hold, naming who did. */
  heldBy?: 'visitor' | 'agent';
  agent?: { id: string; name: string };
  /** The visitor allows this call to be recorded; without it, no recording is accepted. */
  recordingAllowed?: boolean;
  /** When the agent answered (ms since the epoch), for the call timer. */
  answeredAt?: number;
  /** This party's peer and, once assigned, the other party's peer id. Absent when ended. */
  peer?: PeerCredentials;
  remotePeerId?: string;
  ice?: IceConfig;
}
