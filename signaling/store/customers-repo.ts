/** Customers, which visitors they are, and the audit of merging and splitting them. */
import type { Kysely } from 'kysely';
import type { CustomerAttributes, VisitorContext } from '../protocol/customers.js';
import type { Database } from './schema.js';

export interface CustomerRecord {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  externalId?: string;
  attributes: CustomerAttributes;
  createdAt: number;
  updatedAt: number;
}

const toRecord = (r: Database['customers']): CustomerRecord => ({
  id: r.id,
  ...(r.name ? { name: r.name } : {}),
  ...(r.email ? { email: r.email } : {}),
  ...(r.phone ? { phone: r.phone } : {}),
  ...(r.external_id ? { externalId: r.external_id } : {}),
  attributes: JSON.parse(r.attributes) as CustomerAttributes,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

export class CustomersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(c: CustomerRecord): Promise<void> {
    await this.db
      .insertInto('customers')
      .values({ id: c.id, name: c.name ?? null, email: c.email ?? null, phone: c.phone ?? null, external_id: c.externalId ?? null, attributes: JSON.stringify(c.attributes), created_at: c.createdAt, updated_at: c.updatedAt })
      .execute();
  }

  async update(c: CustomerRecord, at: number): Promise<void> {
    await this.db
      .updateTable('customers')
      .set({ name: c.name ?? null, email: c.email ?? null, phone: c.phone ?? null, external_id: c.externalId ?? null, attributes: JSON.stringify(c.attributes), updated_at: at })
      .where('id', '=', c.id)
      .execute();
  }

  async findById(id: string): Promise<CustomerRecord | undefined> {
    const row = await this.db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByExternalId(externalId: string): Promise<CustomerRecord | undefined> {
    const row = await this.db.selectFrom('customers').selectAll().where('external_id', '=', externalId).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Customers whose name, e-mail or phone contains `text` (case-insensitive), for an agent looking for a duplicate. */
  async search(text: string, limit = 10): Promise<CustomerRecord[]> {
    // Wildcards are dropped rather than escaped: LIKE escaping differs between SQLite and PostgreSQL.
    const like = `%${text.toLowerCase().replace(/[\\%_]/g, '')}%`;
    const rows = await this.db
      .selectFrom('customers')
      .selectAll()
      .where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email', 'like', like), eb('phone', 'like', like)]))
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('customers').where('id', '=', id).execute();
  }

  async customerOf(visitorId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('visitors').select('customer_id').where('id', '=', visitorId).executeTakeFirst();
    return row?.customer_id ?? undefined;
  }

  /** Links the visitor unless they already are someone's; false when they were (a racing first contact won). */
  async linkIfUnlinked(visitorId: string, customerId: string): Promise<boolean> {
    const result = await this.db.updateTable('visitors').set({ customer_id: customerId }).where('id', '=', visitorId).where('customer_id', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async link(visitorId: string, customerId: string): Promise<void> {
    await this.db.updateTable('visitors').set({ customer_id: customerId }).where('id', '=', visitorId).execute();
  }

  /** Moves every visitor of `from` to `to`. */
  async moveVisitors(from: string, to: string): Promise<void> {
    await this.db.updateTable('visitors').set({ customer_id: to }).where('customer_id', '=', from).execute();
  }

  async visitorIds(customerId: string): Promise<string[]> {
    return (await this.db.selectFrom('visitors').select('id').where('customer_id', '=', customerId).execute()).map((r) => r.id);
  }

  /** Every conversation of the customer's visitors, with its agent: who may read the customer. */
  async conversationsOf(customerId: string): Promise<{ id: string; visitorId: string; agentId?: string }[]> {
    const rows = await this.db.selectFrom('conversations as c').innerJoin('visitors as v', 'v.id', 'c.visitor_id').select(['c.id', 'c.visitor_id', 'c.agent_id']).where('v.customer_id', '=', customerId).execute();
    return rows.map((r) => ({ id: r.id, visitorId: r.visitor_id, ...(r.agent_id ? { agentId: r.agent_id } : {}) }));
  }

  /** The context of the customer's most recently seen visitor that has one. */
  async latestContext(customerId: string): Promise<VisitorContext | undefined> {
    const row = await this.db.selectFrom('visitors').select('context').where('customer_id', '=', customerId).where('context', 'is not', null).orderBy('last_seen_at', 'desc').executeTakeFirst();
    return row?.context ? (JSON.parse(row.context) as VisitorContext) : undefined;
  }

  async contextOf(visitorId: string): Promise<VisitorContext | undefined> {
    const row = await this.db.selectFrom('visitors').select('context').where('id', '=', visitorId).executeTakeFirst();
    return row?.context ? (JSON.parse(row.context) as VisitorContext) : undefined;
  }

  async setContext(visitorId: string, context: VisitorContext): Promise<void> {
    await this.db.updateTable('visitors').set({ context: JSON.stringify(context) }).where('id', '=', visitorId).execute();
  }

  async audit(customerId: string, action: string, actor: string, detail: string, at: number): Promise<void> {
    await this.db.insertInto('customer_audit').values({ customer_id: customerId, action, actor, detail, created_at: at }).execute();
  }

  async auditOf(customerId: string): Promise<{ action: string; actor: string; detail: string; at: number }[]> {
    const rows = await this.db.selectFrom('customer_audit').selectAll().where('customer_id', '=', customerId).orderBy('id', 'desc').limit(50).execute();
    return rows.map((r) => ({ action: r.action, actor: r.actor, detail: r.detail, at: Number(r.created_at) }));
  }

  async tagsOf(conversationIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (conversationIds.length === 0) return map;
    for (const r of await this.db.selectFrom('conversation_tags').selectAll().where('conversation_id', 'in', conversationIds).orderBy('tag').execute()) {
      map.set(r.conversation_id, [...(map.get(r.conversation_id) ?? []), r.tag]);
    }
    return map;
  }

  async setTags(conversationId: string, tags: string[]): Promise<void> {
    await this.db.deleteFrom('conversation_tags').where('conversation_id', '=', conversationId).execute();
    if (tags.length) await this.db.insertInto('conversation_tags').values(tags.map((tag) => ({ conversation_id: conversationId, tag }))).execute();
  }
}
