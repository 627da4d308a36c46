/** Middleware that admits only requests with a live agent session cookie, optionally of some roles. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AgentRole } from '../protocol/presence.js';
import { AppError } from '../kernel/app-error.js';
import type { AuthService } from '../auth/auth-service.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { AppEnv } from './router.js';

export const SESSION_COOKIE = 'sb_session';

/** The signed-in agent of a request behind requireAgent, as the actor services take. */
export const agentActor = (c: { get(key: 'agent'): AgentRecord }) => ({ kind: 'agent' as const, agent: c.get('agent') });

export interface RequireAgentOptions {
  /**
   * Admit an agent who still has to replace an initial or temporary password (only the routes
   * that let them do it: who am I, change password, sign out). Everything else answers 403.
   */
  whilePasswordMustChange?: boolean;
}

export function requireAgent(auth: AuthService, roles?: AgentRole[], options: RequireAgentOptions = {}): MiddlewareHandler<AppEnv> {
  return async function requireAgentSession(c, next) {
    const sessionId = getCookie(c, SESSION_COOKIE);
    const agent = await auth.agentForSession(sessionId);
    if (!agent || !sessionId) throw new AppError('not-authenticated', 'sign in first');
    if (agent.mustChangePassword && !options.whilePasswordMustChange) throw new AppError('password-change-required', 'choose a new password first');
    if (roles && !roles.includes(agent.role)) throw new AppError('forbidden', 'your role may not do this');
    c.set('agent', agent);
    c.set('sessionId', sessionId);
    await next();
  };
}
