/**
 * Failed sign-ins, counted three ways so that nobody can lock a person out (OWASP ASVS 2.2.1):
 * - per account and address pair: a few failures block that pair for a while (guessing one
 *   account's password from one machine);
 * - per address: many failures across accounts block the address (spraying);
 * - per account, from anywhere: past a much higher ceiling attempts are only slowed down,
 *   never refused, so the right password from a fresh address still works.
 * Successful sign-ins are not counted, so a whole office behind one NAT signs in at shift start.
 * In memory, per node; the cluster shares it through Redis.
 */
import type { LoginLimit } from '../protocol/team.js';

export interface LoginLimits {
  windowMs: number;
  /** Failures of one account from one address before the pair is blocked for `windowMs`. */
  pairFailures: number;
  /** Failures from one address, any accounts, before the address is blocked for `windowMs`. */
  addressFailures: number;
  /** Failures of one account from anywhere after which each attempt is delayed. */
  accountFailures: number;
  /** Added per failure past the ceiling, up to `maxDelayMs`. */
  delayStepMs: number;
  maxDelayMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * 60_000,
  pairFailures: 5,
  addressFailures: 100,
  accountFailures: 20,
  delayStepMs: 250,
  maxDelayMs: 5_000,
};

interface Counter {
  failures: number;
  windowStart: number;
  blockedUntil?: number;
}

/** The verdict before a password is checked. */
export type Admission = { refusedForMs: number } | { delayMs: number };

const pairKey = (email: string, address: string) => `${email}\n${address}`;

export class LoginThrottle {
  private readonly pairs = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  private readonly accounts = new Map<string, Counter>();

  constructor(
    private readonly clock: () => number,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Whether an attempt may go ahead now, and how long it must wait first. */
  admit(email: string, address: string): Admission {
    const now = this.clock();
    const blocked = Math.max(this.blockedFor(this.pairs.get(pairKey(email, address)), now), this.blockedFor(this.addresses.get(address), now));
    if (blocked > 0) return { refusedForMs: blocked };
    const account = this.live(this.accounts.get(email), now);
    const over = account ? account.failures - this.limits.accountFailures : 0;
    return { delayMs: over > 0 ? Math.min(this.limits.maxDelayMs, over * this.limits.delayStepMs) : 0 };
  }

  failed(email: string, address: string): void {
    const now = this.clock();
    this.count(this.pairs, pairKey(email, address), now, this.limits.pairFailures);
    this.count(this.addresses, address, now, this.limits.addressFailures);
    this.count(this.accounts, email, now, Number.POSITIVE_INFINITY);
  }

  /** The right password: this pair starts afresh (the address's and account's counts stay). */
  succeeded(email: string, address: string): void {
    this.pairs.delete(pairKey(email, address));
  }

  /** The limits in force now, for admins. */
  list(): LoginLimit[] {
    const now = this.clock();
    const out: LoginLimit[] = [];
    const add = (kind: LoginLimit['kind'], counter: Counter | undefined, ids: { email?: string; address?: string }) => {
      const c = this.live(counter, now);
      if (!c) return;
      out.push({ kind, ...ids, failures: c.failures, ...(c.blockedUntil && c.blockedUntil > now ? { blockedUntil: c.blockedUntil } : {}) });
    };
    for (const [key, c] of this.pairs) {
      const [email, address] = key.split('\n') as [string, string];
      add('pair', c, { email, address });
    }
    for (const [address, c] of this.addresses) add('address', c, { address });
    for (const [email, c] of this.accounts) if (c.failures > this.limits.accountFailures) add('account', c, { email });
    return out.sort((a, b) => b.failures - a.failures);
  }

  /** Clears the limits of an account, an address, or one pair. @returns how many were cleared. */
  clear(which: { email?: string; address?: string }): number {
    let cleared = 0;
    const drop = (map: Map<string, Counter>, key: string) => void (map.delete(key) && cleared++);
    for (const key of [...this.pairs.keys()]) {
      const [email, address] = key.split('\n');
      if ((!which.email || which.email === email) && (!which.address || which.address === address)) drop(this.pairs, key);
    }
    if (which.address && !which.email) drop(this.addresses, which.address);
    if (which.email && !which.address) drop(this.accounts, which.email);
    return cleared;
  }

  private count(map: Map<string, Counter>, key: string, now: number, blockAt: number): void {
    const c = this.live(map.get(key), now) ?? { failures: 0, windowStart: now };
    c.failures++;
    if (c.failures >= blockAt) c.blockedUntil = now + this.limits.windowMs;
    map.set(key, c);
    if (map.size > 10_000) this.prune(map, now);
  }

  /** The counter if its window (or its block) has not run out. */
  private live(c: Counter | undefined, now: number): Counter | undefined {
    if (!c) return undefined;
    return now - c.windowStart < this.limits.windowMs || (c.blockedUntil ?? 0) > now ? c : undefined;
  }

  private blockedFor(c: Counter | undefined, now: number): number {
    return c?.blockedUntil && c.blockedUntil > now ? c.blockedUntil - now : 0;
  }

  /** Drops finished windows, so an attacker cycling addresses cannot grow memory without bound. */
  private prune(map: Map<string, Counter>, now: number): void {
    for (const [key, c] of map) if (!this.live(c, now)) map.delete(key);
  }
}
