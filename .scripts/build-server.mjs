#!/usr/bin/env node
// `npm run build` (server part): bundles the server's entry points into dist/server/*.js with
// esbuild, so production runs plain JavaScript under `node` (no tsx, no TypeScript at start).
// Packages stay external (loaded from node_modules), except those listed in BUNDLED; the build
// fails if the bundle imports a package that `npm install --omit=dev` would not install.
import { builtinModules } from 'node:module';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');

/** Every program we ship, by its output name: adding a command-line tool is one line here. */
const ENTRY_POINTS = {
  server: 'signaling/server.ts',
  // `npx switchboard …` in production (signaling/cli/bin.mjs runs it when built).
  cli: 'signaling/cli/switchboard.ts',
};

/**
 * Packages compiled into the bundle rather than loaded from node_modules. Kysely is 279 small ES
 * modules that Node 20 resolves and loads one by one, about 40% of the server's module loading
 * (0.2-0.5 s on the 2-core machine); bundled, it costs a few milliseconds. Only a package nothing
 * else in node_modules imports belongs here, or two copies of it would run side by side.
 */
const BUNDLED = ['kysely'];

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
const packageName = (path) => (path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);

/** Like esbuild's `packages: 'external'`, with BUNDLED's exceptions (and what they import). */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (BUNDLED.includes(packageName(args.path)) || args.importer.includes('/node_modules/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, join(root, file)])),
  outdir: join(root, 'dist/server'),
  bundle: true,
  plugins: [externalPackages],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Stack traces (node --enable-source-maps) name the repository's files and lines; that needs
  // the mappings only, not a copy of every source file in the map.
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
});

const builtins = new Set(builtinModules);
const missing = new Map();
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  for (const { path, external } of output.imports) {
    if (!external || path.startsWith('node:') || builtins.has(path)) continue;
    const name = packageName(path);
    if (!runtime.has(name)) missing.set(name, relative(root, file));
  }
}
if (missing.size > 0) {
  for (const [name, file] of missing) console.error(`${file} imports "${name}", which is not in package.json's dependencies: production installs (--omit=dev) will not have it.`);
  process.exit(1);
}

/**
 * Programs the server starts as child processes, copied beside the bundle as they are: the
 * speech synthesizer's wrapper imports GPL code (espeak-ng), so it is never bundled into ours.
 */
const PROGRAMS = ['signaling/voice-clips/espeak-wav.mjs'];
for (const program of PROGRAMS) copyFileSync(join(root, program), join(root, 'dist/server', program.split('/').pop()));

const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
for (const [file, output] of outputs) console.log(`${relative(root, file).padEnd(28)} ${(output.bytes / 1024).toFixed(1)} kB`);
console.log(`server built in ${Math.round(performance.now() - started)} ms`);
