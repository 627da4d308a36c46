/**
 * The readable API reference at /api/docs: Redoc's standalone bundle, served from our own origin
 * (no CDN), booted by a small script file so the page's Content-Security-Policy allows no inline code.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Hono } from 'hono';

const BUNDLE_PATH = '/api/docs/redoc.standalone.js';
const BOOT_PATH = '/api/docs/boot.js';

/**
 * No inline or foreign script, no foreign anything. Styles may be inline: Redoc's bundle injects
 * <style> elements (styled-components, and perfect-scrollbar's before Redoc reads a nonce), and
 * the page shows nothing but the public description. Its search index runs in a worker made from a blob.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Switchboard API reference</title>
  <style>body { margin: 0; font-family: system-ui, sans-serif; } #api-reference > p { padding: 1rem; }</style>
</head>
<body>
  <div id="api-reference" data-spec-url="/api/openapi.json"><p>Loading the API reference…</p></div>
  <noscript><p>The API reference needs JavaScript. The description itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript>
  <script src="${BUNDLE_PATH}"></script>
  <script src="${BOOT_PATH}"></script>
</body>
</html>
`;

/** Plain JavaScript for the browser: starts Redoc on the page's element, and says when it is ready. */
const BOOT_SCRIPT = `// Boots the Switchboard API reference (see signaling/http/api-docs-routes.ts).
(function () {
  var element = document.getElementById('api-reference');
  var options = { expandResponses: '200,201,202,204', jsonSampleExpandLevel: 3 };
  window.Redoc.init(element.dataset.specUrl, options, element, function (error) {
    element.dataset.state = error ? 'failed' : 'ready';
    if (error) element.textContent = 'The API description could not be loaded: ' + error;
  });
})();
`;

let bundle: Promise<Uint8Array<ArrayBuffer>> | undefined;
/** Redoc's bundle, read once: about 1 MB, the same for every request. */
function redocBundle(): Promise<Uint8Array<ArrayBuffer>> {
  if (!bundle) {
    bundle = Promise.resolve()
      .then(() => readFile(createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js')))
      .then((file) => new Uint8Array(file));
    // Not installed now may mean installed later: ask again next time.
    bundle.catch(() => (bundle = undefined));
  }
  return bundle;
}

/** Mounted at /api/docs. */
export function apiDocsRoutes() {
  const router = new Hono();
  router.get('/', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': POLICY, 'Cache-Control': 'no-cache' }));
  router.get('/boot.js', (c) => c.body(BOOT_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));
  router.get('/redoc.standalone.js', async (c) => {
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await redocBundle();
    } catch {
      return c.text('The API reference viewer (the redoc package) is not installed: run `npm install`.', 503);
    }
    return c.body(body, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' });
  });
  return router;
}
