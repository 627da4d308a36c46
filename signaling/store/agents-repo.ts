/** Agent accounts: credentials, role, chosen presence and chat capacity. */
import type { Kysely } from 'kysely';
import type { AgentRole, AgentStatus } from '../protocol/presence.js';
import type { Database } from './schema.js';

export interface AgentRecord {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  status: AgentStatus;
  maxChats: number;
  createdAt: number;
}

type AgentRow = Database['agents'];

const toRecord = (r: AgentRow): AgentRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as AgentRole,
  passwordHash: r.password_hash,
  status: r.status as AgentStatus,
  maxChats: r.max_chats,
  createdAt: r.created_at,
});

export class AgentsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(agent: AgentRecord): Promise<void> {
    await this.db
      .insertInto('agents')
      .values({
        id: agent.id,
        email: agent.email,
        name: agent.name,
        role: agent.role,
        password_hash: agent.passwordHash,
        status: agent.status,
        max_chats: agent.maxChats,
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

  async setStatus(id: string, status: AgentStatus): Promise<void> {
    await this.db.updateTable('agents').set({ status }).where('id', '=', id).execute();
  }
}
