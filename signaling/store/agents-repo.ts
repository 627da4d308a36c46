/** Agent accounts: credentials, role, chosen presence, skills and capacity per channel. */
import type { Kysely, Selectable } from 'kysely';
import type { Capacity, Skills } from '../acd/types.js';
import type { AgentRole, AgentStatus } from '../protocol/presence.js';
import type { Database } from './schema.js';

export interface AgentRecord {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  status: AgentStatus;
  /** Why the agent is away (lunch, meeting, no-answer…), when they are. */
  breakReason?: string;
  skills: Skills;
  capacity: Capacity;
  createdAt: number;
}

/** What a new agent may handle at once unless configured otherwise. */
export const DEFAULT_CAPACITY: Capacity = { chat: 3, voice: 1, email: 5, message: 5 };

const toRecord = (r: Selectable<Database['agents']>): AgentRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as AgentRole,
  passwordHash: r.password_hash,
  status: r.status as AgentStatus,
  ...(r.break_reason ? { breakReason: r.break_reason } : {}),
  skills: JSON.parse(r.skills) as Skills,
  capacity: JSON.parse(r.capacity) as Capacity,
  createdAt: r.created_at,
});

export class AgentsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(agent: Omit<AgentRecord, 'skills' | 'capacity'> & Partial<Pick<AgentRecord, 'skills' | 'capacity'>>): Promise<void> {
    await this.db
      .insertInto('agents')
      .values({
        id: agent.id,
        email: agent.email.toLowerCase(),
        name: agent.name,
        role: agent.role,
        password_hash: agent.passwordHash,
        status: agent.status,
        break_reason: agent.breakReason ?? null,
        skills: JSON.stringify(agent.skills ?? {}),
        capacity: JSON.stringify(agent.capacity ?? DEFAULT_CAPACITY),
        created_at: agent.createdAt,
      })
      .execute();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('agents').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findById(id: string): Promise<AgentRecord | undefined> {
    const row = await this.db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByEmail(email: string): Promise<AgentRecord | undefined> {
    const row = await this.db.selectFrom('agents').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<AgentRecord[]> {
    return (await this.db.selectFrom('agents').selectAll().orderBy('name').execute()).map(toRecord);
  }

  async setStatus(id: string, status: AgentStatus, breakReason?: string): Promise<void> {
    await this.db.updateTable('agents').set({ status, break_reason: status === 'away' ? (breakReason ?? null) : null }).where('id', '=', id).execute();
  }

  /** Sets the agent's skills and capacities; absent fields keep their value. */
  async updateRouting(id: string, routing: { skills?: Skills; capacity?: Capacity }): Promise<void> {
    const set: Partial<Pick<Database['agents'], 'skills' | 'capacity'>> = {};
    if (routing.skills) set.skills = JSON.stringify(routing.skills);
    if (routing.capacity) set.capacity = JSON.stringify(routing.capacity);
    if (Object.keys(set).length) await this.db.updateTable('agents').set(set).where('id', '=', id).execute();
  }
}
