/** Agent authentication: password sign-in with failure limits, cookie sessions people can list and end, their own profile and password. */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../kernel/app-error.js';
import type { AgentProfile } from '../protocol/api.js';
import { DEFAULT_NOTIFICATIONS, type LoginLimit, type ProfileUpdate, type SessionView } from '../protocol/team.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { SessionRecord } from '../store/sessions-repo.js';
import type { Store } from '../store/store.js';
import type { AccountListeners } from './account-events.js';
import { LoginThrottle } from './login-throttle.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword, needsRehash, PASSWORD_COST, verifyPassword } from './password.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** A session unused this long ends, unless configured otherwise. */
export const DEFAULT_SESSION_IDLE_MS = 12 * 3600 * 1000;
/** Last use is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

// Verified against for unknown e-mails at today's cost, so that signing in as somebody who does
// not exist takes as long as a wrong password (no account enumeration by timing).
const DUMMY_HASH = `scrypt$${PASSWORD_COST.N}$${PASSWORD_COST.r}$${PASSWORD_COST.p}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export const toProfile = (a: AgentRecord): AgentProfile => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  languages: a.languages,
  ...(a.locale ? { locale: a.locale } : {}),
  notifications: a.notifications ?? DEFAULT_NOTIFICATIONS,
  mustChangePassword: a.mustChangePassword,
});

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Where a sign-in comes from, as the HTTP layer established it (behind TRUST_PROXY). */
export interface ClientInfo {
  address: string;
  userAgent?: string | undefined;
}

export interface AuthServiceOptions {
  idleTimeoutMs?: number;
  events?: AccountListeners;
  throttle?: LoginThrottle;
  /** How an attempt past the per-account ceiling waits (tests count instead of waiting). */
  wait?: (ms: number) => Promise<void>;
}

export class AuthService {
  readonly throttle: LoginThrottle;
  private readonly idleTimeoutMs: number;
  private readonly events: AccountListeners | undefined;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
    options: AuthServiceOptions = {},
  ) {
    this.throttle = options.throttle ?? new LoginThrottle(clock);
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_SESSION_IDLE_MS;
    this.events = options.events;
    this.wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Checks the credentials and opens a new session (never reuses one: a session id fixed before
   * sign-in is worthless after it). A stored hash of a lower cost is made again at today's.
   * @returns the session id to put in the cookie, and the agent.
   * @throws AppError `rate-limited` or `invalid-credentials`.
   */
  async login(email: string, password: string, client: ClientInfo | string): Promise<{ sessionId: string; agent: AgentRecord }> {
    const { address, userAgent } = typeof client === 'string' ? { address: client, userAgent: undefined } : client;
    const accountKey = email.toLowerCase();
    const admission = this.throttle.admit(accountKey, address);
    if ('refusedForMs' in admission) throw new AppError('rate-limited', `too many failed sign-ins; try again in ${Math.ceil(admission.refusedForMs / 60_000)} minutes`);
    if (admission.delayMs > 0) await this.wait(admission.delayMs);
    const agent = await this.store.agents.findByEmail(accountKey);
    const valid = await verifyPassword(password, agent?.passwordHash || DUMMY_HASH);
    if (!agent || !valid || !agent.active) {
      this.throttle.failed(accountKey, address);
      throw new AppError('invalid-credentials', 'e-mail or password is wrong');
    }
    this.throttle.succeeded(accountKey, address);
    if (needsRehash(agent.passwordHash)) await this.store.agents.setPassword(agent.id, await hashPassword(password), agent.mustChangePassword);
    return { sessionId: await this.openSession(agent.id, { address, userAgent }), agent };
  }

  /** Opens a session for an agent who proved who they are (a password, an invitation link). */
  async openSession(agentId: string, client: ClientInfo): Promise<string> {
    const now = this.clock();
    const sessionId = randomBytes(32).toString('base64url');
    await this.store.sessions.insert({
      idHash: hashSessionId(sessionId),
      publicId: randomBytes(9).toString('base64url'),
      agentId,
      createdAt: now,
      expiresAt: now + SESSION_TTL_MS,
      lastSeenAt: now,
      address: client.address,
      ...(client.userAgent ? { userAgent: client.userAgent.slice(0, 300) } : {}),
    });
    return sessionId;
  }

  /** The agent of a live session, or undefined. */
  async agentForSession(sessionId: string | undefined): Promise<AgentRecord | undefined> {
    return (await this.sessionFor(sessionId))?.agent;
  }

  /**
   * The live session and its active agent. A session unused for longer than the idle timeout,
   * or whose account was deactivated, has ended.
   */
  async sessionFor(sessionId: string | undefined): Promise<{ agent: AgentRecord; session: SessionRecord } | undefined> {
    if (!sessionId || sessionId.length > 128) return undefined;
    const now = this.clock();
    const idHash = hashSessionId(sessionId);
    const session = await this.store.sessions.findSession(idHash, now);
    if (!session) return undefined;
    if (now - session.lastSeenAt > this.idleTimeoutMs) {
      await this.store.sessions.delete(idHash);
      return undefined;
    }
    const agent = await this.store.agents.findById(session.agentId);
    if (!agent?.active) return undefined;
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) await this.store.sessions.touch(idHash, now);
    return { agent, session };
  }

  async logout(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.store.sessions.delete(hashSessionId(sessionId));
  }

  /** The agent's live sessions, the one asking marked `current`. */
  async sessions(agentId: string, currentSessionId: string): Promise<SessionView[]> {
    const current = (await this.store.sessions.findSession(hashSessionId(currentSessionId), this.clock()))?.publicId;
    return (await this.store.sessions.listForAgent(agentId, this.clock())).map((s) => ({
      id: s.publicId,
      current: s.publicId === current,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      ...(s.address ? { address: s.address } : {}),
      ...(s.userAgent ? { userAgent: s.userAgent } : {}),
    }));
  }

  /** Ends one of the agent's own sessions. @throws AppError `not-found` for one that is not theirs. */
  async endSession(agentId: string, publicId: string): Promise<void> {
    if (!(await this.store.sessions.deleteByPublicId(agentId, publicId))) throw new AppError('not-found', 'no such session');
    await this.events?.run('signedOut', agentId, 'signed-out-elsewhere');
  }

  /** Ends every session of the agent but the current one (the app windows of those close). */
  async endOtherSessions(agentId: string, currentSessionId: string): Promise<number> {
    const ended = await this.store.sessions.deleteForAgent(agentId, hashSessionId(currentSessionId));
    if (ended > 0) await this.events?.run('signedOut', agentId, 'signed-out-elsewhere');
    return ended;
  }

  /**
   * Changes the agent's own password: the current one proves it is them; other sessions end.
   * @throws AppError `invalid-credentials` for a wrong current password, `invalid-input` for a weak new one.
   */
  async changePassword(agent: AgentRecord, currentPassword: string, newPassword: string, currentSessionId: string): Promise<AgentRecord> {
    if (!(await verifyPassword(currentPassword, agent.passwordHash))) throw new AppError('invalid-credentials', 'the current password is wrong');
    if (currentPassword === newPassword) throw new AppError('invalid-input', 'choose a password different from the current one', [{ path: 'newPassword', message: 'same as the current one' }]);
    await assertStrongPassword(newPassword, [agent.email, agent.name], 'newPassword');
    await this.store.agents.setPassword(agent.id, await hashPassword(newPassword), false);
    await this.endOtherSessions(agent.id, currentSessionId);
    return (await this.store.agents.findById(agent.id))!;
  }

  /** Changes what the agent sets for themselves: name, the app's language, offer sounds and notifications. */
  async updateProfile(agent: AgentRecord, change: ProfileUpdate): Promise<AgentRecord> {
    await this.store.agents.updateProfile(agent.id, change);
    if (change.name !== undefined) await this.events?.run('changed', agent.id);
    return (await this.store.agents.findById(agent.id))!;
  }

  /** Sign-in limits in force now, for admins. */
  loginLimits(): LoginLimit[] {
    return this.throttle.list();
  }

  clearLoginLimits(which: { email?: string; address?: string }): number {
    return this.throttle.clear({ ...(which.email ? { email: which.email.toLowerCase() } : {}), ...(which.address ? { address: which.address } : {}) });
  }
}
