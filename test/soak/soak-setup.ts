/**
 * Staffs the soak's contact center through the admin's REST API, as an admin would in the app:
 * agents invited and accepting their links (each gets a session), a supervisor, everyone's chat
 * capacity, and the agents as members of the default queue.
 */
import type { QueueView } from '../../signaling/protocol/admin.js';
import type { TeamMemberCreated } from '../../signaling/protocol/team.js';
import type { AgentLogin } from './soak-agent.js';
import { SOAK_ADMIN } from './soak-server.js';

const PASSWORD = 'Soak-agent-pass-Xq7vR2m';

export interface SoakTeam {
  agents: AgentLogin[];
  supervisor: AgentLogin;
  queueId: string;
}

export async function staffCenter(server: { url: string; origin: string }, agents: number, chatCapacity: number): Promise<SoakTeam> {
  const admin = await signIn(server, SOAK_ADMIN.email, SOAK_ADMIN.password);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Origin: server.origin, Cookie: admin },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  const invite = async (n: number, role: 'agent' | 'supervisor'): Promise<AgentLogin> => {
    const email = `${role}${n}@soak.local`;
    const created = await call<TeamMemberCreated>('POST', '/api/team', { name: `Soak ${role} ${n}`, email, role, method: 'invite' });
    const accepted = await fetch(`${server.url}/api/auth/links/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.origin },
      body: JSON.stringify({ token: created.invitation!.token, password: PASSWORD }),
    });
    if (!accepted.ok) throw new Error(`accepting ${email}'s invitation: ${accepted.status} ${await accepted.text()}`);
    return { id: created.member.id, email, password: PASSWORD, cookie: accepted.headers.get('set-cookie')!.split(';')[0]! };
  };

  const team: AgentLogin[] = [];
  for (let n = 0; n < agents; n++) team.push(await invite(n, 'agent'));
  const supervisor = await invite(0, 'supervisor');
  for (const a of team) {
    await call('PATCH', `/api/admin/agents/${a.id}/routing`, { capacity: { chat: chatCapacity, voice: 0, email: 0, message: 0 } });
  }
  const queue = (await call<QueueView[]>('GET', '/api/admin/queues')).find((q) => q.isDefault)!;
  await call('PUT', `/api/admin/queues/${queue.id}/members`, team.map((a, position) => ({ agentId: a.id, tier: 1, position })));
  // Nobody is turned away or timed out of the queue during the run.
  await call('PATCH', `/api/admin/queues/${queue.id}`, { maxSize: null, maxWaitMs: null, wrapUpMs: 0 });
  return { agents: team, supervisor, queueId: queue.id };
}

async function signIn(server: { url: string; origin: string }, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`admin sign-in: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}
