#!/usr/bin/env node
// `npm start` runs this first: builds the front ends when dist/ is missing or older than
// any source file they are built from, so a fresh clone starts with one command.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const marker = join(root, 'dist/app/widget.js');
const sources = ['ui', 'widget', 'agent-pwa', 'signaling/protocol', '.scripts/pwa', 'vite.config.ts', 'package.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) if (name !== 'node_modules') latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => join(root, s)).filter(existsSync).map(newest));
if (builtAt >= changedAt) process.exit(0);
console.log(builtAt ? 'Sources changed since the last build: rebuilding the front ends…' : 'Building the front ends (first start)…');
const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
