/** The router type every route file builds on: OpenAPI-aware, with validation errors made typed. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { errorBodySchema } from '../protocol/api.js';
import type { AgentRecord } from '../store/agents-repo.js';
import { AppError } from '../kernel/app-error.js';

export interface AppEnv {
  /** `agent` and `sessionId` behind requireAgent; `visitorId` behind a visitor-token check; `requestId` on every request (request-log.ts). */
  Variables: { agent: AgentRecord; sessionId: string; visitorId: string; requestId: string };
}

/** A router whose request validation failures become `invalid-input` errors listing each field. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('invalid-input', `invalid request: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`, issues);
      }
    },
  });
}

/** The standard error responses, for OpenAPI documents. */
export const errorResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 429)[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: 'Error', content: { 'application/json': { schema: errorBodySchema } } }]),
  );

/** A required JSON request body, for `createRoute({ request })`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** A 200 JSON response, for `createRoute({ responses })`. */
export const jsonOk = <T extends z.ZodType>(schema: T, description: string) => ({ 200: { description, content: { 'application/json': { schema } } } });

/** The `{id}` path parameter of a resource. */
export const idParam = { params: z.object({ id: z.string().min(1).max(64) }) };

/** A 204 response, for removals. */
export const noContent = { 204: { description: 'Removed' } };
