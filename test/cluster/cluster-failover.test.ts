import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SoakAgent } from '../soak/soak-agent.js';
import { SoakLedger } from '../soak/soak-ledger.js';
import { seedCenter, signIn } from '../soak/soak-setup.js';
import { verifyTimelines } from '../soak/soak-verify.js';
import { until } from '../support/until.js';
import { SoakVisitor } from '../soak/soak-visitor.js';
import { clusterUnavailable, readyz, roundRobinProxy, settledOwner, startNodes, testSchema, type ClusterNode } from './cluster-world.js';

const unavailable = await clusterUnavailable();
if (unavailable) console.log(`# cluster tests skipped: ${unavailable}`);

describe('a cluster losing the node that owns the ACD', { skip: unavailable ?? false }, () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let nodes: ClusterNode[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobinProxy>> | undefined;
  const ledger = new SoakLedger();
  let visitors: SoakVisitor[] = [];
  let agents: SoakAgent[] = [];

  before(async () => {
    schema = await testSchema();
    const team = await seedCenter(schema.databaseUrl, 3, 10);
    nodes = await startNodes(3, schema.databaseUrl, { SWITCHBOARD_DEMO: '0' });
    await settledOwner(nodes);
    const alive = () => nodes.filter((n) => n.server.output() && !dead.has(n.name)).map((n) => n.server.port);
    proxy = await roundRobinProxy(alive);
    const server = { url: proxy.url, origin: proxy.url };
    for (const login of team.agents) await signIn(server, login);
    agents = team.agents.map((login, i) => new SoakAgent(i, login, server, ledger, 0.7));
    await Promise.all(agents.map((a) => a.connect(Date.now() + 30_000)));
    agents.forEach((a) => a.startActing());
    visitors = Array.from({ length: 20 }, (_, i) => new SoakVisitor(i, server, ledger, { actionMs: 500, endChance: 0.05, maxConversations: 3 }));
    await Promise.all(
      visitors.map(async (v) => {
        await v.register();
        if (await v.connect(Date.now() + 30_000)) v.startActing();
      }),
    );
    supervisorLogin = team.supervisor;
  });
  const dead = new Set<string>();
  let supervisorLogin: Awaited<ReturnType<typeof seedCenter>>['supervisor'];

  after(async () => {
    await Promise.all([...visitors, ...agents].map((p) => p.disconnect().catch(() => {})));
    await proxy?.close();
    await Promise.all(nodes.map((n) => n.server.stop()));
    await schema?.drop();
  });

  it('hands the contact center to another node: every acknowledged message is there once, in order, in both apps', async () => {
    // Visitors and agents talk through the proxy, each connection on whichever node it reached.
    await until(() => ledger.counts.messagesAcked >= 30, '30 acknowledged messages before the crash', 60_000);
    const owner = await settledOwner(nodes);
    const ackedBefore = ledger.counts.messagesAcked;
    const crashedAt = Date.now();
    dead.add(owner.name);
    await owner.server.crash();
    const survivors = nodes.filter((n) => n !== owner);
    const next = await settledOwner(survivors);
    console.log(`# takeover: ${next.name} serves ${Date.now() - crashedAt} ms after kill -9 of ${owner.name}`);
    assert.notEqual(next.name, owner.name);
    assert.deepEqual((await Promise.all(survivors.map(readyz))).map((r) => r.body.owner), [next.name, next.name], 'the survivors agree on the new owner');

    // The conversation goes on through the new owner, reached through either survivor.
    await until(() => ledger.counts.messagesAcked >= ackedBefore + 30, '30 more acknowledged messages after the crash', 60_000);
    visitors.forEach((v) => v.stopActing());
    agents.forEach((a) => a.stopActing());
    const settleBy = Date.now() + 60_000;
    const settled = await Promise.all([...visitors, ...agents].map((p) => p.settle(settleBy)));
    assert.ok(settled.every(Boolean), 'every sent message was answered');

    await signIn({ url: proxy!.url, origin: proxy!.url }, supervisorLogin);
    const supervisor = new SoakAgent(99, supervisorLogin, { url: proxy!.url, origin: proxy!.url }, ledger, 0);
    assert.ok(await supervisor.connect(Date.now() + 30_000));
    // Every party has its answers, but an ack can still be on its way (a re-send's answer racing
    // the settle check): a message acknowledged while the timelines were read is read again.
    let verified = await verifyTimelines(ledger, visitors, agents, supervisor);
    for (let round = 0; round < 3 && verified.inWidget !== ledger.counts.messagesAcked; round++) {
      console.log(`# ${ledger.counts.messagesAcked - verified.inWidget} message(s) acknowledged while the timelines were read: reading again`);
      verified = await verifyTimelines(ledger, visitors, agents, supervisor);
    }
    await supervisor.disconnect();
    assert.deepEqual(ledger.violations, []);
    assert.equal(verified.inWidget, ledger.counts.messagesAcked, 'each acknowledged message once, at its place, in the widget');
    assert.equal(verified.inAgentApp, ledger.counts.messagesAcked, 'and in the agent app');
    for (const [reason] of ledger.refusals) assert.ok(reason === 'conversation-ended' || reason === 'not-found', `refused with ${reason}`);
    assert.ok(ledger.counts.reconnects > 0, 'the parties did reconnect');
  });
});
