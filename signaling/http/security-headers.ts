/**
 * Security headers for every answer, and a Content-Security-Policy for each kind of page:
 * - the agent app: scripts from this origin only, no framing (clickjacking), microphone for calls;
 * - the demo site, which plays a customer's strict site: scripts from this origin plus the hashes
 *   of its inline embed snippet, and no inline styles, so the widget is shown working under a
 *   host's strict policy every time the demo is used or tested;
 * - everything else (JSON, scripts, images): no policy needed, nosniff and a referrer policy.
 * HSTS only when the public address is https (a browser would refuse plain http afterwards).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';

export interface SecurityHeadersOptions {
  publicUrl: string;
  /** Where the built pages are, to hash their inline scripts. */
  staticDir: string;
}

const COMMON_CSP = ["base-uri 'none'", "object-src 'none'", "form-action 'self'"];

/**
 * The agent app. Inline styles are allowed: the co-browse mirror shows the visitor's own
 * stylesheets, and Lit sets positions with style bindings; scripts, the dangerous part, are not.
 * Images and fonts may come from anywhere, because the mirror shows the visitor's page as it is.
 */
export const AGENT_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'img-src * data: blob:',
  'font-src * data:',
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'self' about: blob:",
  "frame-ancestors 'none'",
  ...COMMON_CSP,
].join('; ');

/** Every inline <script> of the built HTML pages, as CSP hash sources. */
export function inlineScriptHashes(staticDir: string): string[] {
  const hashes = new Set<string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.html')) {
        for (const [, body] of readFileSync(path, 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
          if (body!.trim()) hashes.add(`'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
        }
      }
    }
  };
  if (existsSync(staticDir)) visit(staticDir);
  return [...hashes].sort();
}

/** The demo site: a strict host page, with the embed snippet allowed by its hash. */
export function demoSiteCsp(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "frame-ancestors 'self'",
    ...COMMON_CSP,
  ].join('; ');
}

/** Microphones for calls, on our own pages only; nothing else a page could ask for. */
const PERMISSIONS_POLICY = 'microphone=(self), camera=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=()';

export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler {
  const hsts = options.publicUrl.startsWith('https:');
  let demoCsp: string | undefined;
  return async function addSecurityHeaders(c, next) {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (hsts) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!h.get('content-type')?.startsWith('text/html')) return;
    h.set('Permissions-Policy', PERMISSIONS_POLICY);
    // A page that brings its own policy (the API reference) keeps it.
    if (h.has('Content-Security-Policy')) return;
    const path = c.req.path;
    if (path === '/agent' || path.startsWith('/agent/')) {
      h.set('Content-Security-Policy', AGENT_APP_CSP);
      h.set('X-Frame-Options', 'DENY');
      h.set('Cross-Origin-Opener-Policy', 'same-origin');
    } else {
      // Hashed once: the built pages do not change while the server runs.
      demoCsp ??= demoSiteCsp(inlineScriptHashes(options.staticDir));
      h.set('Content-Security-Policy', demoCsp);
      h.set('X-Frame-Options', 'SAMEORIGIN');
    }
  };
}
