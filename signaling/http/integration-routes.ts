/** Administration of what connects Switchboard to the outside: channels, webhooks, mail routing, callback policy. */
import { createRoute, z } from '@hono/zod-openapi';
import { channelCreateSchema, channelSchema, webhookCreateSchema, webhookSchema } from '../protocol/channels.js';
import { mailRulesSchema } from '../mail/mail-rules.js';
import type { AuthService } from '../auth/auth-service.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, jsonBody, jsonOk, idParam, noContent } from './router.js';


const contactOptionsSchema = z.object({
  offerAlternativesAfterMs: z.number().int().min(0).max(86_400_000).nullable().optional(),
  callbackRetryMs: z.number().int().min(60_000).max(7 * 86_400_000),
  callbackMaxAttempts: z.number().int().min(1).max(20),
}).openapi('ContactOptions', { description: 'A queue’s callback policy, and after how long the widget offers alternatives to waiting (null: never).' });

const adminOnly = { tags: ['Integrations'], security: access.signedIn };

const routes = {
  listChannels: createRoute({ operationId: 'listChannels', method: 'get', path: '/channels', ...adminOnly, summary: 'Inbound messaging channels, with their signing secrets', responses: { ...jsonOk(z.array(channelSchema), 'Channels'), ...errorResponses(401, 403) } }),
  createChannel: createRoute({ operationId: 'createChannel', method: 'post', path: '/channels', ...adminOnly, summary: 'Create a channel; POST its messages to /api/channels/{id}/messages', request: jsonBody(channelCreateSchema), responses: { ...jsonOk(channelSchema, 'The channel and its secret'), ...errorResponses(400, 401, 403) } }),
  removeChannel: createRoute({ operationId: 'deleteChannel', method: 'delete', path: '/channels/{id}', ...adminOnly, summary: 'Remove a channel', request: idParam, responses: { ...noContent, ...errorResponses(400, 401, 403, 404) } }),
  listWebhooks: createRoute({ operationId: 'listWebhooks', method: 'get', path: '/webhooks', ...adminOnly, summary: 'Webhook subscriptions', responses: { ...jsonOk(z.array(webhookSchema), 'Webhooks'), ...errorResponses(401, 403) } }),
  createWebhook: createRoute({ operationId: 'createWebhook', method: 'post', path: '/webhooks', ...adminOnly, summary: 'Subscribe a URL to events; deliveries are signed with the returned secret', request: jsonBody(webhookCreateSchema), responses: { ...jsonOk(webhookSchema, 'The subscription and its secret'), ...errorResponses(400, 401, 403) } }),
  removeWebhook: createRoute({ operationId: 'deleteWebhook', method: 'delete', path: '/webhooks/{id}', ...adminOnly, summary: 'Unsubscribe', request: idParam, responses: { ...noContent, ...errorResponses(400, 401, 403, 404) } }),
  getMailRules: createRoute({ operationId: 'getMailRules', method: 'get', path: '/mail-rules', ...adminOnly, summary: 'Routing rules for new e-mail (first match wins; else the default queue)', responses: { ...jsonOk(mailRulesSchema, 'Rules'), ...errorResponses(401, 403) } }),
  setMailRules: createRoute({ operationId: 'setMailRules', method: 'put', path: '/mail-rules', ...adminOnly, summary: 'Replace the routing rules for new e-mail', request: jsonBody(mailRulesSchema), responses: { ...jsonOk(mailRulesSchema, 'Rules'), ...errorResponses(400, 401, 403) } }),
  getContactOptions: createRoute({ operationId: 'getContactOptions', method: 'get', path: '/queues/{id}/contact-options', ...adminOnly, summary: "A queue's callback policy and when the widget offers alternatives to waiting", request: idParam, responses: { ...jsonOk(contactOptionsSchema, 'Options'), ...errorResponses(400, 401, 403, 404) } }),
  setContactOptions: createRoute({ operationId: 'setContactOptions', method: 'put', path: '/queues/{id}/contact-options', ...adminOnly, summary: "Set a queue's callback policy and alternatives threshold", request: { ...idParam, ...jsonBody(contactOptionsSchema) }, responses: { ...jsonOk(contactOptionsSchema, 'Options'), ...errorResponses(400, 401, 403, 404) } }),
};

export function integrationRoutes(auth: AuthService, services: Services) {
  const router = createRouter();
  // Secrets are in these answers: admins only, reading included.
  router.use('*', requireAgent(auth, ['admin']));
  router.openapi(routes.listChannels, async (c) => c.json(await services.channels.list(), 200));
  router.openapi(routes.createChannel, async (c) => c.json(await services.channels.create(agentActor(c), c.req.valid('json')), 200));
  router.openapi(routes.removeChannel, async (c) => {
    await services.channels.remove(agentActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  router.openapi(routes.listWebhooks, async (c) => c.json(await services.webhooks.list(), 200));
  router.openapi(routes.createWebhook, async (c) => {
    const { url, events } = c.req.valid('json');
    return c.json(await services.webhooks.subscribe(agentActor(c), url, events), 200);
  });
  router.openapi(routes.removeWebhook, async (c) => {
    await services.webhooks.unsubscribe(agentActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  router.openapi(routes.getMailRules, async (c) => c.json(await services.email.rules(), 200));
  router.openapi(routes.setMailRules, async (c) => c.json(await services.email.setRules(agentActor(c), c.req.valid('json')), 200));
  router.openapi(routes.getContactOptions, async (c) => c.json(await services.callbacks.policyOf(c.req.valid('param').id), 200));
  router.openapi(routes.setContactOptions, async (c) => c.json(await services.callbacks.setPolicy(agentActor(c), c.req.valid('param').id, c.req.valid('json')), 200));
  return router;
}
