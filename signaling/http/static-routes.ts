/** The built front ends: the demo site at /, the widget loader and chunks, the agent app at /agent/. */
import { existsSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { CODINGS, preferredCoding } from './accept-encoding.js';
import { StaticFiles } from './static-files.js';

/**
 * How long a browser may keep a file without asking again:
 * - `immutable`: hashed names (`/assets/*`) never change content, so a year;
 * - `short`: the loader every page of a customer's site includes, five minutes, then revalidated
 *   with its ETag; a new loader reaches visitors within minutes without a request on every page;
 * - `revalidate`: pages and the chat chunk, asked again every time (a 304 when unchanged). The chat
 *   chunk imports hashed chunks that a deploy replaces, so it must never outlive the server's build.
 */
type CachePolicy = 'immutable' | 'short' | 'revalidate';

const CACHE_CONTROL: Record<CachePolicy, string> = {
  immutable: 'public, max-age=31536000, immutable',
  short: 'public, max-age=300',
  revalidate: 'no-cache',
};

export function staticRoutes(staticDir: string) {
  const app = new Hono();
  const files = new StaticFiles(staticDir);

  async function send(c: Context, relative: string, cache: CachePolicy, crossOrigin = false) {
    const file = await files.load(relative);
    if (!file) {
      if (!existsSync(staticDir)) return c.text('The front ends are not built yet: run `npm run build` (npm start does it for you).', 503);
      return c.notFound();
    }
    const coding = preferredCoding(c.req.header('Accept-Encoding'), CODINGS.filter((k) => file.variants[k]));
    const etag = `"${file.hash}${coding ? `-${coding}` : ''}"`;
    c.header('Cache-Control', CACHE_CONTROL[cache]);
    c.header('ETag', etag);
    if (Object.keys(file.variants).length > 0) c.header('Vary', 'Accept-Encoding');
    if (crossOrigin) {
      // The widget runs on other sites: its module chunks are fetched in CORS mode.
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    }
    if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', file.type);
    if (coding) c.header('Content-Encoding', coding);
    return c.body(coding ? file.variants[coding]! : file.body);
  }

  app.get('/', (c) => send(c, 'widget/demo/index.html', 'revalidate'));
  app.get('/widget.js', (c) => send(c, 'widget.js', 'short', true));
  app.get('/widget/chat.js', (c) => send(c, 'widget/chat.js', 'revalidate', true));
  // Proactive invitations: loaded by the loader on sites with data-invitations="true".
  app.get('/widget/invite.js', (c) => send(c, 'widget/invite.js', 'revalidate', true));
  app.get('/assets/*', (c) => send(c, c.req.path.slice(1), 'immutable', true));
  app.get('/demo/*', (c) => send(c, `widget${c.req.path}`, 'revalidate'));
  app.get('/agent', (c) => c.redirect('/agent/', 301));
  // The installable app's own files. The service worker is asked again on every visit (`no-cache`),
  // so a deploy reaches agents at their next navigation; its scope is /agent/ because it is served there.
  app.get('/agent/sw.js', (c) => send(c, 'agent-pwa/sw.js', 'revalidate'));
  app.get('/agent/manifest.webmanifest', (c) => send(c, 'agent-pwa/manifest.webmanifest', 'revalidate'));
  app.get('/agent/icons/:file{[a-z0-9-]+\\.png}', (c) => send(c, `agent-pwa/icons/${c.req.param('file')}`, 'revalidate'));
  // The agent app routes on the client: every other path under /agent/ gets its page.
  app.get('/agent/*', (c) => send(c, 'agent-pwa/index.html', 'revalidate'));
  return app;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes do not matter. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
