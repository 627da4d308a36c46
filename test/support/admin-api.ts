/**
 * The admin of an end-to-end server and their API, as an admin's own script would use it: the
 * environment that names the admin at first start, and a client that signs in once and then
 * calls `/api…` with that session, failing the test on any answer but 200.
 */
import assert from 'node:assert/strict';

export const E2E_ADMIN = { email: 'admin@e2e.local', password: 'admin-password-e2e' };

/** The environment that makes `E2E_ADMIN` the first admin (pass to `startServer({ env })`). */
export const e2eAdminEnv = { SWITCHBOARD_ADMIN_EMAIL: E2E_ADMIN.email, SWITCHBOARD_ADMIN_PASSWORD: E2E_ADMIN.password };

export interface AdminApi {
  /** Calls `/api{path}` as the admin and returns the JSON answer. */
  (method: string, path: string, body?: unknown): Promise<unknown>;
  /** The id of the team member with this e-mail. */
  agentId(email: string): Promise<string>;
  /** The id of the queue with this slug. */
  queueId(slug: string): Promise<string>;
}

export function adminApi(serverUrl: string, login = E2E_ADMIN): AdminApi {
  let cookie: Promise<string> | undefined;
  const session = async () => {
    const res = await fetch(`${serverUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: serverUrl }, body: JSON.stringify(login) });
    assert.equal(res.status, 200, `the admin could not sign in: ${await res.clone().text()}`);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${serverUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Origin: serverUrl, Cookie: await (cookie ??= session()) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.equal(res.status, 200, `${method} ${path}: ${await res.clone().text()}`);
    return res.json();
  };
  return Object.assign(call, {
    agentId: async (email: string) => ((await call('GET', '/admin/agents')) as { id: string; email: string }[]).find((a) => a.email === email)!.id,
    queueId: async (slug: string) => ((await call('GET', '/admin/queues')) as { id: string; slug: string }[]).find((q) => q.slug === slug)!.id,
  });
}
