#!/usr/bin/env node
// `npx switchboard …`: the TypeScript source through tsx in a development checkout (so the
// command line always matches the code beside it), or the built one in a production tree,
// which carries dist/ and this file but no sources.
import { existsSync } from 'node:fs';

const source = new URL('./switchboard.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../../dist/server/cli.js', import.meta.url).href);
}
