/** Agent authentication: password login with rate limits, cookie sessions, logout. */
import { createHash, randomBytes } from 'node:crypto';
import type { AgentProfile } from '../protocol/server-frames.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { Store } from '../store/store.js';
import { AppError } from '../kernel/app-error.js';
import { verifyPassword } from './password.js';
import { RateLimiter } from '../kernel/rate-limiter.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

// A precomputed hash to verify against for unknown e-mails, so that a login for an account
// that does not exist takes as long as one with a wrong password (no account enumeration).
const DUMMY_HASH = 'scrypt$32768$8$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const toProfile = (a: AgentRecord): AgentProfile => ({ id: a.id, email: a.email, name: a.name, role: a.role });

const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');

export class AuthService {
  // Per e-mail against guessing one account's password; per address against spraying many.
  private readonly perAccount = new RateLimiter(5, 15 * 60_000);
  private readonly perAddress = new RateLimiter(30, 15 * 60_000);

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Checks the credentials and opens a session.
   * @returns the session id to put in the cookie, and the agent.
   * @throws AppError `rate-limited` or `invalid-credentials`.
   */
  async login(email: string, password: string, clientAddress: string): Promise<{ sessionId: string; agent: AgentRecord }> {
    const now = this.clock();
    const accountKey = email.toLowerCase();
    if (!this.perAddress.take(clientAddress, now) || !this.perAccount.take(accountKey, now)) {
      throw new AppError('rate-limited', 'too many login attempts; try again in a few minutes');
    }
    const agent = await this.store.agents.findByEmail(accountKey);
    const valid = await verifyPassword(password, agent?.passwordHash ?? DUMMY_HASH);
    if (!agent || !valid) throw new AppError('invalid-credentials', 'e-mail or password is wrong');
    this.perAccount.reset(accountKey);
    const sessionId = randomBytes(32).toString('base64url');
    await this.store.sessions.insert({ idHash: hashSessionId(sessionId), agentId: agent.id, createdAt: now, expiresAt: now + SESSION_TTL_MS });
    return { sessionId, agent };
  }

  /** The agent of a live session, or undefined. */
  async agentForSession(sessionId: string | undefined): Promise<AgentRecord | undefined> {
    if (!sessionId || sessionId.length > 128) return undefined;
    const agentId = await this.store.sessions.findLive(hashSessionId(sessionId), this.clock());
    return agentId ? this.store.agents.findById(agentId) : undefined;
  }

  async logout(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.store.sessions.delete(hashSessionId(sessionId));
  }
}
