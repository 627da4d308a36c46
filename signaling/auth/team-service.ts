/**
 * The team: admins add people (a one-time invitation link, or an initial password they must
 * change), change roles, deactivate and reactivate accounts, and reset passwords. The last active
 * admin can be neither demoted nor deactivated. Every change is audited; what other domains must
 * do about it (close app windows, requeue contacts, reroute) is announced through AccountListeners.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { AgentRole } from '../protocol/presence.js';
import type { LinkInfo, PasswordReset, TeamMember, TeamMemberCreate, TeamMemberCreated, TeamMemberUpdate } from '../protocol/team.js';
import type { AccountLinkPurpose } from '../store/account-links-repo.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { Store } from '../store/store.js';
import type { AccountListeners } from './account-events.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword } from './password.js';

/** How long links stay valid: a week to accept an invitation, a day to reset a password. */
export const LINK_TTL_MS: Record<AccountLinkPurpose, number> = { invite: 7 * 86_400_000, reset: 86_400_000 };

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A temporary password: 4 groups of 4 from an alphabet without look-alikes, about 80 bits. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export interface TeamServiceDeps {
  store: Store;
  audit: AuditTrail;
  events: AccountListeners;
  clock?: () => number;
}

export class TeamService {
  private readonly store: Store;
  private readonly audit: AuditTrail;
  private readonly events: AccountListeners;
  private readonly clock: () => number;

  constructor(deps: TeamServiceDeps) {
    this.store = deps.store;
    this.audit = deps.audit;
    this.events = deps.events;
    this.clock = deps.clock ?? Date.now;
  }

  /** Everyone, active or not, with whether an invitation is still pending. */
  async list(): Promise<TeamMember[]> {
    const agents = await this.store.agents.list();
    const invited = await this.store.accountLinks.hasPendingInvitation(agents.filter((a) => !a.passwordHash).map((a) => a.id));
    return agents.map((a) => toMember(a, invited.has(a.id)));
  }

  /**
   * Adds a person. By `invite` they get a one-time link to choose their password; with a
   * `password` they must change it at first sign-in.
   * @throws AppError `invalid-input` for an address already in the team or a weak password.
   */
  async create(actor: Actor, input: TeamMemberCreate): Promise<TeamMemberCreated> {
    const admin = this.adminOf(actor);
    if (await this.store.agents.findByEmail(input.email)) throw new AppError('invalid-input', `${input.email} is already in the team`, [{ path: 'email', message: 'already in the team' }]);
    if (input.method === 'password') await assertStrongPassword(input.password!, [input.email, input.name]);
    const now = this.clock();
    const id = randomUUID();
    const token = input.method === 'invite' ? randomBytes(32).toString('base64url') : undefined;
    const passwordHash = input.method === 'password' ? await hashPassword(input.password!) : '';
    try {
      await this.store.transaction(async (tx) => {
        await tx.agents.insert({ id, email: input.email, name: input.name, role: input.role, passwordHash, status: 'offline', skills: input.skills, languages: input.languages, mustChangePassword: input.method === 'password', createdAt: now });
        if (token) await tx.accountLinks.insert(hashToken(token), { agentId: id, purpose: 'invite', createdBy: admin.id, createdAt: now, expiresAt: now + LINK_TTL_MS.invite });
        await this.audit.record(auditActorOf(actor), 'team.added', { type: 'agent', id }, { email: input.email, role: input.role, method: input.method }, tx);
      });
    } catch (error) {
      // Two admins adding the same address at once: the unique index kept one.
      if (await this.store.agents.findByEmail(input.email)) throw new AppError('invalid-input', `${input.email} is already in the team`, [{ path: 'email', message: 'already in the team' }]);
      throw error;
    }
    await this.events.run('changed', id);
    const agent = (await this.store.agents.findById(id))!;
    return { member: toMember(agent, !!token), ...(token ? { invitation: { url: '', token, expiresAt: now + LINK_TTL_MS.invite } } : {}) };
  }

  /**
   * Changes a person's name, role, languages or skills. A new role ends their sessions, so their
   * app opens again with what the role may see. @throws AppError when it would leave no active admin.
   */
  async update(actor: Actor, id: string, change: TeamMemberUpdate): Promise<TeamMember> {
    this.adminOf(actor);
    const agent = await this.memberOrThrow(id);
    const roleChanged = change.role !== undefined && change.role !== agent.role;
    if (roleChanged && agent.role === 'admin' && agent.active) await this.assertAnotherAdmin('role', 'the last active admin cannot be given another role; make someone else admin first');
    await this.store.transaction(async (tx) => {
      await tx.agents.updateMember(id, change);
      await this.audit.record(auditActorOf(actor), roleChanged ? 'team.role-changed' : 'team.updated', { type: 'agent', id }, { ...change, ...(roleChanged ? { from: agent.role } : {}) }, tx);
    });
    if (roleChanged) {
      await this.store.sessions.deleteForAgent(id);
      await this.events.run('signedOut', id, 'role-changed');
    }
    await this.events.run('changed', id);
    return this.memberView(id);
  }

  /**
   * Deactivates an account: their sessions end at once, their open contacts go back to the head of
   * their queues, they can no longer sign in; history keeps their name.
   * @throws AppError `invalid-input` for oneself or the last active admin.
   */
  async deactivate(actor: Actor, id: string): Promise<TeamMember> {
    const admin = this.adminOf(actor);
    const agent = await this.memberOrThrow(id);
    if (!agent.active) return toMember(agent, false);
    if (agent.id === admin.id) throw new AppError('invalid-input', 'you cannot deactivate yourself; ask another admin');
    if (agent.role === 'admin') await this.assertAnotherAdmin('id', 'the last active admin cannot be deactivated');
    const now = this.clock();
    await this.store.transaction(async (tx) => {
      if (!(await tx.agents.setActive(id, false, now))) return;
      await tx.sessions.deleteForAgent(id);
      await tx.accountLinks.revokeForAgent(id, now);
      await this.audit.record(auditActorOf(actor), 'team.deactivated', { type: 'agent', id }, { email: agent.email }, tx);
    });
    await this.events.run('signedOut', id, 'deactivated');
    await this.events.run('deactivated', id);
    return this.memberView(id);
  }

  async reactivate(actor: Actor, id: string): Promise<TeamMember> {
    this.adminOf(actor);
    const agent = await this.memberOrThrow(id);
    if (agent.active) return this.memberView(id);
    await this.store.transaction(async (tx) => {
      await tx.agents.setActive(id, true, this.clock());
      await this.audit.record(auditActorOf(actor), 'team.reactivated', { type: 'agent', id }, { email: agent.email }, tx);
    });
    await this.events.run('changed', id);
    return this.memberView(id);
  }

  /**
   * Resets a person's password: a one-time link to choose a new one, or a temporary password they
   * must change at sign-in. Either way their sessions end. @throws AppError `not-found`.
   */
  async resetPassword(actor: Actor, id: string, method: 'link' | 'temporary'): Promise<PasswordReset> {
    const admin = this.adminOf(actor);
    const agent = await this.memberOrThrow(id);
    if (!agent.active) throw new AppError('invalid-input', 'reactivate the account first');
    const now = this.clock();
    let result: PasswordReset;
    if (method === 'link') {
      const token = randomBytes(32).toString('base64url');
      await this.store.transaction(async (tx) => {
        await tx.accountLinks.revokeForAgent(id, now);
        await tx.accountLinks.insert(hashToken(token), { agentId: id, purpose: agent.passwordHash ? 'reset' : 'invite', createdBy: admin.id, createdAt: now, expiresAt: now + LINK_TTL_MS.reset });
        await this.audit.record(auditActorOf(actor), 'team.password-reset', { type: 'agent', id }, { method }, tx);
      });
      result = { link: { url: '', token, expiresAt: now + LINK_TTL_MS.reset } };
    } else {
      const password = temporaryPassword();
      const hash = await hashPassword(password);
      await this.store.transaction(async (tx) => {
        await tx.accountLinks.revokeForAgent(id, now);
        await tx.agents.setPassword(id, hash, true);
        await tx.sessions.deleteForAgent(id);
        await this.audit.record(auditActorOf(actor), 'team.password-reset', { type: 'agent', id }, { method }, tx);
      });
      await this.events.run('signedOut', id, 'password-changed');
      result = { temporaryPassword: password };
    }
    return result;
  }

  /** What a link is for, to greet its holder. @throws AppError `not-found` for a used, expired or unknown link. */
  async linkInfo(token: string): Promise<LinkInfo> {
    const link = await this.store.accountLinks.findLive(hashToken(token), this.clock());
    const agent = link && (await this.store.agents.findById(link.agentId));
    if (!link || !agent?.active) throw new AppError('not-found', 'this link has expired or was used already; ask your admin for a new one');
    return { purpose: link.purpose, email: agent.email, name: agent.name, expiresAt: link.expiresAt };
  }

  /**
   * Takes an invitation or reset link: sets the password (and the name, for an invitation).
   * The link works once; its holder's other sessions end. @throws AppError `not-found` or `invalid-input`.
   */
  async acceptLink(token: string, password: string, name?: string): Promise<AgentRecord> {
    const info = await this.linkInfo(token);
    const link = (await this.store.accountLinks.findLive(hashToken(token), this.clock()))!;
    await assertStrongPassword(password, [info.email, name ?? info.name]);
    const hash = await hashPassword(password);
    const taken = await this.store.transaction(async (tx) => {
      if (!(await tx.accountLinks.use(hashToken(token), this.clock()))) return false;
      await tx.agents.setPassword(link.agentId, hash, false);
      if (name && link.purpose === 'invite') await tx.agents.updateMember(link.agentId, { name });
      await tx.sessions.deleteForAgent(link.agentId);
      await this.audit.record({ id: link.agentId, name: name ?? info.name }, link.purpose === 'invite' ? 'team.invitation-accepted' : 'team.password-set', { type: 'agent', id: link.agentId }, {}, tx);
      return true;
    });
    if (!taken) throw new AppError('not-found', 'this link has expired or was used already; ask your admin for a new one');
    await this.events.run('signedOut', link.agentId, 'password-changed');
    return (await this.store.agents.findById(link.agentId))!;
  }

  private adminOf(actor: Actor): AgentRecord {
    if (actor.kind !== 'agent' || actor.agent.role !== 'admin') throw new AppError('forbidden', 'only admins manage the team');
    return actor.agent;
  }

  private async memberOrThrow(id: string): Promise<AgentRecord> {
    const agent = await this.store.agents.findById(id);
    if (!agent) throw new AppError('not-found', 'no such person in the team');
    return agent;
  }

  private async memberView(id: string): Promise<TeamMember> {
    const agent = (await this.store.agents.findById(id))!;
    const invited = !agent.passwordHash && (await this.store.accountLinks.hasPendingInvitation([id])).has(id);
    return toMember(agent, invited);
  }

  private async assertAnotherAdmin(path: string, message: string): Promise<void> {
    if ((await this.store.agents.countActiveAdmins()) <= 1) throw new AppError('invalid-input', message, [{ path, message: 'last active admin' }]);
  }
}

const toMember = (a: AgentRecord, invited: boolean): TeamMember => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role as AgentRole,
  languages: a.languages,
  skills: a.skills,
  active: a.active,
  invited,
  mustChangePassword: a.mustChangePassword,
  createdAt: a.createdAt,
  ...(a.deactivatedAt !== undefined ? { deactivatedAt: a.deactivatedAt } : {}),
});
