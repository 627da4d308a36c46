#!/usr/bin/env node
// `npx switchboard …`: the built command line when the server was built (production), or the
// TypeScript source through tsx in a development checkout.
import { existsSync } from 'node:fs';

const built = new URL('../../dist/server/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./switchboard.ts', import.meta.url).href);
}
