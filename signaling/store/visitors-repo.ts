/** Anonymous website visitors, and what they told us about themselves. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface VisitorRecord {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  createdAt: number;
  lastSeenAt: number;
  /** The visitor turned calls from agents off. */
  webCallsOff: boolean;
}

const toRecord = (r: Database['visitors']): VisitorRecord => ({
  id: r.id,
  ...(r.name ? { name: r.name } : {}),
  ...(r.email ? { email: r.email } : {}),
  ...(r.phone ? { phone: r.phone } : {}),
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  webCallsOff: r.web_calls_off === 1,
});

export class VisitorsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(id: string, now: number): Promise<void> {
    await this.db.insertInto('visitors').values({ id, name: null, email: null, phone: null, created_at: now, last_seen_at: now, web_calls_off: 0 }).execute();
  }

  async findById(id: string): Promise<VisitorRecord | undefined> {
    const row = await this.db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Sets the fields given; absent fields keep their value. */
  async identify(id: string, fields: { name?: string; email?: string; phone?: string }): Promise<void> {
    const set: Partial<Database['visitors']> = {};
    if (fields.name !== undefined) set.name = fields.name;
    if (fields.email !== undefined) set.email = fields.email.toLowerCase();
    if (fields.phone !== undefined) set.phone = fields.phone;
    if (Object.keys(set).length) await this.db.updateTable('visitors').set(set).where('id', '=', id).execute();
  }

  /** The visitor most recently seen with this e-mail address (stored lower case). */
  async findByEmail(email: string): Promise<VisitorRecord | undefined> {
    const row = await this.db.selectFrom('visitors').selectAll().where('email', '=', email.toLowerCase()).orderBy('last_seen_at', 'desc').executeTakeFirst();
    return row && toRecord(row);
  }

  /** Turns calls from agents off for this visitor, or back on. */
  async setWebCallsOff(id: string, off: boolean): Promise<void> {
    await this.db.updateTable('visitors').set({ web_calls_off: off ? 1 : 0 }).where('id', '=', id).execute();
  }

  async touch(id: string, now: number): Promise<void> {
    await this.db.updateTable('visitors').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
}
