/** Inbound messaging channels, who wrote through them, and the message ids already taken. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface ChannelRecord {
  id: string;
  name: string;
  queueId: string;
  secret: string;
  outboundUrl?: string;
  createdAt: number;
}

const toRecord = (r: Database['channels']): ChannelRecord => ({
  id: r.id,
  name: r.name,
  queueId: r.queue_id,
  secret: r.secret,
  ...(r.outbound_url ? { outboundUrl: r.outbound_url } : {}),
  createdAt: Number(r.created_at),
});

export class ChannelsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(c: ChannelRecord): Promise<void> {
    await this.db.insertInto('channels').values({ id: c.id, name: c.name, queue_id: c.queueId, secret: c.secret, outbound_url: c.outboundUrl ?? null, created_at: c.createdAt }).execute();
  }

  async list(): Promise<ChannelRecord[]> {
    return (await this.db.selectFrom('channels').selectAll().orderBy('created_at').execute()).map(toRecord);
  }

  async findById(id: string): Promise<ChannelRecord | undefined> {
    const row = await this.db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('channels').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async visitorFor(channelId: string, externalId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('channel_contacts').select('visitor_id').where('channel_id', '=', channelId).where('external_id', '=', externalId).executeTakeFirst();
    return row?.visitor_id;
  }

  async externalIdOf(channelId: string, visitorId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('channel_contacts').select('external_id').where('channel_id', '=', channelId).where('visitor_id', '=', visitorId).executeTakeFirst();
    return row?.external_id;
  }

  async link(channelId: string, externalId: string, visitorId: string): Promise<void> {
    await this.db.insertInto('channel_contacts').values({ channel_id: channelId, external_id: externalId, visitor_id: visitorId }).execute();
  }

  async hasReceipt(channelId: string, messageId: string): Promise<boolean> {
    return (await this.db.selectFrom('channel_receipts').select('message_id').where('channel_id', '=', channelId).where('message_id', '=', messageId).executeTakeFirst()) !== undefined;
  }

  /** Takes a message id once: false when the channel delivered it before (a replay). */
  async takeReceipt(channelId: string, messageId: string, at: number): Promise<boolean> {
    const result = await this.db
      .insertInto('channel_receipts')
      .values({ channel_id: channelId, message_id: messageId, received_at: at })
      .onConflict((oc) => oc.columns(['channel_id', 'message_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
}
