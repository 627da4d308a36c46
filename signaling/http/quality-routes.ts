/** Quality control: scorecards (admins), reviews of finished conversations (supervisors), and each agent's own reviews. */
import { createRoute, z } from '@hono/zod-openapi';
import { reviewInputSchema, scorecardInputSchema } from '../protocol/quality.js';
import { AppError } from '../kernel/app-error.js';
import type { AgentRole } from '../protocol/presence.js';
import type { AgentRecord } from '../store/agents-repo.js';
import type { Services } from '../wiring.js';
import { requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonBody, jsonOk } from './router.js';
import { reviewSchema, sampleItemSchema, scorecardSchema } from './response-schemas.js';

const tags = ['Quality'];
const security = access.signedIn;
const DAY = 86_400_000;

const reviewsQuery = z.object({
  from: z.coerce.number().int().min(0).optional().meta({ description: 'Scored at or after (milliseconds since the epoch); default 30 days ago' }),
  to: z.coerce.number().int().min(0).optional().meta({ description: 'Scored before; default now' }),
  agentId: z.string().min(1).max(64).optional().meta({ description: 'Only this agent’s (supervisors); agents always get their own' }),
});

const routes = {
  scorecards: createRoute({ method: 'get', path: '/scorecards', operationId: 'listScorecards', tags, security, summary: 'The scorecards (supervisors and admins)', responses: { ...jsonOk(z.array(scorecardSchema), 'Scorecards'), ...errorResponses(401, 403) } }),
  createScorecard: createRoute({ method: 'post', path: '/scorecards', operationId: 'createScorecard', tags, security, summary: 'Add a scorecard (admins)', request: jsonBody(scorecardInputSchema), responses: { ...jsonOk(scorecardSchema, 'The scorecard'), ...errorResponses(400, 401, 403) } }),
  updateScorecard: createRoute({ method: 'put', path: '/scorecards/{id}', operationId: 'updateScorecard', tags, security, summary: 'Change a scorecard (admins); past reviews keep the criteria they answered', request: { ...idParam, ...jsonBody(scorecardInputSchema) }, responses: { ...jsonOk(scorecardSchema, 'The scorecard'), ...errorResponses(400, 401, 403, 404) } }),
  sample: createRoute({ method: 'get', path: '/sample', operationId: 'getReviewSample', tags, security, summary: 'This week’s proposals: a few finished conversations per agent, not yet scored (supervisors and admins)', responses: { ...jsonOk(z.array(sampleItemSchema), 'Proposed conversations'), ...errorResponses(401, 403) } }),
  review: createRoute({ method: 'post', path: '/reviews', operationId: 'scoreConversation', tags, security, summary: 'Score a finished conversation with a scorecard (supervisors and admins; not your own)', request: jsonBody(reviewInputSchema), responses: { ...jsonOk(reviewSchema, 'The review'), ...errorResponses(400, 401, 403, 404) } }),
  reviews: createRoute({ method: 'get', path: '/reviews', operationId: 'listReviews', tags, security, summary: 'Reviews, newest first: an agent’s own, or (supervisors) anyone’s', request: { query: reviewsQuery }, responses: { ...jsonOk(z.array(reviewSchema), 'Reviews'), ...errorResponses(400, 401, 403) } }),
};

/** Refuses the request unless the agent's role is one of `roles`. */
function only(agent: AgentRecord, roles: AgentRole[], why: string): AgentRecord {
  if (!roles.includes(agent.role)) throw new AppError('forbidden', why);
  return agent;
}

export function qualityRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  const supervisor = (c: { get(key: 'agent'): AgentRecord }) => only(c.get('agent'), ['supervisor', 'admin'], 'supervisors and admins do quality reviews');
  const admin = (c: { get(key: 'agent'): AgentRecord }) => only(c.get('agent'), ['admin'], 'only admins keep the scorecards');
  router.openapi(routes.scorecards, async (c) => {
    supervisor(c);
    return c.json(await services.quality.scorecards(), 200);
  });
  router.openapi(routes.createScorecard, async (c) => c.json(await services.quality.createScorecard(admin(c), c.req.valid('json')), 200));
  router.openapi(routes.updateScorecard, async (c) => c.json(await services.quality.updateScorecard(admin(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.sample, async (c) => {
    supervisor(c);
    return c.json(await services.quality.sample(), 200);
  });
  router.openapi(routes.review, async (c) => c.json(await services.quality.review(supervisor(c), c.req.valid('json')), 200));
  router.openapi(routes.reviews, async (c) => {
    const query = c.req.valid('query');
    const to = query.to ?? Date.now();
    return c.json(await services.quality.reviews(c.get('agent'), { from: query.from ?? to - 30 * DAY, to, ...(query.agentId ? { agentId: query.agentId } : {}) }), 200);
  });
  return router;
}
