/** The addresses customers gave (and what confirmed each), and the possible matches agents decide on. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type AddressKind = 'email' | 'phone';

export interface CustomerAddress {
  customerId: string;
  kind: AddressKind;
  value: string;
  /** `identity`, `channel`, `agent:<id>`; undefined for a mere claim. */
  confirmedBy?: string;
}

export interface CustomerMatchRecord {
  id: string;
  customerId: string;
  matchId: string;
  kind: AddressKind;
  value: string;
  status: 'open' | 'linked' | 'dismissed';
  createdAt: number;
}

const toMatch = (r: Database['customer_matches']): CustomerMatchRecord => ({
  id: r.id,
  customerId: r.customer_id,
  matchId: r.match_id,
  kind: r.kind as AddressKind,
  value: r.value,
  status: r.status as CustomerMatchRecord['status'],
  createdAt: Number(r.created_at),
});

export class CustomerIdentityRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records an address; a confirmation is kept once given (a later claim does not undo it). */
  async addAddress(a: CustomerAddress, at: number): Promise<void> {
    await this.db
      .insertInto('customer_addresses')
      .values({ customer_id: a.customerId, kind: a.kind, value: a.value, confirmed_by: a.confirmedBy ?? null, created_at: at })
      .onConflict((oc) => (a.confirmedBy ? oc.columns(['customer_id', 'kind', 'value']).doUpdateSet({ confirmed_by: a.confirmedBy }) : oc.columns(['customer_id', 'kind', 'value']).doNothing()))
      .execute();
  }

  /** Every customer that gave this address, confirmed or not. */
  async holdersOf(kind: AddressKind, value: string): Promise<CustomerAddress[]> {
    const rows = await this.db.selectFrom('customer_addresses').selectAll().where('kind', '=', kind).where('value', '=', value).orderBy('created_at').execute();
    return rows.map((r) => ({ customerId: r.customer_id, kind: r.kind as AddressKind, value: r.value, ...(r.confirmed_by ? { confirmedBy: r.confirmed_by } : {}) }));
  }

  /** Moves `from`'s addresses to `to` (a merge); an address both had keeps `to`'s row, confirmed if either was. */
  async moveAddresses(from: string, to: string, at: number): Promise<void> {
    const rows = await this.db.selectFrom('customer_addresses').selectAll().where('customer_id', '=', from).execute();
    for (const r of rows) await this.addAddress({ customerId: to, kind: r.kind as AddressKind, value: r.value, ...(r.confirmed_by ? { confirmedBy: r.confirmed_by } : {}) }, at);
    await this.db.deleteFrom('customer_addresses').where('customer_id', '=', from).execute();
  }

  /** Suggests that `customerId` may be `matchId`; false when that pair was suggested before (open or decided). */
  async suggest(m: Omit<CustomerMatchRecord, 'status'>): Promise<boolean> {
    const result = await this.db
      .insertInto('customer_matches')
      .values({ id: m.id, customer_id: m.customerId, match_id: m.matchId, kind: m.kind, value: m.value, status: 'open', created_at: m.createdAt, decided_by: null, decided_at: null })
      .onConflict((oc) => oc.columns(['customer_id', 'match_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async findMatch(id: string): Promise<CustomerMatchRecord | undefined> {
    const row = await this.db.selectFrom('customer_matches').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toMatch(row);
  }

  /** Open suggestions for the claimant's customer, oldest first. */
  async openMatchesOf(customerId: string): Promise<CustomerMatchRecord[]> {
    return (await this.db.selectFrom('customer_matches').selectAll().where('customer_id', '=', customerId).where('status', '=', 'open').orderBy('created_at').execute()).map(toMatch);
  }

  /** Closes an open suggestion; false when it was decided already (a racing click). */
  async decide(id: string, status: 'linked' | 'dismissed', by: string, at: number): Promise<boolean> {
    const result = await this.db.updateTable('customer_matches').set({ status, decided_by: by, decided_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * After merging `from` into `to`: suggestions naming `from` name `to`, and those that would
   * now pair `to` with itself are dropped. A pair suggested twice keeps the older suggestion.
   */
  async moveMatches(from: string, to: string): Promise<void> {
    await this.db.deleteFrom('customer_matches').where((eb) => eb.or([eb.and([eb('customer_id', '=', from), eb('match_id', '=', to)]), eb.and([eb('customer_id', '=', to), eb('match_id', '=', from)])])).execute();
    for (const column of ['customer_id', 'match_id'] as const) {
      const other = column === 'customer_id' ? 'match_id' : 'customer_id';
      const rows = await this.db.selectFrom('customer_matches').selectAll().where(column, '=', from).execute();
      for (const r of rows) {
        const clash = await this.db.selectFrom('customer_matches').select('id').where(column, '=', to).where(other, '=', r[other]).executeTakeFirst();
        if (clash) await this.db.deleteFrom('customer_matches').where('id', '=', r.id).execute();
        else await this.db.updateTable('customer_matches').set({ [column]: to }).where('id', '=', r.id).execute();
      }
    }
  }
}
