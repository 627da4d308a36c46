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

/**
 * Who may call an operation, as OpenAPI security requirements (the schemes are declared in
 * api-description.ts). `signedIn` is checked by requireAgent; `visitor` by the visitor-token
 * middlewares; `anyone` is explicit, so a forgotten requirement is a lint error, not a public route.
 */
export const access = {
  signedIn: [{ cookieAuth: [] }],
  visitor: [{ visitorToken: [] }],
  anyone: [],
} satisfies Record<string, Record<string, string[]>[]>;

/** What each error status means across the API; the body's `reason` says which case it is. */
const ERROR_MEANINGS = {
  400: 'Invalid input (`invalid-input`): `issues` names each field that was refused',
  401: 'Not signed in, or credentials not accepted (`not-authenticated`, `invalid-credentials`, `invalid-signature`)',
  403: 'Not allowed: your role may not do this, or the request came from another site (`forbidden`, `origin-not-allowed`)',
  404: 'No such thing, or not yours to see (`not-found`)',
  410: 'The link has expired (`link-expired`): ask for a new one',
  413: 'The file is larger than the site allows (`file-too-large`)',
  415: 'The file’s content, read from its bytes, is not a type the site accepts (`file-type-not-allowed`)',
  409: 'Conflicts with the current state (`conversation-ended`, `offer-unavailable`, `replayed`, `already-reviewed`, `visitor-not-connected`, `web-calls-off`, `call-in-progress`)',
  429: 'Too many requests; try again later (`rate-limited`)',
} as const;

/** The standard error responses, for OpenAPI documents: the shared `Error` body with what each status means. */
export const errorResponses = (...statuses: (keyof typeof ERROR_MEANINGS)[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: ERROR_MEANINGS[s], content: { 'application/json': { schema: errorBodySchema } } }]));

/** A required JSON request body, for `createRoute({ request })`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** A 200 JSON response, for `createRoute({ responses })`. */
export const jsonOk = <T extends z.ZodType>(schema: T, description: string) => ({ 200: { description, content: { 'application/json': { schema } } } });

/** The `{id}` path parameter of a resource. */
export const idParam = { params: z.object({ id: z.string().min(1).max(64).openapi({ description: 'The resource’s id', example: '3f2b8c1e-6d4a-4b7e-9a51-2c8d0e7f4a19' }) }) };

/** A 204 response, for removals. */
export const noContent = { 204: { description: 'Removed' } };
