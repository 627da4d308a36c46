// Lint: typescript-eslint's recommended rules, plus the layering rules of CONVENTIONS.md
// (eslint-rules/layers.js: which folder may import which). File-level import cycles are checked
// separately by dpdm (see `npm run lint`); folder-level ones cannot pass the layers rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';

const onlyProtocolFromSignaling = {
  patterns: [
    {
      regex: '^(\\.\\./)+signaling/(?!protocol/)',
      message: 'The widget and the agent app import from signaling/protocol/ and nowhere else in signaling/.',
    },
    {
      // These modules build zod schemas at load time: importing a value would ship zod to browsers.
      regex: '^(\\.\\./)+signaling/protocol/(client-frames|api|admin|index|team|email-address|audit)(\\.js)?$',
      allowTypeImports: true,
      message: 'Import only types from the schema modules; constants live in zod-free modules.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.test-output/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['signaling/**/*.ts', 'widget/**/*.ts', 'agent-pwa/**/*.ts', 'ui/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['widget/**/*.ts', 'agent-pwa/**/*.ts', 'ui/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', onlyProtocolFromSignaling] },
  },
  {
    // Pure logic: no I/O, no framework, no clock.
    files: ['signaling/acd/**/*.ts', 'signaling/protocol/**/*.ts', 'signaling/kpi/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.case.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(node:|hono|kysely|pg|better-sqlite3|ws$|peerjs$|yjs$|y-websocket$|(\\.\\./)+(store|bus|services|http|realtime)/)', message: 'acd/, kpi/ and protocol/ stay pure: no I/O, no framework.' }] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Inject time; do not read the clock in pure logic.' }],
    },
  },
  {
    files: ['.scripts/**/*.mjs', '.config/**/*.{js,mjs}', 'signaling/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
