/**
 * Who may read a customer: supervisors and admins any; an agent one whose conversation they
 * handle, joined, or hold an offer for. Everything a customer holds (every contact, note and
 * timeline event) is readable with it, so merging asks this of both customers.
 */
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import type { CustomerRecord } from '../store/customers-repo.js';
import type { Store } from '../store/store.js';

export class CustomerAccess {
  constructor(
    private readonly store: Store,
    readonly parties: ConversationParties,
  ) {}

  async mayRead(actor: Actor, customerId: string): Promise<boolean> {
    if (actor.kind !== 'agent') return false;
    if (actor.agent.role !== 'agent') return true;
    for (const conversation of await this.store.customers.conversationsOf(customerId)) {
      if (await this.parties.may(actor, conversation, 'read')) return true;
    }
    return false;
  }

  /**
   * The customer, if the actor may read it.
   * @throws AppError `not-found` otherwise, as for a customer that does not exist: outsiders learn nothing.
   */
  async readable(actor: Actor, customerId: string): Promise<CustomerRecord> {
    const customer = await this.store.customers.findById(customerId);
    if (!customer || !(await this.mayRead(actor, customerId))) throw new AppError('not-found', 'no such customer');
    return customer;
  }
}
