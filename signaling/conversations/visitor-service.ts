/** Anonymous visitor identities: issue a signed token, resume it, and resolve it on connect. */
import { randomUUID } from 'node:crypto';
import type { VisitorSession } from '../protocol/api.js';
import type { Store } from '../store/store.js';
import type { VisitorRecord } from '../store/visitors-repo.js';
import { VisitorTokens } from './visitor-tokens.js';

export class VisitorService {
  private readonly tokens: VisitorTokens;

  constructor(
    private readonly store: Store,
    secret: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = new VisitorTokens(secret);
  }

  /** Resumes the visitor of a valid token, or creates a new one (also when the token is bad). */
  async openSession(token?: string): Promise<VisitorSession> {
    const known = token ? await this.resolve(token) : undefined;
    if (known) return { visitorId: known.id, token: token! };
    const visitorId = randomUUID();
    await this.store.visitors.insert(visitorId, this.clock());
    return { visitorId, token: this.tokens.sign(visitorId) };
  }

  /** The visitor a token belongs to, if the token is genuine and the visitor exists. */
  async resolve(token: string): Promise<VisitorRecord | undefined> {
    const visitorId = this.tokens.verify(token);
    if (!visitorId) return undefined;
    const visitor = await this.store.visitors.findById(visitorId);
    if (visitor) await this.store.visitors.touch(visitorId, this.clock());
    return visitor;
  }
}
