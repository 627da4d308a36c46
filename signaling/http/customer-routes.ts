/** The customer behind a conversation, for its agent (or one offered it, or a supervisor): screen pop, history, merge and split, tags. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonBody, jsonOk } from './router.js';
import { customerMatchSchema, customerProfileSchema, customerTimelineSchema } from './response-schemas.js';

const staff = { tags: ['Customers'], security: access.signedIn };

const routes = {
  profile: createRoute({ method: 'get', path: '/{id}/customer', operationId: 'getCustomerProfile', ...staff, summary: 'Screen pop: who the customer of a conversation is', description: 'Their details, their browser context, and every contact on every channel with tags and notes. For the conversation’s agent, an agent it is offered to, or a supervisor.', request: idParam, responses: { ...jsonOk(customerProfileSchema, 'The customer'), ...errorResponses(400, 401, 404) } }),
  timeline: createRoute({ method: 'get', path: '/{id}/customer/timeline', operationId: 'getCustomerTimeline', ...staff, summary: "Every event of every one of the customer's conversations, newest conversation first", request: idParam, responses: { ...jsonOk(customerTimelineSchema, 'Timeline'), ...errorResponses(400, 401, 404) } }),
  merge: createRoute({ method: 'post', path: '/{id}/customer/merge', operationId: 'mergeCustomer', ...staff, summary: "Merge another customer into this conversation's customer (audited); the agent must be allowed to read both", request: { ...idParam, ...jsonBody(z.object({ customerId: z.string().min(1).max(64) })) }, responses: { ...jsonOk(customerProfileSchema, 'The merged customer'), ...errorResponses(400, 401, 403, 404) } }),
  split: createRoute({ method: 'post', path: '/{id}/customer/split', operationId: 'splitCustomer', ...staff, summary: 'Split one visitor (and their conversations) off into a customer of their own (audited)', request: { ...idParam, ...jsonBody(z.object({ visitorId: z.string().min(1).max(64) })) }, responses: { ...jsonOk(customerProfileSchema, 'The customer of this conversation now'), ...errorResponses(400, 401, 403, 404) } }),
  tags: createRoute({ method: 'put', path: '/{id}/tags', operationId: 'setConversationTags', ...staff, summary: "Replace a conversation's tags", description: 'Tags are trimmed, lower-cased, deduplicated and sorted.', request: { ...idParam, ...jsonBody(z.object({ tags: z.array(z.string().trim().min(1).max(40)).max(20) })) }, responses: { ...jsonOk(z.array(z.string()), 'The tags'), ...errorResponses(400, 401, 403, 404) } }),
  search: createRoute({ method: 'get', path: '/', operationId: 'searchCustomers', ...staff, summary: 'Find customers by name, e-mail or phone (to merge a duplicate)', request: { query: z.object({ q: z.string().trim().min(2).max(100).openapi({ description: 'Part of a name, e-mail address or phone number', example: 'maria' }) }) }, responses: { ...jsonOk(z.array(customerMatchSchema), 'Customers'), ...errorResponses(400, 401) } }),
};

/** Mounted at /api/conversations, beside the conversation routes. */
export function customerRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(routes.profile, async (c) => c.json(await services.customers.profileForConversation(agentActor(c), c.req.valid('param').id), 200));
  router.openapi(routes.timeline, async (c) => c.json(await services.customers.timelineForConversation(agentActor(c), c.req.valid('param').id), 200));
  router.openapi(routes.merge, async (c) => c.json(await services.customers.merge(agentActor(c), c.req.valid('param').id, c.req.valid('json').customerId), 200));
  router.openapi(routes.split, async (c) => c.json(await services.customers.split(agentActor(c), c.req.valid('param').id, c.req.valid('json').visitorId), 200));
  router.openapi(routes.tags, async (c) => c.json(await services.customers.setTags(agentActor(c), c.req.valid('param').id, c.req.valid('json').tags), 200));
  return router;
}

/** Mounted at /api/customers. */
export function customerSearchRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(routes.search, async (c) => c.json(await services.customers.search(agentActor(c), c.req.valid('query').q), 200));
  return router;
}
