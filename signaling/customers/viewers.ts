/**
 * Who has which customer open, so that two agents on one customer see each other ("Ben is
 * also viewing"). In memory per node, like presence; every change is published through the
 * Bus to the agents concerned.
 */
import { topics, type Bus } from '../bus/bus.js';
import type { CustomerViewers } from '../protocol/customers.js';

export class CustomerViewersRegistry {
  /** customer id → agent id → how many of the agent's views (windows, panels) show it, with the name. */
  private readonly byCustomer = new Map<string, Map<string, { name: string; count: number }>>();

  constructor(private readonly bus: Bus) {}

  open(customerId: string, agent: { id: string; name: string }): void {
    const viewers = this.byCustomer.get(customerId) ?? new Map<string, { name: string; count: number }>();
    this.byCustomer.set(customerId, viewers);
    const entry = viewers.get(agent.id);
    if (entry) entry.count++;
    else viewers.set(agent.id, { name: agent.name, count: 1 });
    this.announce(customerId, entry ? [] : [agent.id]);
  }

  close(customerId: string, agentId: string): void {
    const viewers = this.byCustomer.get(customerId);
    const entry = viewers?.get(agentId);
    if (!viewers || !entry) return;
    if (--entry.count > 0) return;
    viewers.delete(agentId);
    if (viewers.size === 0) this.byCustomer.delete(customerId);
    this.announce(customerId, [agentId]);
  }

  /** The agent's app went away: they view nothing any more. */
  agentGone(agentId: string): void {
    for (const [customerId, viewers] of [...this.byCustomer]) {
      const entry = viewers.get(agentId);
      if (!entry) continue;
      entry.count = 1;
      this.close(customerId, agentId);
    }
  }

  viewersOf(customerId: string): CustomerViewers {
    return { customerId, agents: [...(this.byCustomer.get(customerId) ?? [])].map(([id, v]) => ({ id, name: v.name })) };
  }

  /** Tells everyone viewing (and those who just left) who is viewing now. */
  private announce(customerId: string, alsoTell: string[]): void {
    const viewers = this.viewersOf(customerId);
    for (const id of new Set([...viewers.agents.map((a) => a.id), ...alsoTell])) this.bus.publish(topics.agent(id), { type: 'viewers', viewers });
  }
}
