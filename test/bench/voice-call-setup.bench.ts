/**
 * Call set-up benchmark (not a test): time from the agent's Answer to audio flowing both ways,
 * in two headless Chromium contexts with fake microphones, every packet on loopback. Beside
 * it, the same two browsers on the stock PeerServer (`peer` from npm) with the plain peerjs
 * client: from `peer.call()` to audio flowing both ways. Ours includes what the stock path
 * has no part of: the ACD assigning the call, the call frames with fresh credentials, the
 * agent's microphone and peer opening, and a relay that checks every message.
 *
 *   npx tsx test/bench/voice-call-setup.bench.ts [--calls 8]
 */
import { readFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PeerServer } from 'peer';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, LOOPBACK_ONLY_ICE, newParty } from '../support/browser.js';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { freePort, startServer, tempDataDir } from '../support/server-process.js';
import { quick, reportBench } from './bench-result.js';

const i = process.argv.indexOf('--calls');
const CALLS = i > 0 ? Number(process.argv[i + 1]) : quick ? 2 : 8;

/** Records in the page when audio first arrives on the call `handle` names (polled every 5 ms). */
const firstAudio = (handle: string) => `(() => {
  window.__firstAudioAt = undefined;
  const poll = async () => {
    const call = ${handle};
    if (call && call.peerConnection) {
      const report = await call.peerConnection.getStats();
      let bytes = 0;
      report.forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'audio') bytes += r.bytesReceived; });
      if (bytes > 0) { window.__firstAudioAt = Date.now(); return; }
    }
    setTimeout(poll, 5);
  };
  poll();
})()`;

/** Records in the page when the next click lands (capture phase, before any handler of the app). */
const PRESS_TIME = `document.addEventListener('click', () => { window.__pressedAt = Date.now(); }, { capture: true, once: true })`;

async function audioAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction('window.__firstAudioAt', undefined, { polling: 20, timeout: 20_000 });
  return (await handle.jsonValue()) as number;
}

async function party(browser: Browser): Promise<Page> {
  // The bench waits on string predicates (eval), which the product's CSP rightly refuses.
  const context = await newParty(browser, { bypassCSP: true });
  await context.addInitScript(LOOPBACK_ONLY_ICE);
  return context.newPage();
}

async function switchboard(browser: Browser): Promise<number[]> {
  const data = tempDataDir();
  const server = await startServer({ databaseUrl: data.databaseUrl, env: { SWITCHBOARD_DEMO: 'true' } });
  try {
    const ana = await party(browser);
    await agent.signIn(ana, server.url, ANA);
    const times: number[] = [];
    for (let n = 0; n < CALLS; n++) {
      const caller = await party(browser);
      await caller.goto(`${server.url}/`);
      await visitor.openChat(caller);
      await caller.getByRole('button', { name: 'Call us from your browser' }).click();
      const answer = ana.getByRole('button', { name: /^Answer the call from/ });
      await answer.waitFor();
      await ana.evaluate(firstAudio("Object.values(window.__switchboardCalls ?? {}).find((c) => c.state.status !== 'closed')"));
      await caller.evaluate(firstAudio('window.__switchboardCall'));
      // Timed from the press as the page sees it (as the stock side is timed from its call() in the page), not from before Playwright's actionability checks.
      await ana.evaluate(PRESS_TIME);
      await answer.click();
      const pressed = (await ana.evaluate('window.__pressedAt')) as number;
      times.push(Math.max(await audioAt(ana), await audioAt(caller)) - pressed);
      await caller.getByRole('button', { name: 'Hang up' }).click();
      await ana.getByRole('group', { name: /^Call with/ }).waitFor({ state: 'detached' });
      await caller.context().close();
    }
    await ana.context().close();
    return times;
  } finally {
    await server.stop();
    data.dispose();
  }
}

const STOCK_PAGE = `<!doctype html><meta charset="utf-8"><title>stock peer</title><script src="/peerjs.min.js"></script>`;

async function stock(browser: Browser): Promise<number[]> {
  const peerPort = await freePort();
  const peerServer = await new Promise<HttpServer>((resolve) => PeerServer({ port: peerPort, host: '127.0.0.1', path: '/', key: 'peerjs' }, (s) => resolve(s as HttpServer)));
  const bundle = readFileSync(join(import.meta.dirname, '../../node_modules/peerjs/dist/peerjs.min.js'));
  const pages = createServer((req, res) => {
    if (req.url === '/peerjs.min.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(STOCK_PAGE);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
  const open = (id: string) => `new Promise((resolve) => {
    window.peer = new peerjs.Peer('${id}', { host: '127.0.0.1', port: ${peerPort}, path: '/', key: 'peerjs', config: { iceServers: [] } });
    window.peer.on('open', resolve);
    window.peer.on('call', async (mc) => { mc.answer(await navigator.mediaDevices.getUserMedia({ audio: true })); window.call = mc; });
  })`;
  try {
    const times: number[] = [];
    for (let n = 0; n < CALLS; n++) {
      const [a, b] = [await party(browser), await party(browser)];
      await a.goto(url);
      await b.goto(url);
      await a.evaluate(open(`benchA${n}`));
      await b.evaluate(open(`benchB${n}`));
      await a.evaluate(firstAudio('window.call'));
      await b.evaluate(firstAudio('window.call'));
      const pressed = (await a.evaluate(`(async () => { const at = Date.now(); window.call = window.peer.call('benchB${n}', await navigator.mediaDevices.getUserMedia({ audio: true })); return at; })()`)) as number;
      times.push(Math.max(await audioAt(a), await audioAt(b)) - pressed);
      await a.context().close();
      await b.context().close();
    }
    return times;
  } finally {
    pages.close();
    peerServer.close();
  }
}

const summary = (label: string, ms: number[]) => {
  const sorted = [...ms].sort((x, y) => x - y);
  return `${label.padEnd(58)} median ${String(sorted[Math.floor(sorted.length / 2)]).padStart(4)} ms   min ${String(sorted[0]).padStart(4)} ms   max ${String(sorted.at(-1)).padStart(4)} ms   n=${sorted.length}`;
};

const browser = await launchBrowser({ media: true });
try {
  const ours = await switchboard(browser);
  const theirs = await stock(browser);
  console.log(`\nCall set-up to audio flowing both ways (Chromium ${browser.version()}, loopback):\n`);
  console.log(summary('Switchboard: agent presses Answer -> audio both ways', ours));
  console.log(summary('peer 1.0.2 + peerjs: peer.call() -> audio both ways', theirs));
  const median = (ms: number[]) => [...ms].sort((x, y) => x - y)[Math.floor(ms.length / 2)]!;
  reportBench({ figure: 'agent Answer → audio both ways, median (ms)', ours: median(ours), peer: median(theirs), peerLabel: 'peer + peerjs call()', target: '≤ peer', met: median(ours) <= median(theirs) });
} finally {
  await browser.close();
}
// The stock PeerServer keeps its expiry timers running with no way to stop them: without this the
// bench never ends, and npm run bench stops it at its time limit.
process.exit(0);
