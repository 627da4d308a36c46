/**
 * The apps across cluster nodes: the visitor's page is served by one node, the agent's app by
 * another, and the node that owns the ACD is whichever won the lease; chat, a call with audio both
 * ways and a co-browse mirror all work, because every node forwards to the owner. Needs PostgreSQL
 * and Redis on the machine; skipped with a message otherwise.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, LOOPBACK_ONLY_ICE, newParty } from '../support/browser.js';
import { AGENT_CALL, audioArrives, VISITOR_CALL } from '../support/call-stats.js';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { clusterUnavailable, settledOwner, startNodes, testSchema, type ClusterNode } from '../cluster/cluster-world.js';

const unavailable = await clusterUnavailable();
if (unavailable) console.log(`# cluster end-to-end test skipped: ${unavailable}`);

describe('the apps across cluster nodes', { skip: unavailable ?? false }, () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let nodes: ClusterNode[] = [];
  let browser: Browser;

  before(async () => {
    schema = await testSchema();
    nodes = await startNodes(3, schema.databaseUrl);
    browser = await launchBrowser({ media: true });
  });
  after(async () => {
    await browser?.close();
    await Promise.all(nodes.map((n) => n.server.stop()));
    await schema?.drop();
  });

  async function party(): Promise<Page> {
    const context = await newParty(browser);
    await context.addInitScript(LOOPBACK_ONLY_ICE);
    return context.newPage();
  }

  it('chats, calls with audio both ways and co-browses with the visitor on one node and the agent on another', async () => {
    const owner = await settledOwner(nodes);
    // The visitor and the agent each on a node that is not the owner, and not the same one.
    const [visitorNode, agentNode] = [...nodes.filter((n) => n !== owner), owner];
    assert.notEqual(visitorNode!.name, agentNode!.name);

    const ana = await party();
    await agent.signIn(ana, agentNode!.server.url, ANA);

    // A call from the widget: its signaling goes through two nodes to the owner's PeerJS relay;
    // the audio flows between the browsers, both ways.
    const caller = await party();
    await caller.goto(`${visitorNode!.server.url}/`);
    await visitor.openChat(caller);
    await caller.getByRole('button', { name: 'Call us from your browser' }).click();
    await ana.getByRole('button', { name: /^Answer the call from/ }).first().click();
    const toVisitor = await audioArrives(caller, VISITOR_CALL);
    const toAgent = await audioArrives(ana, AGENT_CALL);
    await audioArrives(caller, VISITOR_CALL, toVisitor);
    await audioArrives(ana, AGENT_CALL, toAgent);
    await caller.getByRole('button', { name: 'Hang up' }).click();
    await caller.getByText(/The call ended after/).waitFor();
    await ana.getByRole('group', { name: /^Call with/ }).waitFor({ state: 'detached' });

    // A chat, both ways, then co-browsing: the room's updates reach the owner from both nodes.
    const page = await party();
    await page.goto(`${visitorNode!.server.url}/demo/account.html`);
    await visitor.openChat(page);
    await visitor.send(page, 'Hello from another node');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.messages(ana, 'Hello from another node').waitFor();
    await page.getByText(`${ANA.name} joined`).first().waitFor();
    await agent.reply(ana, 'Hello back across the cluster');
    await visitor.messages(page, 'Hello back across the cluster').waitFor();
    await ana.getByRole('button', { name: /^Co-browse: ask .* to share their page$/ }).click();
    await page.getByRole('button', { name: 'Share this page' }).click();
    await ana.getByRole('application', { name: /'s page, live$/ }).waitFor();
    const mirror = await (await ana.locator('sb-cobrowse-viewer iframe').elementHandle())!.contentFrame();
    await mirror!.getByRole('heading', { name: 'Your account' }).waitFor();
  });
});
