/**
 * Customers: one person across visitors, devices and channels. A visitor becomes a customer on
 * first contact; identification links them by verified user id first, then by e-mail or phone.
 * Two different verified ids are never merged, and a verified customer never absorbs someone
 * on an unverified claim; agents merge and split by hand, and every change is audited.
 */
import { randomUUID } from 'node:crypto';
import type { CustomerAttributes, CustomerProfile, CustomerTimeline, VisitorContext } from '../protocol/customers.js';
import { MAX_ATTRIBUTES, MAX_PAGES } from '../protocol/customers.js';
import type { ConversationNote } from '../protocol/notes.js';
import type { CustomerRecord } from '../store/customers-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import { verifyUserHash } from './identity.js';

export interface IdentifyInput {
  name?: string;
  email?: string;
  phone?: string;
  userId?: string;
  userHash?: string;
  attributes?: CustomerAttributes;
}

export class CustomerService {
  constructor(
    private readonly store: Store,
    private readonly parties: ConversationParties,
    private readonly identitySecret: string | undefined,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The visitor's customer, created (and matched by the visitor's e-mail or phone) on first need. */
  async ensure(visitorId: string): Promise<string> {
    const known = await this.store.customers.customerOf(visitorId);
    if (known) return known;
    const visitor = await this.store.visitors.findById(visitorId);
    if (!visitor) throw new AppError('not-found', 'no such visitor');
    const now = this.clock();
    // An e-mail or a channel's message from someone we know by address joins their customer, unless that one is verified.
    const match = (visitor.email && (await this.store.customers.findByContact('email', visitor.email))) || (visitor.phone && (await this.store.customers.findByContact('phone', visitor.phone))) || undefined;
    if (match && !match.externalId) {
      if (!(await this.store.customers.linkIfUnlinked(visitorId, match.id))) return (await this.store.customers.customerOf(visitorId))!;
      await this.store.customers.audit(match.id, 'matched', 'system', `visitor ${visitorId} by ${visitor.email ? 'e-mail' : 'phone'}`, now);
      return match.id;
    }
    const id = randomUUID();
    const linked = await this.store.transaction(async (tx) => {
      await tx.customers.insert({ id, ...(visitor.name ? { name: visitor.name } : {}), ...(visitor.email ? { email: visitor.email } : {}), ...(visitor.phone ? { phone: visitor.phone } : {}), attributes: {}, createdAt: now, updatedAt: now });
      if (await tx.customers.linkIfUnlinked(visitorId, id)) return true;
      await tx.customers.remove(id);
      return false;
    });
    return linked ? id : (await this.store.customers.customerOf(visitorId))!;
  }

  /**
   * What the page told us about its visitor. A valid `userHash` makes `userId` a verified
   * identity; an invalid one is refused and changes nothing.
   * @throws AppError `invalid-input` for a user id without a valid hash.
   */
  async identify(visitorId: string, input: IdentifyInput): Promise<string> {
    const verified = input.userId !== undefined;
    if (verified && !verifyUserHash(this.identitySecret, input.userId!, input.userHash ?? '')) {
      throw new AppError('invalid-input', this.identitySecret ? 'userHash does not match userId' : 'identity verification is not configured (IDENTITY_SECRET)', [{ path: 'userHash', message: 'mismatch' }]);
    }
    const now = this.clock();
    let customerId = await this.ensure(visitorId);
    let customer = (await this.store.customers.findById(customerId))!;

    if (verified && customer.externalId !== input.userId) {
      const owner = await this.store.customers.findByExternalId(input.userId!);
      if (owner) {
        // This visitor is that user: bring the anonymous history along, but never a verified one.
        if (!customer.externalId && (await this.store.customers.visitorIds(customer.id)).length === 1) await this.mergeInto(owner.id, customer.id, 'system', now);
        else await this.store.customers.link(visitorId, owner.id);
        customerId = owner.id;
      } else if (!customer.externalId) {
        customer = { ...customer, externalId: input.userId! };
        await this.store.customers.update(customer, now);
      } else {
        // Another user signed in on the same browser: a customer of their own.
        customerId = randomUUID();
        await this.store.customers.insert({ id: customerId, externalId: input.userId!, attributes: {}, createdAt: now, updatedAt: now });
        await this.store.customers.link(visitorId, customerId);
      }
      customer = (await this.store.customers.findById(customerId))!;
    }

    if (!verified && !customer.externalId) {
      // An unverified address joins an unverified customer with the same address.
      for (const field of ['email', 'phone'] as const) {
        const value = input[field];
        const other = value ? await this.store.customers.findByContact(field, field === 'email' ? value.toLowerCase() : value, customer.id) : undefined;
        if (other && !other.externalId) {
          await this.mergeInto(other.id, customer.id, 'system', now, `by ${field === 'email' ? 'e-mail' : 'phone'}`);
          customerId = other.id;
          customer = (await this.store.customers.findById(customerId))!;
          break;
        }
      }
    }

    const attributes = { ...customer.attributes, ...(input.attributes ?? {}) };
    if (Object.keys(attributes).length > MAX_ATTRIBUTES) throw new AppError('invalid-input', `a customer has at most ${MAX_ATTRIBUTES} attributes`);
    await this.store.customers.update(
      {
        ...customer,
        ...(input.name ? { name: input.name } : {}),
        ...(input.email ? { email: input.email.toLowerCase() } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
        attributes,
      },
      now,
    );
    return customerId;
  }

  /** Records a page view and what the browser says about itself (newest page last). */
  async recordContext(visitorId: string, seen: { page: { url: string; title?: string }; referrer?: string; language?: string; timeZone?: string; userAgent?: string }): Promise<void> {
    const context: VisitorContext = (await this.store.customers.contextOf(visitorId)) ?? { pages: [] };
    const last = context.pages.at(-1);
    const now = this.clock();
    if (last?.url !== seen.page.url) context.pages = [...context.pages, { url: seen.page.url, ...(seen.page.title ? { title: seen.page.title } : {}), at: now }].slice(-MAX_PAGES);
    // The referrer that brought them: the first one from another site is kept.
    if (seen.referrer && !context.referrer) context.referrer = seen.referrer;
    if (seen.language) context.language = seen.language;
    if (seen.timeZone) context.timeZone = seen.timeZone;
    if (seen.userAgent) context.userAgent = seen.userAgent.slice(0, 512);
    await this.store.customers.setContext(visitorId, context);
  }

  /** The customer of a conversation the agent may read (their own, one offered to them, or any for supervisors). */
  async profileForConversation(actor: Actor, conversationId: string): Promise<CustomerProfile> {
    const conversation = await this.parties.authorize(actor, conversationId, 'read');
    return this.profile(await this.ensure(conversation.visitorId));
  }

  /** Every event of every contact of the conversation's customer, newest contact first. */
  async timelineForConversation(actor: Actor, conversationId: string): Promise<CustomerTimeline> {
    const conversation = await this.parties.authorize(actor, conversationId, 'read');
    const customerId = await this.ensure(conversation.visitorId);
    const contacts = await this.store.conversations.summariesForVisitors(await this.store.customers.visitorIds(customerId));
    return Promise.all(contacts.map(async (c) => ({ conversation: c, events: await this.store.conversations.eventsAfter(c.id, 0) })));
  }

  /**
   * An agent merges `sourceId` into `targetId` (they are one person). Both must be customers of
   * conversations the agent may read. @throws AppError `invalid-input` for two verified ids.
   */
  async merge(actor: Actor & { kind: 'agent' }, conversationId: string, sourceId: string): Promise<CustomerProfile> {
    const conversation = await this.parties.authorize(actor, conversationId, 'read');
    const targetId = await this.ensure(conversation.visitorId);
    const [target, source] = [await this.store.customers.findById(targetId), await this.store.customers.findById(sourceId)];
    if (!target || !source || targetId === sourceId) throw new AppError('not-found', 'no such customer');
    if (target.externalId && source.externalId && target.externalId !== source.externalId) throw new AppError('invalid-input', 'two verified customers are two people; they cannot be merged');
    await this.mergeInto(targetId, sourceId, `agent:${actor.agent.id}`, this.clock(), `by ${actor.agent.name}`);
    return this.profile(targetId);
  }

  /** An agent splits a visitor (and their conversations) off into a customer of their own. */
  async split(actor: Actor & { kind: 'agent' }, conversationId: string, visitorId: string): Promise<CustomerProfile> {
    const conversation = await this.parties.authorize(actor, conversationId, 'read');
    const customerId = await this.ensure(conversation.visitorId);
    const visitors = await this.store.customers.visitorIds(customerId);
    if (!visitors.includes(visitorId) || visitors.length < 2) throw new AppError('invalid-input', 'only one of several visitors of this customer can be split off');
    const now = this.clock();
    const visitor = await this.store.visitors.findById(visitorId);
    const id = randomUUID();
    await this.store.transaction(async (tx) => {
      await tx.customers.insert({ id, ...(visitor?.name ? { name: visitor.name } : {}), ...(visitor?.email ? { email: visitor.email } : {}), ...(visitor?.phone ? { phone: visitor.phone } : {}), attributes: {}, createdAt: now, updatedAt: now });
      await tx.customers.link(visitorId, id);
      await tx.customers.audit(customerId, 'split', `agent:${actor.agent.id}`, `visitor ${visitorId} to customer ${id} by ${actor.agent.name}`, now);
      await tx.customers.audit(id, 'split', `agent:${actor.agent.id}`, `from customer ${customerId} by ${actor.agent.name}`, now);
    });
    return this.profile(visitorId === conversation.visitorId ? id : customerId);
  }

  /** The customer behind a conversation the agent may read. */
  async customerOfConversation(actor: Actor, conversationId: string): Promise<string> {
    const conversation = await this.parties.authorize(actor, conversationId, 'read');
    return this.ensure(conversation.visitorId);
  }

  /** An internal note: kept with the conversation for every agent who serves this customer; never shown to them. */
  async addNote(actor: Actor, conversationId: string, text: string, clientId: string): Promise<ConversationNote> {
    if (actor.kind !== 'agent') throw new AppError('forbidden', 'only agents write notes');
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    const note = await this.store.notes.add({ conversationId, kind: 'note', author: { id: actor.agent.id, name: actor.agent.name }, text, at: this.clock() }, clientId);
    await this.parties.publishToStaff(conversation, { type: 'note', note });
    return note;
  }

  /** Tags of a conversation the agent handles (or a supervisor). */
  async setTags(actor: Actor, conversationId: string, tags: string[]): Promise<string[]> {
    await this.parties.authorize(actor, conversationId, 'write');
    const clean = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
    await this.store.customers.setTags(conversationId, clean);
    return clean;
  }

  /** Customers matching a name, address or number, for an agent merging a duplicate. */
  async search(text: string): Promise<{ id: string; name?: string; email?: string; phone?: string; verified: boolean }[]> {
    return (await this.store.customers.search(text)).map((c) => ({ id: c.id, ...(c.name ? { name: c.name } : {}), ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone } : {}), verified: c.externalId !== undefined }));
  }

  async profile(customerId: string): Promise<CustomerProfile> {
    const customer = await this.store.customers.findById(customerId);
    if (!customer) throw new AppError('not-found', 'no such customer');
    const contacts = await this.store.conversations.summariesForVisitors(await this.store.customers.visitorIds(customerId));
    const ids = contacts.map((c) => c.id);
    const [tags, notes, firsts, context, audit] = await Promise.all([
      this.store.customers.tagsOf(ids),
      this.store.notes.listFor(ids),
      this.store.conversations.firstMessages(ids),
      this.store.customers.latestContext(customerId),
      this.store.customers.auditOf(customerId),
    ]);
    return {
      id: customer.id,
      ...(customer.name ? { name: customer.name } : {}),
      ...(customer.email ? { email: customer.email } : {}),
      ...(customer.phone ? { phone: customer.phone } : {}),
      verified: customer.externalId !== undefined,
      ...(customer.externalId ? { externalId: customer.externalId } : {}),
      attributes: customer.attributes,
      ...(context ? { context } : {}),
      contacts: contacts.map((c) => ({ ...c, tags: tags.get(c.id) ?? [], notes: notes.filter((n) => n.conversationId === c.id), ...(firsts.has(c.id) ? { firstMessage: firsts.get(c.id)! } : {}) })),
      audit,
    };
  }

  private async mergeInto(targetId: string, sourceId: string, actor: string, now: number, how = ''): Promise<void> {
    const target = (await this.store.customers.findById(targetId))!;
    const source = (await this.store.customers.findById(sourceId))!;
    const merged: CustomerRecord = {
      ...target,
      ...(target.name ? {} : source.name ? { name: source.name } : {}),
      ...(target.email ? {} : source.email ? { email: source.email } : {}),
      ...(target.phone ? {} : source.phone ? { phone: source.phone } : {}),
      ...(target.externalId ? {} : source.externalId ? { externalId: source.externalId } : {}),
      attributes: { ...source.attributes, ...target.attributes },
    };
    await this.store.transaction(async (tx) => {
      await tx.customers.moveVisitors(sourceId, targetId);
      await tx.customers.remove(sourceId);
      await tx.customers.update(merged, now);
      await tx.customers.audit(targetId, 'merged', actor, `customer ${sourceId}${source.name ? ` (${source.name})` : ''} merged in ${how}`.trim(), now);
    });
  }
}
