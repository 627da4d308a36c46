/** Middleware that admits only requests carrying a genuine visitor token (`Authorization: Bearer <token>`). */
import type { MiddlewareHandler } from 'hono';
import type { VisitorService } from '../conversations/visitor-service.js';
import { AppError } from '../kernel/app-error.js';
import type { AppEnv } from './router.js';

/** Sets `visitorId` for the route. @throws AppError `not-authenticated` without a valid token. */
export function requireVisitor(visitors: VisitorService): MiddlewareHandler<AppEnv> {
  return async function requireVisitorToken(c, next) {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const visitor = token ? await visitors.resolve(token) : undefined;
    if (!visitor) throw new AppError('not-authenticated', 'a visitor token is required (POST /api/visitors)');
    c.set('visitorId', visitor.id);
    await next();
  };
}
