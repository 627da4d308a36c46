/**
 * Proactive invitations: admins keep them; the widget asks which one a page gets now and counts
 * showings and openings; a conversation started from one begins with its text. Counts are
 * deduplicated per viewer and limited per client address, so a script cannot inflate them cheaply.
 */
import { randomUUID } from 'node:crypto';
import { isOpen } from '../acd/business-hours.js';
import { AppError } from '../kernel/app-error.js';
import type { Actor } from '../kernel/actor.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import { RateLimiter } from '../kernel/rate-limiter.js';
import { invitationInputSchema, type InvitationInput, type InvitationOffer, type InvitationView } from '../protocol/invitations.js';
import type { RoutingService } from '../routing/routing-service.js';
import type { InvitationRecord } from '../store/invitations-repo.js';
import type { Store } from '../store/store.js';
import { pickInvitation } from './invitation-rules.js';

/** "An agent will answer soon": the expected wait for a new chat, when no agent is free this instant. */
const ANSWER_SOON_MS = 60_000;
/** A viewer counts once per invitation and kind; this many remembered pairs, oldest forgotten first. */
const DEDUPE_SIZE = 50_000;

export interface InvitationServiceDeps {
  store: Store;
  routing: Pick<RoutingService, 'queueNow' | 'answersSoon'>;
  audit: AuditTrail;
  clock?: () => number;
}

/** What a conversation started from an invitation opens with. */
export interface InvitationOpening {
  invitationId: string;
  text: string;
  /** The signing agent's name, or undefined for the team. */
  sender?: string;
  queueId: string;
}

export class InvitationService {
  private readonly clock: () => number;
  private readonly counted = new Set<string>();
  // Per client address: a person sees a handful of invitations an hour, not hundreds.
  private readonly limiter = new RateLimiter(60, 3_600_000);

  constructor(private readonly deps: InvitationServiceDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  /** Every invitation with its counts, for the admin screen and the reports. */
  async list(): Promise<InvitationView[]> {
    const [records, counts] = await Promise.all([this.deps.store.invitations.list(), this.deps.store.invitations.counts()]);
    return Promise.all(records.map(async (r) => this.view(r, counts.get(r.id))));
  }

  /** @throws AppError `not-found`. */
  async get(id: string): Promise<InvitationView> {
    const record = await this.deps.store.invitations.find(id);
    if (!record) throw new AppError('not-found', 'no such invitation');
    return this.view(record, (await this.deps.store.invitations.counts()).get(id));
  }

  /** Creates (no id) or replaces an invitation. @throws AppError `invalid-input` (unknown queue or agent), `not-found`. */
  async save(actor: Actor, id: string | undefined, raw: InvitationInput): Promise<InvitationView> {
    const parsed = invitationInputSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('invalid-input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const input = parsed.data;
    const before = id ? await this.deps.store.invitations.find(id) : undefined;
    if (id && !before) throw new AppError('not-found', 'no such invitation');
    const queue = await this.deps.store.queues.findBySlugOrDefault(input.queue);
    if (!queue || (input.queue && queue.slug !== input.queue)) throw new AppError('invalid-input', `no queue "${input.queue}"`, [{ path: 'queue', message: 'no such queue' }]);
    if (input.senderAgentId && !(await this.deps.store.agents.findById(input.senderAgentId))) {
      throw new AppError('invalid-input', 'the sender is not an agent of this team', [{ path: 'senderAgentId', message: 'no such agent' }]);
    }
    const now = this.clock();
    const record: InvitationRecord = {
      id: before?.id ?? randomUUID(),
      text: input.text,
      ...(input.senderAgentId ? { senderAgentId: input.senderAgentId } : {}),
      queueId: queue.id,
      pathPattern: input.pathPattern,
      delaySeconds: input.delaySeconds,
      returningOnly: input.returningOnly,
      enabled: input.enabled,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await this.deps.store.transaction(async (tx) => {
      if (before) await tx.invitations.update(record);
      else await tx.invitations.insert(record);
      await this.deps.audit.record(auditActorOf(actor), before ? 'invitation.changed' : 'invitation.created', { type: 'invitation', id: record.id }, { pathPattern: record.pathPattern, enabled: record.enabled }, tx);
    });
    return this.get(record.id);
  }

  /** @throws AppError `not-found`. */
  async remove(actor: Actor, id: string): Promise<void> {
    if (!(await this.deps.store.invitations.find(id))) throw new AppError('not-found', 'no such invitation');
    await this.deps.store.transaction(async (tx) => {
      await tx.invitations.remove(id);
      await this.deps.audit.record(auditActorOf(actor), 'invitation.removed', { type: 'invitation', id }, {}, tx);
    });
  }

  /** The invitation to show on this page now, if any: path, returning visitor, queue hours, an agent who can answer. */
  async match(path: string, returning: boolean): Promise<InvitationOffer | null> {
    const invitations = await this.deps.store.invitations.listEnabled();
    if (invitations.length === 0) return null;
    const queues = new Map((await this.deps.store.queues.list()).map((q) => [q.id, q]));
    const now = this.clock();
    const picked = pickInvitation(invitations, {
      path,
      returning,
      queueOpen: (queueId) => queues.has(queueId) && isOpen(queues.get(queueId)!.hours, now),
      agentCanAnswer: (queueId) => this.deps.routing.queueNow(queueId).agentsAvailable > 0 || this.deps.routing.answersSoon(queueId, 'chat', ANSWER_SOON_MS),
    });
    if (!picked) return null;
    return { id: picked.id, text: picked.text, sender: await this.senderName(picked), delaySeconds: picked.delaySeconds };
  }

  /**
   * Counts one showing or opening: once per viewer, and at most 60 an hour per client address.
   * An unknown or disabled invitation counts nothing. @throws AppError `rate-limited`.
   */
  async count(id: string, what: 'shown' | 'opened', viewer: string, clientAddress: string): Promise<void> {
    const key = `${id}:${what}:${viewer}`;
    if (this.counted.has(key)) return;
    if (!this.limiter.take(clientAddress, this.clock())) throw new AppError('rate-limited', 'too many requests; try again later');
    const invitation = await this.deps.store.invitations.find(id);
    if (!invitation?.enabled) return;
    this.counted.add(key);
    if (this.counted.size > DEDUPE_SIZE) this.counted.delete(this.counted.values().next().value!);
    await this.deps.store.invitations.count(id, what);
  }

  /** What a conversation replying to this invitation opens with; undefined when it is gone or turned off. */
  async opening(id: string): Promise<InvitationOpening | undefined> {
    const invitation = await this.deps.store.invitations.find(id);
    if (!invitation?.enabled) return undefined;
    const sender = await this.senderName(invitation);
    return { invitationId: invitation.id, text: invitation.text, ...(sender ? { sender } : {}), queueId: invitation.queueId };
  }

  private async senderName(i: InvitationRecord): Promise<string | null> {
    if (!i.senderAgentId) return null;
    return (await this.deps.store.agents.findById(i.senderAgentId))?.name ?? null;
  }

  private async view(r: InvitationRecord, counts = { shown: 0, opened: 0, conversations: 0 }): Promise<InvitationView> {
    const queue = (await this.deps.store.queues.findById(r.queueId))!;
    return {
      id: r.id,
      text: r.text,
      senderAgentId: r.senderAgentId ?? null,
      senderName: await this.senderName(r),
      queue: { id: queue.id, slug: queue.slug, name: queue.name },
      pathPattern: r.pathPattern,
      delaySeconds: r.delaySeconds,
      returningOnly: r.returningOnly,
      enabled: r.enabled,
      counts,
    };
  }
}
