import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { bootstrap } from '../../signaling/setup/bootstrap.js';
import { openStore } from '../../signaling/store/open-store.js';
import { clusterUnavailable, settledOwner, startNodes, testSchema, type ClusterNode } from './cluster-world.js';

const unavailable = await clusterUnavailable();
if (unavailable) console.log(`# cluster tests skipped: ${unavailable}`);

describe('a cluster sending its outbox', { skip: unavailable ?? false }, () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let nodes: ClusterNode[] = [];
  let receiver: Server;
  const received: string[] = [];
  let allReceived: () => void;
  const eight = new Promise<void>((resolve) => (allReceived = resolve));

  before(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(body);
        response.end('ok');
        if (received.length === 8) allReceived();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;

    schema = await testSchema();
    // Eight deliveries already due when the nodes start, as after an outage.
    const store = await openStore(schema.databaseUrl);
    try {
      await bootstrap(store, { demo: false });
      await store.webhooks.insert({ id: 'hook-1', url, secret: 'a-webhook-secret-of-some-length', events: ['conversation.created'], createdAt: Date.now() });
      for (let i = 0; i < 8; i++) await store.webhooks.enqueue({ target: { kind: 'webhook', id: 'hook-1' }, event: 'conversation.created', payload: JSON.stringify({ id: `envelope-${i}`, event: 'conversation.created', data: { n: i } }) }, Date.now());
    } finally {
      await store.close();
    }
    nodes = await startNodes(3, schema.databaseUrl, { SWITCHBOARD_DEMO: '0' });
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.server.stop()));
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await schema?.drop();
  });

  it('sends each of 8 pending webhooks once, though three nodes are running', async () => {
    await settledOwner(nodes);
    await eight;
    // Every row marked delivered means every sender is done with them: a second POST would have come first.
    const store = await openStore(schema.databaseUrl, { migrate: false });
    try {
      const deadline = Date.now() + 20_000;
      while ((await store.webhooks.recent(20)).some((d) => d.status !== 'delivered') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual((await store.webhooks.recent(20)).map((d) => d.status), Array(8).fill('delivered'));
    } finally {
      await store.close();
    }
    const ids = received.map((body) => (JSON.parse(body) as { id: string }).id).sort();
    assert.deepEqual(ids, Array.from({ length: 8 }, (_, i) => `envelope-${i}`));
  });
});
