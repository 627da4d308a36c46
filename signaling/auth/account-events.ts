/** What happens to accounts that other domains act on (presence, routing, conversations), wired in wiring.ts. */
import { Listeners } from '../kernel/listeners.js';

import type { SignOutReason } from '../protocol/server-frames.js';

export type { SignOutReason } from '../protocol/server-frames.js';

export interface AccountEvents {
  /** Some or all of the agent's sessions ended: their sockets close (all of them, or all but `keepSessionId`'s). */
  signedOut(agentId: string, reason: SignOutReason): Promise<void>;
  /** The account was deactivated: their contacts go back to their queues and routing forgets them. */
  deactivated(agentId: string): Promise<void>;
  /** Role, skills, languages or activity changed: routing reloads them. */
  changed(agentId: string): Promise<void>;
}

export class AccountListeners extends Listeners<AccountEvents> {}
