/**
 * Staffs the soak's contact center before the server first starts, as the first-start bootstrap
 * does: the admin, the default queue, the agents (members of it, with their chat capacity) and a
 * supervisor, in the store the server then opens. Agents then sign in over REST like the app.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../signaling/auth/password.js';
import { bootstrap } from '../../signaling/setup/bootstrap.js';
import { openStore } from '../../signaling/store/open-store.js';
import type { AgentLogin } from './soak-agent.js';
import { SOAK_ADMIN, SOAK_SECRET } from './soak-server.js';

const PASSWORD = 'Soak-agent-pass-Xq7vR2m';

export interface SoakTeam {
  agents: AgentLogin[];
  supervisor: AgentLogin;
  queueId: string;
}

export async function seedCenter(databaseUrl: string, agents: number, chatCapacity: number): Promise<SoakTeam> {
  const store = await openStore(databaseUrl);
  try {
    await bootstrap(store, { demo: false, admin: SOAK_ADMIN, secret: SOAK_SECRET });
    const queue = (await store.queues.list()).find((q) => q.isDefault)!;
    // One hash for every soak account, as the demo agents share one: hashing is slow on purpose.
    const passwordHash = await hashPassword(PASSWORD);
    const add = async (n: number, role: 'agent' | 'supervisor'): Promise<AgentLogin> => {
      const login = { id: randomUUID(), email: `${role}${n}@soak.local`, password: PASSWORD, cookie: '' };
      await store.agents.insert({ id: login.id, email: login.email, name: `Soak ${role} ${n}`, role, passwordHash, status: 'offline', skills: {}, capacity: { chat: chatCapacity, voice: 0, email: 0, message: 0 }, createdAt: Date.now() });
      return login;
    };
    const team: AgentLogin[] = [];
    for (let n = 0; n < agents; n++) {
      const login = await add(n, 'agent');
      await store.queues.addMember(queue.id, login.id, { tier: 1, position: n });
      team.push(login);
    }
    return { agents: team, supervisor: await add(0, 'supervisor'), queueId: queue.id };
  } finally {
    await store.close();
  }
}

/** Signs in over REST, as the agent app's sign-in screen does; sets the login's session cookie. */
export async function signIn(server: { url: string; origin: string }, login: AgentLogin): Promise<void> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.origin },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  if (!response.ok) throw new Error(`${login.email} could not sign in: ${response.status} ${await response.text()}`);
  login.cookie = response.headers.get('set-cookie')!.split(';')[0]!;
}
