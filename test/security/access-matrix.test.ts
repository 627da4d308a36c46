/**
 * The access matrix: every route the app serves (read from `app.routes`, not hand-picked) is
 * tried by every role against objects that belong to someone, and must answer as declared in
 * access-rules.ts; an undeclared route fails. Refusals come first, on the untouched world, each
 * checked to change nothing in the database; then every role does what it may. Every socket
 * frame that names a conversation is sent by an outsider, and must be answered as for a
 * conversation that does not exist, changing nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { agentFrameSchema, visitorFrameSchema } from '../../signaling/protocol/client-frames.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import type { TestSocket } from '../support/test-socket.js';
import { DatabaseFingerprint, tryHttp, type Outcome, type Target } from './access-probes.js';
import { agentFrameRules, routeRules, visitorFrameRules, type FrameRule, type RouteRule } from './access-rules.js';
import { buildWorld, ROLES, type Role, type World } from './access-world.js';

/** What changes with any request, refused or not, so a refusal is not judged by it. */
const MOVING = {
  // A request with a session marks it used (what "your sessions" shows).
  sessions: ['last_seen_at'],
  // A request with a visitor token marks when that visitor was last seen.
  visitors: ['last_seen_at'],
} as const;

/** Method and pattern of every route the app answers (middleware-only entries are not routes). */
function servedRoutes(w: World): string[] {
  return [...new Set(w.server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();
}

const refused = (o: Outcome | 'same') => o !== 'ok' && o !== 'same';

describe('access matrix', () => {
  let w: World;
  let db: DatabaseFingerprint;
  /** Targets of routes without `fresh`, made once. */
  const targets = new Map<string, Target>();

  before(async () => {
    w = await buildWorld();
    db = new DatabaseFingerprint(w.server.dir, MOVING);
  });
  after(async () => {
    db?.close();
    await w?.close();
  });

  const targetOf = async (key: string, rule: RouteRule): Promise<Target> => {
    if (rule.fresh) return (await rule.target?.(w)) ?? {};
    if (!targets.has(key)) targets.set(key, (await rule.target?.(w)) ?? {});
    return targets.get(key)!;
  };

  /** Tries a route as a role; `ready` runs once the target exists (objects made for it are not the request's doing). */
  const attempt = async (key: string, rule: RouteRule, role: Role, ready: () => void = () => {}): Promise<Outcome> => {
    if (rule.probe) {
      ready();
      return rule.probe(w, role);
    }
    const [method, pattern] = key.split(' ') as [string, string];
    const cookie = rule.ownSession && w.creds[role].cookie ? await w.fresh.cookieFor(role) : w.creds[role].cookie;
    const target = await targetOf(key, rule);
    ready();
    return tryHttp(w, role, method, pattern, target, cookie);
  };

  it('declares who may use every route the app serves, and no route it does not serve', () => {
    const served = servedRoutes(w);
    assert.deepEqual(served.filter((r) => !routeRules[r]), [], 'declare these routes in test/security/access-rules.ts');
    assert.deepEqual(Object.keys(routeRules).filter((r) => !served.includes(r)), [], 'these declarations name no route');
  });

  it('refuses every role what it may not do, as declared, and a refusal changes nothing', async (t) => {
    const wrong: string[] = [];
    let tries = 0;
    for (const [key, rule] of Object.entries(routeRules)) {
      if (rule.expect === 'same') continue;
      for (const role of ROLES.filter((r) => refused((rule.expect as Record<Role, Outcome>)[r]))) {
        let before = new Map<string, string>();
        const got = await attempt(key, rule, role, () => (before = db.take()));
        tries++;
        const expected = (rule.expect as Record<Role, Outcome>)[role];
        if (got !== expected) wrong.push(`${key} as ${role}: ${got}, expected ${expected}`);
        const changed = DatabaseFingerprint.changed(before, db.take());
        if (changed.length) wrong.push(`${key} as ${role} (refused) changed ${changed.join(', ')}`);
      }
    }
    t.diagnostic(`${tries} refusals tried`);
    assert.deepEqual(wrong, []);
  });

  it('answers an outsider’s frames about a conversation that is not theirs as about one that does not exist, and they change nothing', async (t) => {
    const wrong: string[] = [];
    let tries = 0;
    const sides = [
      { name: 'visitor', socket: w.sockets.stranger.socket, rules: visitorFrameRules as Record<string, FrameRule>, types: visitorFrameSchema.options.map((o) => o.shape.type.value) },
      { name: 'agent', socket: w.sockets.outsider.socket, rules: agentFrameRules as Record<string, FrameRule>, types: agentFrameSchema.options.map((o) => o.shape.type.value) },
    ];
    for (const side of sides) {
      assert.deepEqual(side.types.filter((type) => !side.rules[type]).sort(), [], `declare these ${side.name} frames in access-rules.ts`);
      for (const type of side.types) {
        const rule = side.rules[type]!;
        if ('none' in rule) continue;
        const before = db.take();
        const fields = rule.fields(w);
        const real = await answerTo(side.socket, { type, ...fields });
        const madeUp = await answerTo(side.socket, { type, ...fields, conversationId: randomUUID() });
        tries++;
        const allowed = ['not-found', 'forbidden', ...(rule.answers ?? [])];
        if (!allowed.includes(real)) wrong.push(`${side.name} ${type}: ${real}, expected ${allowed.join(' or ')}`);
        if (real !== madeUp) wrong.push(`${side.name} ${type}: ${real} for a real conversation, ${madeUp} for none`);
        const changed = DatabaseFingerprint.changed(before, db.take());
        if (changed.length) wrong.push(`${side.name} ${type} changed ${changed.join(', ')}`);
      }
    }
    t.diagnostic(`${tries} frame types tried by outsiders`);
    assert.deepEqual(wrong, []);
  });

  it('lets every role do what it may, as declared; public routes answer everyone alike', async (t) => {
    const wrong: string[] = [];
    let tries = 0;
    for (const [key, rule] of Object.entries(routeRules)) {
      const answers = new Set<Outcome>();
      for (const role of ROLES) {
        if (rule.expect !== 'same' && refused(rule.expect[role])) continue;
        const got = await attempt(key, rule, role);
        tries++;
        answers.add(got);
        if (rule.expect !== 'same' && got !== rule.expect[role]) wrong.push(`${key} as ${role}: ${got}, expected ${rule.expect[role]}`);
      }
      if (rule.expect === 'same' && answers.size !== 1) wrong.push(`${key}: answers differ by role (${[...answers].join(', ')})`);
    }
    t.diagnostic(`${tries} allowed tries; ${servedRoutes(w).length} routes × ${ROLES.length} roles`);
    assert.deepEqual(wrong, []);
  });
});

/** Sends one frame and returns the reason of the error that answers it (`ack` when it was accepted). */
async function answerTo(socket: TestSocket, frame: Record<string, unknown>): Promise<string> {
  // Frames without an id (read, typing) are acknowledged by nothing; their refusal carries no id.
  const id = 'read typing'.split(' ').includes(frame.type as string) ? undefined : `mx-${randomUUID().slice(0, 12)}`;
  socket.send({ ...frame, ...(id ? { id } : {}) });
  const answer: ServerFrame = id ? await socket.answer(id) : await socket.next('error', (f) => f.id === undefined);
  return answer.type === 'error' ? answer.reason : answer.type;
}
