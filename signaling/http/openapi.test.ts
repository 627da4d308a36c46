import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../test/support/in-process-server.js';

const repoRoot = join(import.meta.dirname, '..', '..');

interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: Record<string, string[]>[];
  servers?: { url: string }[];
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { type?: string | string[] }>; securitySchemes: Record<string, unknown> };
  tags: { name: string; description?: string }[];
}

/**
 * Routes the document leaves out, each with why. Anything else the app answers must be described,
 * so a route added without a description fails here.
 */
const NOT_DESCRIBED: { pattern: RegExp; why: string }[] = [
  { pattern: /^\/api\/openapi\.json$/, why: 'the description itself' },
  { pattern: /^\/api\/docs(\/.*)?$/, why: 'the reference page that reads the description, and its scripts' },
  { pattern: /^\/(ws\/(visitor|agent)|voice\/.*|cobrowse\/.*)$/, why: 'WebSocket upgrades, described in signaling/protocol/PROTOCOL.md' },
  { pattern: /^\/(widget\.js|widget\/.*|assets\/.*|demo\/.*|agent|agent\/.*)?$/, why: 'the built front ends (static files)' },
];

/** `/api/conversations/:id` → the document's `/conversations/{id}`; root routes keep their path. */
const documentPath = (routePath: string) => routePath.replace(/^\/api(?=\/)/, '').replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI description', () => {
  let server: TestServer;
  let doc: Document;
  const publicUrl = 'http://127.0.0.1';

  before(async () => {
    server = await startTestServer();
    const res = await server.app.request('/api/openapi.json');
    assert.equal(res.status, 200);
    doc = (await res.json()) as Document;
  });
  after(() => server.close());

  const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

  it('describes every route the app answers, and only those', () => {
    const routes = server.app.routes.filter((r) => r.method !== 'ALL');
    const undescribed = new Set<string>();
    for (const { method, path } of routes) {
      if (NOT_DESCRIBED.some((x) => x.pattern.test(path))) continue;
      const op = doc.paths[documentPath(path)]?.[method.toLowerCase()];
      if (!op) undescribed.add(`${method} ${path}`);
      // Routes outside /api name the server's root instead of the document's `${publicUrl}/api`.
      else if (!path.startsWith('/api/')) assert.deepEqual(op.servers?.map((s) => s.url), [publicUrl], `${method} ${path} names the root as its server`);
    }
    assert.deepEqual([...undescribed], [], 'routes without a description (describe them, or list them in NOT_DESCRIBED with why)');

    const answered = new Set(routes.map((r) => `${r.method.toLowerCase()} ${documentPath(r.path)}`));
    const phantoms = operations().filter(({ path, method }) => !answered.has(`${method} ${path}`)).map(({ path, method }) => `${method} ${path}`);
    assert.deepEqual(phantoms, [], 'described operations no route answers');
    assert.ok(operations().length >= 56, `${operations().length} operations`);
  });

  it('gives every operation a unique camelCase id, one described tag, a summary and its security', () => {
    const described = new Set(doc.tags.filter((t) => t.description).map((t) => t.name));
    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      assert.match(op.operationId ?? '', /^[a-z]+[A-Za-z]*$/, `${where} has a camelCase operationId`);
      assert.ok(!ids.has(op.operationId!), `${op.operationId} is unique`);
      ids.add(op.operationId!);
      assert.equal(op.tags?.length, 1, `${where} has one tag`);
      assert.ok(described.has(op.tags[0]!), `${where}: tag ${op.tags[0]} is described`);
      assert.ok(op.summary, `${where} has a summary`);
      assert.ok(Array.isArray(op.security), `${where} says who may call it`);
      for (const requirement of op.security) for (const scheme of Object.keys(requirement)) assert.ok(scheme in doc.components.securitySchemes, `${where}: scheme ${scheme} is declared`);
    }
  });

  it('names its security schemes as the server checks them', () => {
    assert.deepEqual(doc.components.securitySchemes, {
      cookieAuth: { type: 'apiKey', in: 'cookie', name: 'sb_session', description: (doc.components.securitySchemes.cookieAuth as { description: string }).description },
      visitorToken: { type: 'http', scheme: 'bearer', bearerFormat: 'signed visitor token', description: (doc.components.securitySchemes.visitorToken as { description: string }).description },
      metricsToken: { type: 'http', scheme: 'bearer', description: (doc.components.securitySchemes.metricsToken as { description: string }).description },
    });
    const byId = new Map(operations().map(({ op }) => [op.operationId, op]));
    assert.deepEqual(byId.get('signIn')!.security, []);
    assert.deepEqual(byId.get('listConversations')!.security, [{ cookieAuth: [] }]);
    assert.deepEqual(byId.get('bookCallback')!.security, [{ visitorToken: [] }]);
    assert.deepEqual(byId.get('getMetrics')!.security, [{ metricsToken: [] }, { cookieAuth: [] }]);
    const signed = byId.get('receiveChannelMessage') as Operation & { parameters: { name: string; in: string; required: boolean }[] };
    assert.deepEqual(
      signed.parameters.filter((p) => p.in === 'header').map((p) => [p.name, p.required]),
      [['X-Switchboard-Timestamp', true], ['X-Switchboard-Signature', true]],
    );
  });

  it('shares its schemas as components, none of them nullable itself', () => {
    const byId = new Map(operations().map(({ op }) => [op.operationId, op]));
    assert.equal(byId.get('signIn')!.requestBody!.content['application/json']!.schema!.$ref, '#/components/schemas/LoginRequest');
    assert.equal(byId.get('getCurrentAgent')!.responses['200']!.content!['application/json']!.schema!.$ref, '#/components/schemas/AgentProfile');
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (status.startsWith('4')) assert.equal(response.content?.['application/json']?.schema?.$ref, '#/components/schemas/Error', `${op.operationId} ${status} has the shared error body`);
      }
    }
    // A named schema used as nullable loses its null in the generator (see protocol/admin.ts).
    const nullable = Object.entries(doc.components.schemas).filter(([, s]) => Array.isArray(s.type) && s.type.includes('null'));
    assert.deepEqual(nullable.map(([name]) => name), []);
  });

  it('passes redocly lint with the project rules (.config/redocly.yaml)', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const redocly = join(repoRoot, 'node_modules', '.bin', 'redocly');
      const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          redocly,
          ['lint', file, '--config', join(repoRoot, '.config', 'redocly.yaml'), '--format', 'json'],
          // No internet here: no telemetry, no update check.
          { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
        );
      });
      const report = JSON.parse(stdout || '{}') as { totals?: { errors: number; warnings: number }; problems?: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
      assert.ok(report.totals, `redocly printed no report (exit ${code}):\n${stderr}`);
      const errors = (report.problems ?? []).filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
      assert.deepEqual(errors, []);
      assert.equal(code, 0);
      t.diagnostic(`redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings`);
      console.log(`redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
