/**
 * The server half of voice-signaling.bench.ts, in its own process: `ours` (the real
 * Switchboard app with 500 real calls routed by the ACD) or `stock` (the npm `peer` server).
 * Prints `READY {json}` with the peer credentials once peers may connect.
 */
import { serve } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PeerServer } from 'peer';
import { DEFAULT_QUEUE } from '../../signaling/acd/acd-engine.js';
import { createApp } from '../../signaling/app.js';
import { Readiness } from '../../signaling/kernel/readiness.js';
import { InProcessBus } from '../../signaling/bus/in-process-bus.js';
import { VOICE_KEY, VOICE_PATH } from '../../signaling/protocol/peer-messages.js';
import { bootstrap } from '../../signaling/setup/bootstrap.js';
import { createServices } from '../../signaling/wiring.js';
import { openStore } from '../../signaling/store/open-store.js';
import { freePort } from '../support/server-process.js';

const [kind = 'ours', pairsArg = '500'] = process.argv.slice(2);
const PAIRS = Number(pairsArg);

async function ours() {
  const dir = mkdtempSync(join(tmpdir(), 'sb-voice-bench-'));
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
  const setup = await bootstrap(store, { demo: false, admin: { email: 'admin@bench.local', password: 'admin-password-1' } });
  const queueId = 'bench';
  await store.queues.insert({ id: queueId, slug: 'bench', name: 'Bench', isDefault: false, createdAt: 1, ...DEFAULT_QUEUE });
  const services = await createServices({ store, bus: new InProcessBus(), secret: setup.secret });
  const agents = [];
  for (let i = 0; i < PAIRS; i++) {
    const id = randomUUID();
    await store.agents.insert({ id, email: `agent${i}@bench.local`, name: `Agent ${i}`, role: 'agent', passwordHash: 'x', status: 'available', capacity: { voice: 1 }, createdAt: 1 });
    await store.queues.addMember(queueId, id);
    const agent = (await store.agents.findById(id))!;
    await services.presence.agentConnected(agent);
    agents.push(agent);
  }
  const credentials: { id: string; token: string }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const visitorId = randomUUID();
    await store.visitors.insert(visitorId, Date.now());
    const call = await services.calls.start(visitorId, `bench-call-${i}`, { queue: 'bench' });
    const offered = agents.find((a) => services.routing.hasOffer(a.id, call.id))!;
    await services.routing.accept(offered, call.id);
    credentials.push(services.calls.viewsForAgent(offered.id)[0]!.peer!, services.calls.viewsForVisitor(visitorId)[0]!.peer!);
  }
  const built = createApp({ config: { publicUrl: 'http://127.0.0.1', allowedOrigins: [], staticDir: join(dir, 'none') }, services, readiness: new Readiness() });
  const port = await freePort();
  const server = serve({ fetch: built.app.fetch, port, hostname: '127.0.0.1' });
  built.injectWebSocket(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}${VOICE_PATH}`, key: VOICE_KEY, credentials };
}

async function stock() {
  const port = await freePort();
  await new Promise<Server>((resolve) => PeerServer({ port, host: '127.0.0.1', path: '/', key: 'peerjs' }, (s) => resolve(s as Server)));
  const credentials = Array.from({ length: PAIRS * 2 }, (_, i) => ({ id: `peer${i}x${randomUUID().slice(0, 8)}`, token: randomUUID().slice(0, 10) }));
  return { base: `http://127.0.0.1:${port}/`, key: 'peerjs', credentials };
}

const info = kind === 'stock' ? await stock() : await ours();
console.log(`READY ${JSON.stringify(info)}`);
