/** Possible matches of a conversation's customer: an agent links them (one person; audited) or says "not them". */
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { customerProfileSchema } from './response-schemas.js';
import { access, createRouter, errorResponses, jsonOk } from './router.js';

const params = {
  params: z.object({
    id: z.string().min(1).max(64).openapi({ description: 'The conversation whose customer it is' }),
    matchId: z.string().min(1).max(64).openapi({ description: 'The possible match, from the customer profile’s `possibleMatches`' }),
  }),
};
const profile = jsonOk(customerProfileSchema, "The conversation's customer now");
const staff = { tags: ['Customers'], security: access.signedIn };

const routes = {
  link: createRoute({ method: 'post', path: '/{id}/customer/matches/{matchId}/link', operationId: 'linkCustomerMatch', ...staff, summary: 'Link a possible match: the customer who gave the same address is this one (audited); their history shows from now on', request: params, responses: { ...profile, ...errorResponses(400, 401, 404) } }),
  dismiss: createRoute({ method: 'post', path: '/{id}/customer/matches/{matchId}/dismiss', operationId: 'dismissCustomerMatch', ...staff, summary: 'Dismiss a possible match ("not them"; audited)', request: params, responses: { ...profile, ...errorResponses(401, 404) } }),
};

/** Mounted at /api/conversations. */
export function customerMatchRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(routes.link, async (c) => {
    const { id, matchId } = c.req.valid('param');
    return c.json(await services.customers.linkMatch(agentActor(c), id, matchId), 200);
  });
  router.openapi(routes.dismiss, async (c) => {
    const { id, matchId } = c.req.valid('param');
    return c.json(await services.customers.dismissMatch(agentActor(c), id, matchId), 200);
  });
  return router;
}
