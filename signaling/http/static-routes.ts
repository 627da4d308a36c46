/** The built front ends: the demo site at /, the widget loader and chunks, the agent app at /agent/. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { Hono, type Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function staticRoutes(staticDir: string) {
  const app = new Hono();

  async function send(c: Context, relative: string, cache: 'immutable' | 'revalidate', crossOrigin = false) {
    const root = normalize(staticDir);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return c.notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      if (!existsSync(root)) return c.text('The front ends are not built yet: run `npm run build` (npm start does it for you).', 503);
      return c.notFound();
    }
    const ext = /\.[a-z0-9]+$/i.exec(file)?.[0] ?? '';
    c.header('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    c.header('Cache-Control', cache === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (crossOrigin) {
      // The widget runs on other sites: its module chunks are fetched in CORS mode.
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    }
    return c.body(new Uint8Array(body));
  }

  app.get('/', (c) => send(c, 'widget/demo/index.html', 'revalidate'));
  app.get('/widget.js', (c) => send(c, 'widget.js', 'revalidate', true));
  app.get('/widget/chat.js', (c) => send(c, 'widget/chat.js', 'revalidate', true));
  app.get('/assets/*', (c) => send(c, c.req.path.slice(1), 'immutable', true));
  app.get('/demo/*', (c) => send(c, `widget${c.req.path}`, 'revalidate'));
  app.get('/agent', (c) => c.redirect('/agent/', 301));
  // The agent app routes on the client: every path under /agent/ gets its page.
  app.get('/agent/*', (c) => send(c, 'agent-pwa/index.html', 'revalidate'));
  return app;
}
