/** Routing administration: queues, their members, agents' skills and capacities. Validates meaning, stores, audits, re-routes. */
import { randomUUID } from 'node:crypto';
import { DEFAULT_QUEUE } from '../acd/acd-engine.js';
import { validateBusinessHours, type BusinessHours } from '../acd/business-hours.js';
import type { Capacity } from '../acd/types.js';
import { NO_PRE_CHAT_FORM } from '../protocol/pre-chat-form.js';
import type { AgentRoutingInput, AgentView, QueueCreateInput, QueueMemberInput, QueueUpdateInput, QueueView } from '../protocol/admin.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { QueueRecord } from '../store/queues-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { RoutingService } from './routing-service.js';

const FULL_CAPACITY: Required<Capacity> = { chat: 0, voice: 0, email: 0, message: 0 };

export class AdminService {
  constructor(
    private readonly store: Store,
    private readonly routing: RoutingService,
    private readonly audit: AuditTrail,
    private readonly clock: () => number = Date.now,
  ) {}

  async listQueues(): Promise<QueueView[]> {
    const queues = await this.store.queues.list();
    return Promise.all(queues.map(async (q) => this.view(q)));
  }

  async createQueue(actor: Actor, input: QueueCreateInput): Promise<QueueView> {
    if (await this.store.queues.findBySlug(input.slug)) throw new AppError('invalid-input', `a queue "${input.slug}" exists already`, [{ path: 'slug', message: 'already taken' }]);
    const record: QueueRecord = { ...DEFAULT_QUEUE, id: randomUUID(), slug: input.slug, name: input.name, isDefault: false, createdAt: this.clock() };
    const merged = this.merge(record, input);
    await this.check(merged);
    await this.store.transaction(async (tx) => {
      await tx.queues.insert(merged);
      await this.audit.record(auditActorOf(actor), 'queue.created', { type: 'queue', id: merged.id }, { ...input }, tx);
    });
    await this.routing.reloadQueue(merged.id);
    return this.view(merged);
  }

  async updateQueue(actor: Actor, id: string, input: QueueUpdateInput): Promise<QueueView> {
    const existing = await this.store.queues.findById(id);
    if (!existing) throw new AppError('not-found', 'no such queue');
    if (input.slug && input.slug !== existing.slug && (await this.store.queues.findBySlug(input.slug))) {
      throw new AppError('invalid-input', `a queue "${input.slug}" exists already`, [{ path: 'slug', message: 'already taken' }]);
    }
    const merged = this.merge(existing, input);
    await this.check(merged);
    await this.store.transaction(async (tx) => {
      await tx.queues.update(merged);
      // The change as asked, and what the settings it touched were before.
      const before = Object.fromEntries(Object.keys(input).map((k) => [k, (existing as unknown as Record<string, unknown>)[k] ?? null]));
      await this.audit.record(auditActorOf(actor), 'queue.updated', { type: 'queue', id }, { change: { ...input }, before }, tx);
    });
    await this.routing.reloadQueue(id);
    return this.view(merged);
  }

  /** Replaces the queue's members; every agent must exist. */
  async setMembers(actor: Actor, queueId: string, members: QueueMemberInput[]): Promise<QueueView> {
    const queue = await this.store.queues.findById(queueId);
    if (!queue) throw new AppError('not-found', 'no such queue');
    const ids = new Set<string>();
    const issues: { path: string; message: string }[] = [];
    for (const [i, m] of members.entries()) {
      if (ids.has(m.agentId)) issues.push({ path: `${i}.agentId`, message: 'listed twice' });
      else if (!(await this.store.agents.findById(m.agentId))) issues.push({ path: `${i}.agentId`, message: 'no such agent' });
      ids.add(m.agentId);
    }
    if (issues.length) throw new AppError('invalid-input', 'invalid members', issues);
    const before = await this.store.queues.members(queueId);
    await this.store.transaction(async (tx) => {
      await tx.queues.setMembers(queueId, members);
      await this.audit.record(auditActorOf(actor), 'queue.members-changed', { type: 'queue', id: queueId }, { members, before }, tx);
    });
    for (const agentId of new Set([...before.map((m) => m.agentId), ...ids])) await this.routing.reloadAgent(agentId);
    return this.view(queue);
  }

  async listAgents(): Promise<AgentView[]> {
    return (await this.store.agents.list()).map(toAgentView);
  }

  async updateAgentRouting(actor: Actor, agentId: string, input: AgentRoutingInput): Promise<AgentView> {
    const agent = await this.store.agents.findById(agentId);
    if (!agent) throw new AppError('not-found', 'no such agent');
    await this.store.transaction(async (tx) => {
      await tx.agents.updateRouting(agentId, input);
      const before = { ...(input.skills ? { skills: agent.skills } : {}), ...(input.capacity ? { capacity: agent.capacity } : {}) };
      await this.audit.record(auditActorOf(actor), 'agent.routing-changed', { type: 'agent', id: agentId }, { change: { ...input }, before }, tx);
    });
    await this.routing.reloadAgent(agentId);
    return toAgentView((await this.store.agents.findById(agentId))!);
  }

  private merge(base: QueueRecord, input: QueueCreateInput | QueueUpdateInput): QueueRecord {
    const { maxSize, maxWaitMs, overflow, hours, ...rest } = input;
    const merged: QueueRecord = { ...base, ...(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<QueueRecord>) };
    // null clears an optional setting; undefined keeps it.
    if (maxSize === null) delete merged.maxSize;
    else if (maxSize !== undefined) merged.maxSize = maxSize;
    if (maxWaitMs === null) delete merged.maxWaitMs;
    else if (maxWaitMs !== undefined) merged.maxWaitMs = maxWaitMs;
    if (overflow === null) delete merged.overflow;
    else if (overflow !== undefined) merged.overflow = overflow;
    if (hours === null) delete merged.hours;
    else if (hours !== undefined) merged.hours = hours as BusinessHours;
    return merged;
  }

  /** What a schema cannot see: real time zones, sensible hours, an overflow queue that exists. */
  private async check(q: QueueRecord): Promise<void> {
    const issues: { path: string; message: string }[] = [];
    if (q.hours) for (const problem of validateBusinessHours(q.hours)) issues.push({ path: 'hours', message: problem });
    if (q.overflow?.type === 'queue') {
      if (q.overflow.queueId === q.id) issues.push({ path: 'overflow.queueId', message: 'a queue cannot overflow into itself' });
      else if (!(await this.store.queues.findById(q.overflow.queueId))) issues.push({ path: 'overflow.queueId', message: 'no such queue' });
    }
    if (issues.length) throw new AppError('invalid-input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }

  private async view(q: QueueRecord): Promise<QueueView> {
    return {
      id: q.id,
      slug: q.slug,
      name: q.name,
      isDefault: q.isDefault,
      strategy: q.strategy,
      offerTimeoutMs: q.offerTimeoutMs,
      retryDelayMs: q.retryDelayMs,
      wrapUpMs: q.wrapUpMs,
      dispositionRequired: q.dispositionRequired,
      requiredSkills: q.requiredSkills,
      tierWaitMs: q.tierWaitMs,
      priority: q.priority,
      priorityWeightMs: q.priorityWeightMs,
      stickyMs: q.stickyMs,
      expectedHandleMs: q.expectedHandleMs,
      maxSize: q.maxSize ?? null,
      maxWaitMs: q.maxWaitMs ?? null,
      overflow: q.overflow?.type === 'queue' ? q.overflow : null,
      hours: (q.hours as QueueView['hours']) ?? null,
      preChatForm: q.preChatForm ?? NO_PRE_CHAT_FORM,
      members: await this.store.queues.members(q.id),
    };
  }
}

function toAgentView(a: AgentRecord): AgentView {
  return { id: a.id, email: a.email, name: a.name, role: a.role, status: a.status, skills: a.skills, capacity: { ...FULL_CAPACITY, ...a.capacity } };
}
