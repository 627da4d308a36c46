#!/usr/bin/env node
// `npm run dev`: rebuilds the front ends on change and restarts the server on change.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const children = [
  spawn('npx', ['vite', 'build', '--watch', '--mode', 'development'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['vite', 'build', '--watch', '--mode', 'widget-loader'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'signaling/server.ts'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
