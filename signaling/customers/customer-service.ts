/**
 * Customers: one person across visitors, devices and channels. A visitor becomes a customer on
 * first contact. Only proof joins two automatically: the site's verified user id, or an address
 * a channel proves (an SMS comes from its number) that the customer confirmed before. An e-mail
 * or phone someone merely types is a claim: a match with another customer is shown to agents as
 * a possible match to link or dismiss, and that customer's history stays hidden until they link.
 * Agents merge and split by hand (only customers they may read), and every change is audited.
 */
import { randomUUID } from 'node:crypto';
import type { CustomerAttributes, CustomerProfile, CustomerTimeline, TrackedEvent, VisitorContext } from '../protocol/customers.js';
import { MAX_ATTRIBUTES, MAX_PAGES, MAX_TRACKED_EVENTS } from '../protocol/customers.js';
import type { ConversationNote } from '../protocol/notes.js';
import type { CustomerRecord } from '../store/customers-repo.js';
import type { Store } from '../store/store.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { AuditTrail } from '../kernel/audit-trail.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import type { AddressKind } from '../store/customer-identity-repo.js';
import { CustomerAddresses } from './addresses.js';
import { CustomerAccess } from './customer-access.js';
import { bySystem, CustomerMerges } from './customer-merges.js';
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
  private readonly access: CustomerAccess;
  private readonly addresses: CustomerAddresses;
  private readonly merges: CustomerMerges;

  constructor(
    private readonly store: Store,
    private readonly parties: ConversationParties,
    private readonly audit: AuditTrail,
    private readonly identitySecret: string | undefined,
    private readonly clock: () => number = Date.now,
  ) {
    this.access = new CustomerAccess(store, parties);
    this.addresses = new CustomerAddresses(store, clock);
    this.merges = new CustomerMerges(store, this.access, this.addresses, audit, (visitorId) => this.ensure(visitorId), clock);
  }

  /**
   * The visitor's customer, created on first need with what the visitor told us. An address
   * that another customer gave too is only a possible match: nothing is joined.
   */
  async ensure(visitorId: string): Promise<string> {
    const known = await this.store.customers.customerOf(visitorId);
    if (known) return known;
    const visitor = await this.store.visitors.findById(visitorId);
    if (!visitor) throw new AppError('not-found', 'no such visitor');
    const now = this.clock();
    const id = randomUUID();
    const linked = await this.store.transaction(async (tx) => {
      await tx.customers.insert({ id, ...(visitor.name ? { name: visitor.name } : {}), ...(visitor.email ? { email: visitor.email } : {}), ...(visitor.phone ? { phone: visitor.phone } : {}), attributes: {}, createdAt: now, updatedAt: now });
      if (await tx.customers.linkIfUnlinked(visitorId, id)) return true;
      await tx.customers.remove(id);
      return false;
    });
    if (!linked) return (await this.store.customers.customerOf(visitorId))!;
    await this.addresses.record(id, [{ kind: 'email', value: visitor.email }, { kind: 'phone', value: visitor.phone }]);
    return id;
  }

  /**
   * A channel proves that a new visitor holds this address (an SMS gateway's sender number):
   * they join the one customer who confirmed it, or become a customer for whom it is confirmed.
   */
  async joinByProvenAddress(visitorId: string, kind: AddressKind, value: string): Promise<string> {
    const owner = await this.addresses.confirmedOwner(kind, value);
    if (owner && (await this.store.customers.linkIfUnlinked(visitorId, owner))) {
      const how = `by ${kind === 'email' ? 'e-mail' : 'phone'} the customer confirmed`;
      await this.store.transaction(async (tx) => {
        await tx.customers.audit(owner, 'matched', bySystem.ref, `visitor ${visitorId} ${how}`, this.clock());
        await this.audit.record(bySystem.actor, 'customer.joined', { type: 'customer', id: owner }, { visitorId, how }, tx);
      });
      return owner;
    }
    const id = await this.ensure(visitorId);
    await this.addresses.record(id, [{ kind, value }], 'channel');
    return id;
  }

  /**
   * What the page told us about its visitor. A valid `userHash` makes `userId` a verified
   * identity, and the addresses sent with it confirmed; an invalid one is refused and changes
   * nothing. Unverified details never replace a verified customer's, only fill gaps.
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
        if (!customer.externalId && (await this.store.customers.visitorIds(customer.id)).length === 1) await this.merges.mergeInto(owner.id, customer.id, bySystem, 'merged', 'by verified identity');
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

    // A claim may fill in a verified customer's blanks, never overwrite what the site vouched for.
    const fillOnly = !verified && customer.externalId !== undefined;
    const pick = (given: string | undefined, current: string | undefined) => (given === undefined || (fillOnly && current !== undefined) ? current : given);
    const attributes = fillOnly ? { ...(input.attributes ?? {}), ...customer.attributes } : { ...customer.attributes, ...(input.attributes ?? {}) };
    if (Object.keys(attributes).length > MAX_ATTRIBUTES) throw new AppError('invalid-input', `a customer has at most ${MAX_ATTRIBUTES} attributes`);
    const name = pick(input.name, customer.name);
    const email = pick(input.email?.toLowerCase(), customer.email);
    const phone = pick(input.phone, customer.phone);
    await this.store.customers.update({ ...customer, ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}), attributes }, now);
    await this.addresses.record(customerId, [{ kind: 'email', value: input.email }, { kind: 'phone', value: input.phone }], verified ? 'identity' : undefined);
    return customerId;
  }

  /** Records a page view and what the browser says about itself (newest page last). */
  async recordContext(visitorId: string, seen: { page: { url: string; title?: string }; referrer?: string; language?: string; timeZone?: string; userAgent?: string }): Promise<void> {
    const context: VisitorContext = (await this.store.customers.contextOf(visitorId)) ?? { pages: [] };
    const last = context.pages.at(-1);
    const now = this.clock();
    const newPage = last?.url !== seen.page.url;
    if (newPage) context.pages = [...context.pages, { url: seen.page.url, ...(seen.page.title ? { title: seen.page.title } : {}), at: now }].slice(-MAX_PAGES);
    // The referrer that brought them: the first one from another site is kept.
    if (seen.referrer && !context.referrer) context.referrer = seen.referrer;
    if (seen.language) context.language = seen.language;
    if (seen.timeZone) context.timeZone = seen.timeZone;
    if (seen.userAgent) context.userAgent = seen.userAgent.slice(0, 512);
    await this.store.customers.setContext(visitorId, context);
    // The agent serving them sees "Pages visited" grow as they browse, not only when a message arrives.
    const open = newPage ? await this.store.conversations.findOpenForVisitor(visitorId) : undefined;
    if (open) await this.parties.publishToStaff(open, { type: 'customer-context', conversationId: open.id });
  }

  /** Records what the page reported the visitor did (`trackEvent`), the newest MAX_TRACKED_EVENTS kept, and tells the agent serving them. */
  async trackEvent(visitorId: string, event: Omit<TrackedEvent, 'at'>): Promise<void> {
    const context: VisitorContext = (await this.store.customers.contextOf(visitorId)) ?? { pages: [] };
    context.events = [...(context.events ?? []), { ...event, at: this.clock() }].slice(-MAX_TRACKED_EVENTS);
    await this.store.customers.setContext(visitorId, context);
    await this.contextChanged(visitorId);
  }

  /**
   * Merges what the page set about the conversation (`setConversationAttributes`) into the visitor's context.
   * @throws AppError `invalid-input` past MAX_ATTRIBUTES together.
   */
  async setConversationAttributes(visitorId: string, attributes: CustomerAttributes): Promise<void> {
    const context: VisitorContext = (await this.store.customers.contextOf(visitorId)) ?? { pages: [] };
    const merged = { ...context.conversationAttributes, ...attributes };
    if (Object.keys(merged).length > MAX_ATTRIBUTES) throw new AppError('invalid-input', `a conversation has at most ${MAX_ATTRIBUTES} attributes`);
    context.conversationAttributes = merged;
    await this.store.customers.setContext(visitorId, context);
    await this.contextChanged(visitorId);
  }

  private async contextChanged(visitorId: string): Promise<void> {
    const open = await this.store.conversations.findOpenForVisitor(visitorId);
    if (open) await this.parties.publishToStaff(open, { type: 'customer-context', conversationId: open.id });
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

  /** An agent merges another customer (one they may read too) into the conversation's customer. */
  async merge(actor: Actor & { kind: 'agent' }, conversationId: string, sourceId: string): Promise<CustomerProfile> {
    return this.profile(await this.merges.merge(actor, conversationId, sourceId));
  }

  /** An agent splits a visitor (and their conversations) off into a customer of their own. */
  async split(actor: Actor & { kind: 'agent' }, conversationId: string, visitorId: string): Promise<CustomerProfile> {
    return this.profile(await this.merges.split(actor, conversationId, visitorId));
  }

  /** An agent of the conversation confirms a possible match: one customer, whose history now shows. */
  async linkMatch(actor: Actor & { kind: 'agent' }, conversationId: string, matchId: string): Promise<CustomerProfile> {
    return this.profile(await this.merges.link(actor, conversationId, matchId));
  }

  /** "Not them": the possible match goes away. */
  async dismissMatch(actor: Actor & { kind: 'agent' }, conversationId: string, matchId: string): Promise<CustomerProfile> {
    return this.profile(await this.merges.dismiss(actor, conversationId, matchId));
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

  /**
   * Customers matching a name, address or number, for an agent merging a duplicate: only those
   * the agent may read (and so merge), so that a search reveals nobody else.
   */
  async search(actor: Actor, text: string): Promise<{ id: string; name?: string; email?: string; phone?: string; verified: boolean }[]> {
    const found: CustomerRecord[] = [];
    for (const c of await this.store.customers.search(text, 50)) if (found.length < 10 && (await this.access.mayRead(actor, c.id))) found.push(c);
    return found.map((c) => ({ id: c.id, ...(c.name ? { name: c.name } : {}), ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone } : {}), verified: c.externalId !== undefined }));
  }

  async profile(customerId: string): Promise<CustomerProfile> {
    const customer = await this.store.customers.findById(customerId);
    if (!customer) throw new AppError('not-found', 'no such customer');
    const contacts = await this.store.conversations.summariesForVisitors(await this.store.customers.visitorIds(customerId));
    const ids = contacts.map((c) => c.id);
    const [tags, notes, firsts, context, audit, matches] = await Promise.all([
      this.store.customers.tagsOf(ids),
      this.store.notes.listFor(ids),
      this.store.conversations.firstMessages(ids),
      this.store.customers.latestContext(customerId),
      this.store.customers.auditOf(customerId),
      this.store.customerIdentity.openMatchesOf(customerId),
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
      // The address only: who the other customer is stays hidden until an agent links them.
      possibleMatches: matches.map((m) => ({ id: m.id, kind: m.kind, value: m.value })),
    };
  }
}
