/**
 * The e-mail addresses and phone numbers customers give, and what each proves. A claim (typed in
 * the widget, a mail's From line) proves nothing: when another customer gave the same address,
 * agents are shown a possible match to decide on, and neither history is joined.
 */
import { randomUUID } from 'node:crypto';
import type { AddressKind } from '../store/customer-identity-repo.js';
import type { Store } from '../store/store.js';

/** How an address is compared: e-mail case-folded, phone numbers as + and digits ("+1 (202) 555-0100" is "+12025550100"). */
export function addressKey(kind: AddressKind, value: string): string {
  return kind === 'email' ? value.trim().toLowerCase() : value.replace(/[^+0-9]/g, '');
}

/** At most this many possible matches per address: a shared office number must not flood the pane. */
const MAX_MATCHES_PER_ADDRESS = 3;

export class CustomerAddresses {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Records addresses the customer gave. `confirmedBy` says what proves them (`identity`,
   * `channel`, `agent:<id>`); without it they are claims. Each address another customer also
   * gave becomes a possible match for this customer's agents, unless both customers are
   * verified (two verified users are two people) or `suggest` is false.
   */
  async record(customerId: string, addresses: { kind: AddressKind; value: string | undefined }[], confirmedBy?: string, suggest = true, tx: Store = this.store): Promise<void> {
    const now = this.clock();
    for (const { kind, value: raw } of addresses) {
      const value = raw === undefined ? '' : addressKey(kind, raw);
      if (!value) continue;
      await tx.customerIdentity.addAddress({ customerId, kind, value, ...(confirmedBy ? { confirmedBy } : {}) }, now);
      if (!suggest) continue;
      const me = await tx.customers.findById(customerId);
      const others = [...new Set((await tx.customerIdentity.holdersOf(kind, value)).map((h) => h.customerId))].filter((id) => id !== customerId).slice(0, MAX_MATCHES_PER_ADDRESS);
      for (const otherId of others) {
        const other = await tx.customers.findById(otherId);
        if (!other || (me?.externalId && other.externalId)) continue;
        await tx.customerIdentity.suggest({ id: randomUUID(), customerId, matchId: otherId, kind, value, createdAt: now });
      }
    }
  }

  /** The one customer that has this address confirmed, if exactly one has. */
  async confirmedOwner(kind: AddressKind, raw: string): Promise<string | undefined> {
    const owners = new Set((await this.store.customerIdentity.holdersOf(kind, addressKey(kind, raw))).filter((h) => h.confirmedBy).map((h) => h.customerId));
    return owners.size === 1 ? [...owners][0] : undefined;
  }
}
