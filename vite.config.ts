/**
 * Three builds into dist/app:
 * - default: the demo pages, the agent app (with its web app manifest and icons) and the widget's
 *   chat chunk (ES modules);
 * - `--mode widget-loader`: the tiny loader as a classic script (IIFE) at /widget.js,
 *   because a host page includes it with a plain <script async> tag;
 * - `--mode agent-sw` (after the default build, whose manifest it reads): the agent app's service
 *   worker at /agent/sw.js, a classic script (module workers are not in every browser yet) with
 *   the list of files to precache put in.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
// @ts-expect-error -- a build script in plain JavaScript, without type declarations
import { agentAppManifest, injectPrecacheManifest } from './.scripts/pwa/vite-plugins.mjs';

const root = import.meta.dirname;
const outDir = resolve(root, 'dist/app');

export default defineConfig(({ mode }) => {
  if (mode === 'widget-loader') {
    return {
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: false,
        // The chat chunk it loads is ES2022: a loader for older browsers would only draw a launcher
        // that cannot open, so it is ES2022 too (and smaller without down-levelled ?. and ??).
        target: 'es2022',
        lib: { entry: resolve(root, 'widget/loader/index.ts'), formats: ['iife'], name: 'SwitchboardLoader', fileName: () => 'widget.js' },
      },
    };
  }
  if (mode === 'agent-sw') {
    return {
      publicDir: false,
      // Workbox logs its development messages unless told this is production.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      plugins: [injectPrecacheManifest(outDir)],
      build: {
        outDir: resolve(outDir, 'agent-pwa'),
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: { entry: resolve(root, 'agent-pwa/src/pwa/service-worker.ts'), formats: ['iife'], name: 'SwitchboardAgentWorker', fileName: () => 'sw.js' },
      },
    };
  }
  return {
    root,
    publicDir: false,
    plugins: [agentAppManifest()],
    build: {
      outDir,
      // Which chunks the agent app loads, for its service worker's precache list.
      manifest: true,
      // In `npm run dev` two watchers share dist/app: emptying it would delete the loader's widget.js.
      emptyOutDir: mode === 'production',
      target: 'es2022',
      rollupOptions: {
        input: {
          demo: resolve(root, 'widget/demo/index.html'),
          'demo-shipping': resolve(root, 'widget/demo/shipping.html'),
          'demo-billing': resolve(root, 'widget/demo/billing.html'),
          'demo-account': resolve(root, 'widget/demo/account.html'),
          agent: resolve(root, 'agent-pwa/index.html'),
          'widget-chat': resolve(root, 'widget/chat/index.ts'),
          'widget-invite': resolve(root, 'widget/invite/index.ts'),
        },
        // The loader imports mountWidget from the chat entry, and the default export of the invitation entry: keep their exports.
        preserveEntrySignatures: 'allow-extension',
        output: {
          entryFileNames: (chunk) => (chunk.name === 'widget-chat' ? 'widget/chat.js' : chunk.name === 'widget-invite' ? 'widget/invite.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  };
});
