/**
 * Identity claims no longer join histories: every address a customer gave is kept with how it
 * was confirmed (by the site's verified identity, by a channel that proves it, by an agent who
 * linked it, or not at all), an unconfirmed match becomes a "possible match" for an agent to
 * decide, and mail senders keep their own visitor, so that claiming an address in the widget
 * does not receive that address's mail.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_addresses')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    // identity | channel | agent:<id>; null for a mere claim.
    .addColumn('confirmed_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_addresses_pk', ['customer_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('customer_addresses_value').on('customer_addresses').columns(['kind', 'value']).execute();
  // What customers already had was never confirmed: it is kept as a claim. Phones keep + and digits only.
  await sql`insert into customer_addresses (customer_id, kind, value, confirmed_by, created_at)
    select id, 'email', lower(email), null, created_at from customers where email is not null`.execute(db);
  await sql`insert into customer_addresses (customer_id, kind, value, confirmed_by, created_at)
    select id, 'phone', replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), null, created_at from customers where phone is not null`.execute(db);

  await db.schema
    .createTable('customer_matches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The claimant's customer, whose agents see the suggestion.
    .addColumn('customer_id', 'text', (c) => c.notNull())
    // The existing customer the claimed address belongs to.
    .addColumn('match_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    // open | linked | dismissed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'bigint')
    .execute();
  await db.schema.createIndex('customer_matches_pair').on('customer_matches').columns(['customer_id', 'match_id']).unique().execute();
  await db.schema.createIndex('customer_matches_match').on('customer_matches').column('match_id').execute();

  await db.schema
    .createTable('mail_senders')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id').onDelete('cascade'))
    .execute();
}
