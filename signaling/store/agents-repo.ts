/** Agent accounts: credentials, role, chosen presence, skills and capacity per channel. */
import type { Kysely, Selectable } from 'kysely';
import type { Capacity, Skills } from '../acd/types.js';
import type { AgentRole, AgentStatus } from '../protocol/presence.js';
import type { NotificationSettings } from '../protocol/team.js';
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
  /** False once deactivated: they cannot sign in; history keeps their name. */
  active: boolean;
  deactivatedAt?: number;
  /** Languages they serve customers in (base codes). */
  languages: string[];
  /** The app's language they chose. */
  locale?: string;
  /** Offer sounds and notifications; absent: the defaults. */
  notifications?: NotificationSettings;
  /** After an initial or temporary password: they choose their own before anything else. */
  mustChangePassword: boolean;
}

/** What a new account is given; the rest has defaults. */
export type NewAgent = Pick<AgentRecord, 'id' | 'email' | 'name' | 'role' | 'passwordHash' | 'status' | 'createdAt'> &
  Partial<Pick<AgentRecord, 'breakReason' | 'skills' | 'capacity' | 'languages' | 'mustChangePassword'>>;

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
  active: r.active === 1,
  ...(r.deactivated_at !== null ? { deactivatedAt: r.deactivated_at } : {}),
  languages: JSON.parse(r.languages) as string[],
  ...(r.locale ? { locale: r.locale } : {}),
  ...(r.notifications ? { notifications: JSON.parse(r.notifications) as NotificationSettings } : {}),
  mustChangePassword: r.must_change_password === 1,
});

export class AgentsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(agent: NewAgent): Promise<void> {
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
        languages: JSON.stringify(agent.languages ?? []),
        must_change_password: agent.mustChangePassword ? 1 : 0,
      })
      .execute();
  }

  /** Active admins: the last one may not be demoted or deactivated. */
  async countActiveAdmins(): Promise<number> {
    const row = await this.db.selectFrom('agents').select((eb) => eb.fn.countAll<number | string>().as('n')).where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Changes what an admin manages of a person; absent fields keep their value. */
  async updateMember(id: string, change: { name?: string; role?: AgentRole; languages?: string[]; skills?: Skills }): Promise<void> {
    const set: Partial<{ name: string; role: string; languages: string; skills: string }> = {};
    if (change.name !== undefined) set.name = change.name;
    if (change.role !== undefined) set.role = change.role;
    if (change.languages !== undefined) set.languages = JSON.stringify(change.languages);
    if (change.skills !== undefined) set.skills = JSON.stringify(change.skills);
    if (Object.keys(set).length) await this.db.updateTable('agents').set(set).where('id', '=', id).execute();
  }

  /** Changes what a person sets for themselves; `locale: null` goes back to the browser's language. */
  async updateProfile(id: string, change: { name?: string; locale?: string | null; notifications?: NotificationSettings }): Promise<void> {
    const set: Partial<{ name: string; locale: string | null; notifications: string }> = {};
    if (change.name !== undefined) set.name = change.name;
    if (change.locale !== undefined) set.locale = change.locale;
    if (change.notifications !== undefined) set.notifications = JSON.stringify(change.notifications);
    if (Object.keys(set).length) await this.db.updateTable('agents').set(set).where('id', '=', id).execute();
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await this.db.updateTable('agents').set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 }).where('id', '=', id).execute();
  }

  /**
   * Deactivates (`at`) or reactivates (`undefined`) an account. A deactivated one is offline.
   * @returns false when it was already so.
   */
  async setActive(id: string, active: boolean, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('agents')
      .set(active ? { active: 1, deactivated_at: null } : { active: 0, deactivated_at: at, status: 'offline', break_reason: null })
      .where('id', '=', id)
      .where('active', '=', active ? 0 : 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
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
