/**
 * Joining and separating customers: an agent's merge (of two customers they may both read), a
 * split, and the link or dismissal of a possible match. Each change lands in one transaction
 * with its two audit entries: the customer's own trail (shown in the pane) and the admin audit log.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { AuditActor, AuditTrail } from '../kernel/audit-trail.js';
import type { CustomerMatchRecord } from '../store/customer-identity-repo.js';
import type { CustomerRecord } from '../store/customers-repo.js';
import type { Store } from '../store/store.js';
import type { CustomerAddresses } from './addresses.js';
import type { CustomerAccess } from './customer-access.js';

/** Who changed a customer: `ref` for the customer's trail (`agent:<id>`, `system`), `actor` for the audit log. */
export interface ChangedBy {
  ref: string;
  actor: AuditActor;
}

export const bySystem: ChangedBy = { ref: 'system', actor: { name: 'system' } };
const byAgent = (actor: Actor & { kind: 'agent' }): ChangedBy => ({ ref: `agent:${actor.agent.id}`, actor: { id: actor.agent.id, name: actor.agent.name } });
const KIND_WORD = { email: 'e-mail', phone: 'phone' } as const;

export class CustomerMerges {
  constructor(
    private readonly store: Store,
    private readonly access: CustomerAccess,
    private readonly addresses: CustomerAddresses,
    private readonly audit: AuditTrail,
    /** The customer of a visitor, made on first need. */
    private readonly customerOf: (visitorId: string) => Promise<string>,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * An agent merges `sourceId` into the customer of a conversation they may read; they must be
   * able to read `sourceId` too. @returns the merged customer's id.
   * @throws AppError `not-found` for a customer they may not read, `invalid-input` for two verified ids.
   */
  async merge(actor: Actor & { kind: 'agent' }, conversationId: string, sourceId: string): Promise<string> {
    const conversation = await this.access.parties.authorize(actor, conversationId, 'read');
    const targetId = await this.customerOf(conversation.visitorId);
    if (sourceId === targetId) throw new AppError('not-found', 'no such customer');
    const source = await this.access.readable(actor, sourceId);
    const target = (await this.store.customers.findById(targetId))!;
    if (target.externalId && source.externalId && target.externalId !== source.externalId) throw new AppError('invalid-input', 'two verified customers are two people; they cannot be merged');
    await this.mergeInto(targetId, sourceId, byAgent(actor), 'merged', `by ${actor.agent.name}`);
    return targetId;
  }

  /** An agent splits a visitor (and their conversations) off into a customer of their own. @returns the conversation's customer now. */
  async split(actor: Actor & { kind: 'agent' }, conversationId: string, visitorId: string): Promise<string> {
    const conversation = await this.access.parties.authorize(actor, conversationId, 'read');
    const customerId = await this.customerOf(conversation.visitorId);
    const visitors = await this.store.customers.visitorIds(customerId);
    if (!visitors.includes(visitorId) || visitors.length < 2) throw new AppError('invalid-input', 'only one of several visitors of this customer can be split off');
    const now = this.clock();
    const visitor = await this.store.visitors.findById(visitorId);
    const id = randomUUID();
    const by = byAgent(actor);
    await this.store.transaction(async (tx) => {
      await tx.customers.insert({ id, ...(visitor?.name ? { name: visitor.name } : {}), ...(visitor?.email ? { email: visitor.email } : {}), ...(visitor?.phone ? { phone: visitor.phone } : {}), attributes: {}, createdAt: now, updatedAt: now });
      await tx.customers.link(visitorId, id);
      // What they told us stays a claim of theirs; suggesting the customer just split from would undo the agent's decision.
      await this.addresses.record(id, [{ kind: 'email', value: visitor?.email }, { kind: 'phone', value: visitor?.phone }], undefined, false, tx);
      await tx.customers.audit(customerId, 'split', by.ref, `visitor ${visitorId} to customer ${id} by ${actor.agent.name}`, now);
      await tx.customers.audit(id, 'split', by.ref, `from customer ${customerId} by ${actor.agent.name}`, now);
      await this.audit.record(by.actor, 'customer.split', { type: 'customer', id: customerId }, { visitorId, to: id, conversationId }, tx);
    });
    return visitorId === conversation.visitorId ? id : customerId;
  }

  /**
   * An agent of the claimant's conversation confirms a possible match: the two customers become
   * one (the verified one, else the existing one, survives) and the address counts as confirmed.
   * @returns the conversation's customer now. @throws AppError `not-found` for a match that is not this customer's or not open.
   */
  async link(actor: Actor & { kind: 'agent' }, conversationId: string, matchId: string): Promise<string> {
    const { customer, match } = await this.openMatch(actor, conversationId, matchId);
    const other = await this.store.customers.findById(match.matchId);
    if (!other) throw new AppError('not-found', 'no such possible match');
    if (customer.externalId && other.externalId) throw new AppError('invalid-input', 'two verified customers are two people; they cannot be linked');
    const [target, source] = other.externalId || !customer.externalId ? [other, customer] : [customer, other];
    const by = byAgent(actor);
    const now = this.clock();
    await this.store.transaction(async (tx) => {
      if (!(await tx.customerIdentity.decide(match.id, 'linked', by.ref, now))) throw new AppError('not-found', 'no such possible match');
      await this.mergeInto(target.id, source.id, by, 'linked', `by ${KIND_WORD[match.kind]}, confirmed by ${actor.agent.name}`, tx);
      await tx.customerIdentity.addAddress({ customerId: target.id, kind: match.kind, value: match.value, confirmedBy: by.ref }, now);
    });
    return target.id;
  }

  /** "Not them": the suggestion goes away for good (the same pair is never suggested again). */
  async dismiss(actor: Actor & { kind: 'agent' }, conversationId: string, matchId: string): Promise<string> {
    const { customer, match } = await this.openMatch(actor, conversationId, matchId);
    const by = byAgent(actor);
    const now = this.clock();
    await this.store.transaction(async (tx) => {
      if (!(await tx.customerIdentity.decide(match.id, 'dismissed', by.ref, now))) throw new AppError('not-found', 'no such possible match');
      await tx.customers.audit(customer.id, 'match-dismissed', by.ref, `a customer with the same ${KIND_WORD[match.kind]} is someone else, said ${actor.agent.name}`, now);
      await this.audit.record(by.actor, 'customer.match-dismissed', { type: 'customer', id: customer.id }, { other: match.matchId, kind: match.kind, conversationId }, tx);
    });
    return customer.id;
  }

  /** Moves everything of `sourceId` to `targetId` and removes `sourceId`; the target keeps its own name and details. */
  async mergeInto(targetId: string, sourceId: string, by: ChangedBy, action: 'merged' | 'linked', how: string, store: Store = this.store): Promise<void> {
    const now = this.clock();
    await store.transaction(async (tx) => {
      const target = (await tx.customers.findById(targetId))!;
      const source = (await tx.customers.findById(sourceId))!;
      const merged: CustomerRecord = {
        ...target,
        ...(target.name ? {} : source.name ? { name: source.name } : {}),
        ...(target.email ? {} : source.email ? { email: source.email } : {}),
        ...(target.phone ? {} : source.phone ? { phone: source.phone } : {}),
        ...(target.externalId ? {} : source.externalId ? { externalId: source.externalId } : {}),
        attributes: { ...source.attributes, ...target.attributes },
      };
      await tx.customers.moveVisitors(sourceId, targetId);
      await tx.customerIdentity.moveAddresses(sourceId, targetId, now);
      await tx.customerIdentity.moveMatches(sourceId, targetId);
      await tx.customers.remove(sourceId);
      await tx.customers.update(merged, now);
      await tx.customers.audit(targetId, action, by.ref, `customer ${sourceId}${source.name ? ` (${source.name})` : ''} ${action === 'linked' ? 'linked' : 'merged in'} ${how}`.trim(), now);
      await this.audit.record(by.actor, `customer.${action}`, { type: 'customer', id: targetId }, { source: sourceId, how }, tx);
    });
  }

  private async openMatch(actor: Actor & { kind: 'agent' }, conversationId: string, matchId: string): Promise<{ customer: CustomerRecord; match: CustomerMatchRecord }> {
    const conversation = await this.access.parties.authorize(actor, conversationId, 'read');
    const customerId = await this.customerOf(conversation.visitorId);
    const match = await this.store.customerIdentity.findMatch(matchId);
    if (!match || match.customerId !== customerId || match.status !== 'open') throw new AppError('not-found', 'no such possible match');
    return { customer: (await this.store.customers.findById(customerId))!, match };
  }
}
