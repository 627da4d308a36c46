// Component tests for the shared ui/, the widget and the agent app (and test/browser/), in Debian's Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './wtr-summary-reporter.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));

export default {
  rootDir,
  // test/browser/: tests that cross the two front ends and need a browser.
  files: ['ui/**/*.test.ts', 'widget/**/*.test.ts', 'agent-pwa/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ outputFile: `${rootDir}.test-output/components.json` })],
};
