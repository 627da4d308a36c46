/** The knowledge base for agents (read; supervisors and admins write), suggestions for a reply, and the bot's search for visitors. */
import { createRoute, z } from '@hono/zod-openapi';
import { articleInputSchema, articleSearchQuerySchema } from '../protocol/articles.js';
import type { Services } from '../wiring.js';
import { agentActor, requireAgent } from './require-agent.js';
import { access, createRouter, errorResponses, idParam, jsonBody, jsonOk, noContent } from './router.js';
import { articleHitSchema, articleSchema, publicArticleSchema, suggestionsSchema } from './response-schemas.js';

const body = jsonBody(articleInputSchema);
const staff = { tags: ['Knowledge base'], security: access.signedIn };
const bot = { tags: ['Visitors'], security: access.anyone };

const routes = {
  list: createRoute({ method: 'get', path: '/', operationId: 'listArticles', ...staff, summary: 'All articles', responses: { ...jsonOk(z.array(articleSchema), 'Articles'), ...errorResponses(401) } }),
  create: createRoute({ method: 'post', path: '/', operationId: 'createArticle', ...staff, summary: 'Add an article (supervisors, admins)', request: body, responses: { ...jsonOk(articleSchema, 'The article'), ...errorResponses(400, 401, 403) } }),
  update: createRoute({ method: 'put', path: '/{id}', operationId: 'updateArticle', ...staff, summary: 'Change an article (supervisors, admins)', request: { ...idParam, ...body }, responses: { ...jsonOk(articleSchema, 'The article'), ...errorResponses(400, 401, 403, 404) } }),
  remove: createRoute({ method: 'delete', path: '/{id}', operationId: 'deleteArticle', ...staff, summary: 'Remove an article (supervisors, admins)', request: idParam, responses: { ...noContent, ...errorResponses(400, 401, 403, 404) } }),
  suggestions: createRoute({ method: 'get', path: '/{id}/suggestions', operationId: 'suggestReplies', ...staff, summary: "Canned replies and articles that fit the customer's last message", request: idParam, responses: { ...jsonOk(suggestionsSchema, 'Suggestions'), ...errorResponses(400, 401, 404) } }),
  search: createRoute({ method: 'get', path: '/articles', operationId: 'searchArticles', ...bot, summary: "The bot: articles that may answer a visitor's question", request: { query: articleSearchQuerySchema }, responses: { ...jsonOk(z.array(articleHitSchema), 'Best matches first'), ...errorResponses(400) } }),
  read: createRoute({ method: 'get', path: '/articles/{id}', operationId: 'readArticle', ...bot, summary: 'One article, for the bot to show', request: idParam, responses: { ...jsonOk(publicArticleSchema, 'The article'), ...errorResponses(400, 404) } }),
};

/** Mounted at /api/articles. */
export function articleRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(routes.list, async (c) => c.json(await services.knowledge.listArticles(), 200));
  router.openapi(routes.create, async (c) => c.json(await services.knowledge.saveArticle(agentActor(c), undefined, c.req.valid('json')), 200));
  router.openapi(routes.update, async (c) => c.json(await services.knowledge.saveArticle(agentActor(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.remove, async (c) => {
    await services.knowledge.removeArticle(agentActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}

/** Mounted at /api/conversations. */
export function suggestionRoutes(services: Services) {
  const router = createRouter();
  router.use('*', requireAgent(services.auth));
  router.openapi(routes.suggestions, async (c) => c.json(await services.knowledge.suggest(agentActor(c), c.req.valid('param').id), 200));
  return router;
}

/** Mounted at /api/visitors: public, like the widget itself. */
export function botRoutes(services: Services) {
  const router = createRouter();
  router.openapi(routes.search, async (c) => {
    const { q, locale } = c.req.valid('query');
    return c.json(await services.knowledge.searchArticles(q, locale), 200);
  });
  router.openapi(routes.read, async (c) => {
    const { id, title, body, language } = await services.knowledge.article(c.req.valid('param').id);
    return c.json({ id, title, body, language }, 200);
  });
  return router;
}
