/** The words of the call controls, which each app takes from its own catalogue. */

/**
 * Each side words the call in its own voice. `{name}` stands for the other party: the agent,
 * seen from the visitor's side; the caller, seen from the agent's.
 */
export interface CallControlsMessages {
  /** The controls' group label (`{name}` allowed). */
  controls: string;
  /** A call waiting in line, when the app gives no queue line of its own. */
  waiting: string;
  /** This side put the call on hold. */
  heldBySelf: string;
  /** The other party put the call on hold (`{name}`). */
  heldByPeer: string;
  reconnecting: string;
  /** Answered, until the other side's audio arrives (`{name}` allowed). */
  connecting: string;
  /** Talking (`{name}` allowed). */
  connected: string;
  /** The call timer's label. */
  callTime: string;
  micLevel: string;
  mute: string;
  unmute: string;
  hold: string;
  resume: string;
  hangUp: string;
  /** The visitor's side: letting the agent record the call, and saying it is allowed. */
  consent?: { allow: string; allowed: string };
  /** The agent's side: recording, offered once the caller allows it. */
  recorder?: { record: string; stop: string; time: string; notAllowed: string };
}
