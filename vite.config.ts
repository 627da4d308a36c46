/**
 * Two builds into dist/app:
 * - default: the demo pages, the agent app and the widget's chat chunk (ES modules);
 * - `--mode widget-loader`: the tiny loader as a classic script (IIFE) at /widget.js,
 *   because a host page includes it with a plain <script async> tag.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const outDir = resolve(root, 'dist/app');

export default defineConfig(({ mode }) => {
  if (mode === 'widget-loader') {
    return {
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2019',
        lib: { entry: resolve(root, 'widget/loader/index.ts'), formats: ['iife'], name: 'SwitchboardLoader', fileName: () => 'widget.js' },
      },
    };
  }
  return {
    root,
    publicDir: false,
    build: {
      outDir,
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
        },
        // The loader imports mountChat from the chat entry: keep its exports.
        preserveEntrySignatures: 'allow-extension',
        output: {
          entryFileNames: (chunk) => (chunk.name === 'widget-chat' ? 'widget/chat.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  };
});
