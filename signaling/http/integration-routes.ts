/** Administration of what connects Switchboard to the outside: channels, webhooks, mail routing, callback policy. */
import { createRoute, z } from '@hono/zod-openapi';
import { channelCreateSchema, channelSchema, webhookCreateSchema, webhookSchema } from '../protocol/channels.js';
import { mailRulesSchema } from '../mail/mail-rules.js';
import type { AuthService } from '../auth/auth-service.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { createRouter, errorResponses, jsonBody, jsonOk, idParam, noContent } from './router.js';


const contactOptionsSchema = z.object({
  offerAlternativesAfterMs: z.number().int().min(0).max(86_400_000).nullable().optional(),
  callbackRetryMs: z.number().int().min(60_000).max(7 * 86_400_000),
  callbackMaxAttempts: z.number().int().min(1).max(20),
});

const routes = {
  listChannels: createRoute({ method: 'get', path: '/channels', tags: ['integrations'], summary: 'Inbound messaging channels, with their signing secrets', responses: { ...jsonOk(z.array(channelSchema), 'Channels'), ...errorResponses(401, 403) } }),
  createChannel: createRoute({ method: 'post', path: '/channels', tags: ['integrations'], summary: 'Create a channel; POST its messages to /api/channels/{id}/messages', request: jsonBody(channelCreateSchema), responses: { ...jsonOk(channelSchema, 'The channel and its secret'), ...errorResponses(400, 401, 403) } }),
  removeChannel: createRoute({ method: 'delete', path: '/channels/{id}', tags: ['integrations'], summary: 'Remove a channel', request: idParam, responses: { ...noContent, ...errorResponses(401, 403, 404) } }),
  listWebhooks: createRoute({ method: 'get', path: '/webhooks', tags: ['integrations'], summary: 'Webhook subscriptions', responses: { ...jsonOk(z.array(webhookSchema), 'Webhooks'), ...errorResponses(401, 403) } }),
  createWebhook: createRoute({ method: 'post', path: '/webhooks', tags: ['integrations'], summary: 'Subscribe a URL to events; deliveries are signed with the returned secret', request: jsonBody(webhookCreateSchema), responses: { ...jsonOk(webhookSchema, 'The subscription and its secret'), ...errorResponses(400, 401, 403) } }),
  removeWebhook: createRoute({ method: 'delete', path: '/webhooks/{id}', tags: ['integrations'], summary: 'Unsubscribe', request: idParam, responses: { ...noContent, ...errorResponses(401, 403, 404) } }),
  getMailRules: createRoute({ method: 'get', path: '/mail-rules', tags: ['integrations'], summary: 'Routing rules for new e-mail (first match wins; else the default queue)', responses: { ...jsonOk(mailRulesSchema, 'Rules'), ...errorResponses(401, 403) } }),
  setMailRules: createRoute({ method: 'put', path: '/mail-rules', tags: ['integrations'], summary: 'Replace the routing rules for new e-mail', request: jsonBody(mailRulesSchema), responses: { ...jsonOk(mailRulesSchema, 'Rules'), ...errorResponses(400, 401, 403) } }),
  getContactOptions: createRoute({ method: 'get', path: '/queues/{id}/contact-options', tags: ['integrations'], summary: "A queue's callback policy and when the widget offers alternatives to waiting", request: idParam, responses: { ...jsonOk(contactOptionsSchema, 'Options'), ...errorResponses(401, 403, 404) } }),
  setContactOptions: createRoute({ method: 'put', path: '/queues/{id}/contact-options', tags: ['integrations'], summary: "Set a queue's callback policy and alternatives threshold", request: { ...idParam, ...jsonBody(contactOptionsSchema) }, responses: { ...jsonOk(contactOptionsSchema, 'Options'), ...errorResponses(400, 401, 403, 404) } }),
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
