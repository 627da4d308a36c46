// The layering of CONVENTIONS.md as one ESLint rule: which folder may import which.
//
// Entry points → http/ and realtime/ → domains → kernel/, store/, bus/, acd/, kpi/, protocol/.
// Domains may use only the domains listed for them (a DAG, so folders cannot form a cycle);
// routes and sockets get domain services, never the store or the bus (types of stored records
// are allowed: they are the shapes services return). The front ends import signaling/protocol/
// and ui/ only, and never each other. Tests may import anything.
//
// A small rule of our own rather than eslint-plugin-boundaries: we import TypeScript files by
// their `.js` names, which that plugin resolves only with an extra TypeScript resolver; this
// rule needs nothing but the path.
import { dirname, relative, resolve, sep } from 'node:path';

const BASE = ['kernel', 'store', 'bus', 'acd', 'kpi', 'protocol'];
const DOMAINS = ['auth', 'routing', 'conversations', 'supervision', 'voice', 'cobrowse', 'callbacks', 'mail', 'channels', 'customers', 'knowledge', 'privacy', 'files', 'quality', 'review', 'invitations', 'topics', 'voice-clips'];

/** What each part of the repository may import (by part name); `typesOnly` may be imported with `import type` only. */
export const LAYERS = {
  // Pure and low-level parts.
  'signaling/protocol': { may: [] },
  'signaling/acd': { may: ['signaling/protocol'] },
  'signaling/kpi': { may: ['signaling/protocol'] },
  'signaling/bus': { may: ['signaling/protocol'] },
  'signaling/store': { may: ['signaling/protocol', 'signaling/acd', 'signaling/kpi'] },
  'signaling/kernel': { may: ['signaling/protocol', 'signaling/store'] },
  // Domains: the base, and the domains named here.
  ...Object.fromEntries(
    DOMAINS.map((d) => {
      const uses = { auth: [], routing: [], conversations: ['routing'], supervision: ['conversations', 'routing', 'quality'], quality: [], files: ['conversations', 'routing', 'privacy', 'mail'] }[d] ?? ['conversations', 'routing'];
      return [`signaling/${d}`, { may: [...BASE.map((b) => `signaling/${b}`), ...uses.map((u) => `signaling/${u}`)] }];
    }),
  ),
  // The edge: thin routes and sockets over domain services.
  ...Object.fromEntries(
    ['http', 'realtime'].map((e) => [
      `signaling/${e}`,
      {
        may: [...DOMAINS.map((d) => `signaling/${d}`), 'signaling/kernel', 'signaling/protocol', `signaling/${e}`],
        typesOnly: ['signaling/store', 'signaling/wiring'],
      },
    ]),
  ),
  // Entry points and first-start set-up know everything.
  'signaling/entry': { may: '*' },
  'signaling/wiring': { may: '*' },
  'signaling/setup': { may: '*' },
  'signaling/cli': { may: '*' },
  // Cluster mode runs a whole node behind a front door, as server.ts runs one alone.
  'signaling/cluster': { may: '*' },
  // Front ends.
  ui: { may: ['signaling/protocol'] },
  widget: { may: ['ui', 'signaling/protocol'] },
  'agent-pwa': { may: ['ui', 'signaling/protocol'] },
};

const ENTRY_FILES = new Set(['server', 'app', 'wiring', 'config']);

/** The part a repository-relative path belongs to, or undefined for files outside the layering (tests, scripts). */
export function partOf(path) {
  const parts = path.split(sep).join('/').split('/');
  if (parts[0] === 'signaling') {
    if (parts.length === 2) {
      const name = parts[1].replace(/\.(ts|js)$/, '');
      return name === 'wiring' ? 'signaling/wiring' : ENTRY_FILES.has(name) ? 'signaling/entry' : undefined;
    }
    return `signaling/${parts[1]}`;
  }
  if (parts[0] === 'ui' || parts[0] === 'widget' || parts[0] === 'agent-pwa') return parts[0];
  return undefined;
}

const isTest = (path) => /\.(test|case)\.ts$/.test(path) || /(^|\/)test\//.test(path) || /fixture\.ts$/.test(path);

/** Throws when the declared graph has a cycle between parts, so the layering itself cannot allow one. */
function assertAcyclic(layers) {
  const state = new Map();
  const visit = (part, trail) => {
    if (state.get(part) === 'done') return;
    if (state.get(part) === 'open') throw new Error(`layers: the declared layering has a cycle: ${[...trail, part].join(' → ')}`);
    state.set(part, 'open');
    const layer = layers[part];
    const next = layer && layer.may !== '*' ? [...layer.may, ...(layer.typesOnly ?? [])] : [];
    for (const n of next) if (n !== part) visit(n, [...trail, part]);
    state.set(part, 'done');
  };
  for (const part of Object.keys(layers)) visit(part, []);
}
assertAcyclic(LAYERS);

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of CONVENTIONS.md' },
    schema: [],
    messages: {
      forbidden: '{{from}} may not import {{to}}: {{why}}',
      typesOnly: '{{from}} may import only types from {{to}}: routes and sockets get domain services, never the store or the wiring.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename);
    if (isTest(file)) return {};
    const from = partOf(file);
    if (!from) return {};
    const layer = LAYERS[from];
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source));
      const to = partOf(target);
      if (!to || to === from || layer.may === '*') return;
      if (layer.may.includes(to)) return;
      if (layer.typesOnly?.includes(to)) {
        if (!typeOnly) context.report({ node, messageId: 'typesOnly', data: { from, to } });
        return;
      }
      const why = from.startsWith('signaling/') && to.startsWith('signaling/') ? `the layers are ${describe(from)}` : 'the widget and the agent app share code through ui/ and talk to the server through signaling/protocol/ only';
      context.report({ node, messageId: 'forbidden', data: { from, to, why } });
    };
    const typeOnlyImport = (node) => node.importKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

function describe(from) {
  const allowed = LAYERS[from].may;
  return allowed === '*' ? 'open' : `${from} uses ${allowed.length ? allowed.join(', ') : 'nothing else in the repository'}`;
}

export default { rules: { imports: layersRule } };
