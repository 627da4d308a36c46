// The agent app as an installable PWA, in the Vite build:
// - `agentAppManifest()` (the main build) writes the web app manifest and its icons beside the
//   agent app's page (dist/app/agent-pwa/, served under /agent/);
// - `injectPrecacheManifest()` (the service worker's build, after the main one) replaces
//   `self.__WB_MANIFEST` with the app's files: its page, every chunk it imports or loads later, its
//   styles, the manifest and the icons. This is workbox-build's injectManifest step, read from
//   Vite's own build manifest (which knows the agent app's chunks exactly) instead of globbing,
//   and without workbox-build's Babel and Rollup 2 tool chain.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawAppIcon } from './app-icon.mjs';

const ICONS = [
  { file: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { file: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { file: 'icons/maskable-192.png', size: 192, purpose: 'maskable' },
  { file: 'icons/maskable-512.png', size: 512, purpose: 'maskable' },
];

/** The manifest: the app lives at /agent/, so its scope, start and shortcuts stay there. */
export const AGENT_APP_MANIFEST = {
  id: '/agent/',
  name: 'Switchboard Agent',
  short_name: 'Switchboard',
  description: 'Answer chats, calls, callbacks and e-mail from your customers.',
  start_url: '/agent/',
  scope: '/agent/',
  display: 'standalone',
  background_color: '#f8fafc',
  theme_color: '#312e81',
  icons: ICONS.map(({ file, size, purpose }) => ({ src: `/agent/${file}`, sizes: `${size}x${size}`, type: 'image/png', purpose })),
  shortcuts: [
    { name: 'Conversations', short_name: 'Inbox', url: '/agent/?tab=conversations', icons: [{ src: '/agent/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
    { name: 'Wallboard', url: '/agent/?tab=wallboard', icons: [{ src: '/agent/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
  ],
};

/** Files the main build adds for the PWA, relative to the agent app's folder. */
export const PWA_FILES = ['manifest.webmanifest', ...ICONS.map((i) => i.file)];

export function agentAppManifest() {
  return {
    name: 'switchboard-agent-app-manifest',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'agent-pwa/manifest.webmanifest', source: `${JSON.stringify(AGENT_APP_MANIFEST, null, 2)}\n` });
      for (const { file, size, purpose } of ICONS) this.emitFile({ type: 'asset', fileName: `agent-pwa/${file}`, source: drawAppIcon(size, { maskable: purpose === 'maskable' }) });
    },
  };
}

const revision = (path) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);

/** The agent app's files as Workbox precache entries: hashed chunks need no revision, the rest get their content's. */
export function agentPrecacheEntries(outDir) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  // The page itself: Vite's manifest names an HTML entry by its script, not by the page.
  const files = new Set(['agent-pwa/index.html']);
  const visit = (key) => {
    const entry = manifest[key];
    if (!entry || files.has(entry.file)) return;
    files.add(entry.file);
    for (const css of entry.css ?? []) files.add(css);
    for (const asset of entry.assets ?? []) files.add(asset);
    for (const next of [...(entry.imports ?? []), ...(entry.dynamicImports ?? [])]) visit(next);
  };
  visit('agent-pwa/index.html');
  if (files.size === 1) throw new Error('injectPrecacheManifest: the agent app is not in the build manifest (run the main build first)');
  const entries = [];
  for (const file of files) {
    // The page is what every /agent/ path answers with: cached under the app's start URL.
    if (file === 'agent-pwa/index.html') entries.push({ url: '/agent/', revision: revision(join(outDir, file)) });
    else entries.push({ url: `/${file}`, revision: /^assets\//.test(file) ? null : revision(join(outDir, file)) });
  }
  for (const file of PWA_FILES) entries.push({ url: `/agent/${file}`, revision: revision(join(outDir, 'agent-pwa', file)) });
  return entries.sort((a, b) => a.url.localeCompare(b.url));
}

export function injectPrecacheManifest(outDir) {
  let entries = [];
  return {
    name: 'switchboard-inject-precache-manifest',
    apply: 'build',
    buildStart() {
      entries = agentPrecacheEntries(outDir);
    },
    transform(code) {
      return code.includes('self.__WB_MANIFEST') ? code.replaceAll('self.__WB_MANIFEST', JSON.stringify(entries)) : undefined;
    },
    writeBundle(options, bundle) {
      const sizes = entries.map((e) => readFileSync(join(outDir, e.url === '/agent/' ? 'agent-pwa/index.html' : e.url.replace(/^\/agent\//, 'agent-pwa/').replace(/^\//, ''))).length);
      const worker = Object.values(bundle).find((b) => b.type === 'chunk');
      const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
      console.log(`agent app service worker: ${kb(worker?.code.length ?? 0)}, precaching ${entries.length} files, ${kb(sizes.reduce((a, b) => a + b, 0))}`);
    },
  };
}
