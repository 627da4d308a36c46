/** Connects a visitor or an agent to a test server the way the widget and the agent app do. */
import { DEMO_PASSWORD } from '../../signaling/setup/bootstrap.js';
import { TEST_ADMIN, type TestServer } from './in-process-server.js';
import { TestSocket } from './test-socket.js';

export async function newVisitorToken(server: Pick<TestServer, 'url'>): Promise<string> {
  const response = await fetch(`${server.url}/api/visitors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  return ((await response.json()) as { token: string }).token;
}

export async function connectVisitor(server: Pick<TestServer, 'url' | 'origin'>, token?: string) {
  const t = token ?? (await newVisitorToken(server));
  const socket = await TestSocket.open(`${server.url.replace('http', 'ws')}/ws/visitor`, { Origin: server.origin });
  socket.send({ type: 'hello', protocol: 1, token: t });
  const welcome = await socket.next('welcome');
  return { socket, token: t, welcome };
}

export async function signIn(server: Pick<TestServer, 'url' | 'origin'>, email: string, password = email.startsWith('admin@') ? TEST_ADMIN.password : DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

export async function connectAgent(server: Pick<TestServer, 'url' | 'origin'>, email: string) {
  return connectAgentWithCookie(server, await signIn(server, email));
}

/** Opens the agent socket with a session cookie the test already holds. */
export async function connectAgentWithCookie(server: Pick<TestServer, 'url' | 'origin'>, cookie: string) {
  const socket = await TestSocket.open(`${server.url.replace('http', 'ws')}/ws/agent`, { Origin: server.origin, Cookie: cookie });
  socket.send({ type: 'hello', protocol: 1 });
  const welcome = await socket.next('welcome');
  return { socket, cookie, welcome };
}
