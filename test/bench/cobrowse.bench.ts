/**
 * Co-browse benchmark (not a test): what sharing the demo account page (about 1,500 elements:
 * forms, a 50-row table, product cards, lists) costs on the wire, beside rrweb's recorder
 * (`rrweb` from npm) recording the same page in the same tab at the same time.
 *
 * Ours is every byte the visitor's page sent on its co-browse WebSocket (y-websocket framing,
 * Yjs structs and awareness included); rrweb's is the JSON of the events it emitted, before
 * any transport. Gzip is each side's bytes of a step, concatenated and gzipped at level 6.
 * Then the time from the visitor pressing "Show Ana this page" to the agent's first render of
 * the mirror (loopback, one Chromium, two contexts), and beside it rrweb's Replayer building the
 * same snapshot in the agent's tab (no transport, so a lower bound for rrweb).
 *
 *   npm run build && npx tsx test/bench/cobrowse.bench.ts [--runs 7]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { startServer, tempDataDir } from '../support/server-process.js';
import { quick, reportBench } from './bench-result.js';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : quick ? 2 : 7;
const RRWEB = readFileSync(join(import.meta.dirname, '../../node_modules/rrweb/dist/rrweb.umd.cjs'), 'utf8');
/** rrweb at its most compact (slimmed DOM: no comments, scripts, head metadata), not recording our widget; defaults otherwise. */
const RRWEB_OPTIONS = `{ slimDOMOptions: 'all', inlineStylesheet: true, maskInputOptions: { password: true }, blockSelector: '[data-switchboard-widget]' }`;
const VIEWER = `document.querySelector('sb-agent-app')?.shadowRoot?.querySelector('sb-workspace')?.shadowRoot?.querySelector('sb-conversation-view')?.shadowRoot?.querySelector('sb-cobrowse-viewer')`;
/** The viewer may exist before its code has loaded (no shadow root yet). */
const MIRROR = `${VIEWER}?.shadowRoot?.querySelector('iframe')?.contentDocument`;

interface Step {
  name: string;
  ours: Buffer[];
  rrweb: string[];
  /** Divide by this to get per-unit figures (keystrokes). */
  per?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => (n >= 10_000 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

/** Bytes the page sent on its co-browse socket, from now until `take()`. */
function cobrowseTraffic(page: Page) {
  let sent: Buffer[] = [];
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/cobrowse/')) return;
    ws.on('framesent', (f) => sent.push(typeof f.payload === 'string' ? Buffer.from(f.payload) : f.payload));
  });
  return {
    take(): Buffer[] {
      const out = sent;
      sent = [];
      return out;
    },
  };
}

async function rrwebEvents(page: Page): Promise<string[]> {
  return (await page.evaluate('window.__rr.splice(0)')) as string[];
}

const mirrorHas = (ana: Page, expression: string) => ana.waitForFunction(`(() => { const d = ${MIRROR}; return !!d && (${expression}); })()`, undefined, { timeout: 20_000, polling: 'raf' });

async function main() {
  const data = tempDataDir();
  const server = await startServer({ databaseUrl: data.databaseUrl });
  const browser = await launchBrowser();
  try {
    // The bench injects rrweb and its probes as inline scripts, which the product's CSP rightly refuses.
    const ana = await (await newParty(browser, { bypassCSP: true })).newPage();
    await agent.signIn(ana, server.url, ANA);
    const page = await (await newParty(browser, { bypassCSP: true })).newPage();
    const traffic = cobrowseTraffic(page);
    await page.goto(`${server.url}/demo/account.html`);
    const elements = await page.evaluate('document.querySelectorAll("*").length');
    await visitor.openChat(page);
    await visitor.send(page, 'Could you look at my account page?');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await page.getByText(`${ANA.name} joined`).first().waitFor();
    await page.addScriptTag({ content: RRWEB });

    // ---- first render at the agent, several times (the first includes loading the viewer) ----
    const renders: number[] = [];
    const share = page.getByRole('button', { name: `Show ${ANA.name} this page` });
    for (let run = 0; run < RUNS; run++) {
      if (run > 0) {
        await page.getByRole('region', { name: 'Page sharing' }).getByRole('button', { name: 'Stop sharing' }).click();
        await ana.locator('sb-cobrowse-viewer').waitFor({ state: 'detached' });
      }
      traffic.take();
      // Both recorders start from the same moment: rrweb records; we share.
      await page.evaluate(`window.__rr = []; window.__stopRr?.(); window.__stopRr = rrweb.record({ emit: (e) => window.__rr.push(JSON.stringify(e)), ...${RRWEB_OPTIONS} })`);
      const clickedAt = (await page.evaluate('Date.now()')) as number;
      await share.click();
      await mirrorHas(ana, `d.querySelector('h1')?.textContent === 'Your account'`);
      const renderedAt = (await ana.evaluate(`performance.timeOrigin + ${VIEWER}.connection.firstRenderAt`)) as number;
      renders.push(renderedAt - clickedAt);
    }

    // ---- bytes, step by step, with both recorders running ----
    const steps: Step[] = [];
    // The snapshot of the last run: our bytes up to the agent's first render, rrweb's meta + full snapshot.
    steps.push({ name: 'initial snapshot', ours: traffic.take(), rrweb: await rrwebEvents(page) });

    const street = page.getByLabel('Street address');
    await street.click();
    await mirrorHas(ana, 'true');
    traffic.take();
    await rrwebEvents(page);
    const typed = '12 Harbour Road, Apt 4';
    await street.pressSequentially(typed);
    await mirrorHas(ana, `d.querySelector('input[name=street]').value === ${JSON.stringify(typed)}`);
    steps.push({ name: 'keystrokes', ours: traffic.take(), rrweb: await rrwebEvents(page), per: typed.length });

    await page.evaluate(`document.querySelectorAll('tr.order-row').forEach((row) => row.classList.toggle('selected'))`);
    await mirrorHas(ana, `d.querySelectorAll('tr.order-row.selected').length === 50`);
    steps.push({ name: 'class toggled on 50 rows', ours: traffic.take(), rrweb: await rrwebEvents(page) });

    await page.evaluate(`(() => {
      const list = document.querySelector('ul.faq');
      for (let n = 0; n < 20; n++) {
        const li = document.createElement('li');
        li.innerHTML = '<details><summary>New question ' + n + ': can I change my delivery address?</summary><p>Yes, until the order ships.</p></details>';
        list.append(li);
      }
    })()`);
    await mirrorHas(ana, `d.querySelectorAll('ul.faq > li').length === 55`);
    steps.push({ name: '20 inserted list items', ours: traffic.take(), rrweb: await rrwebEvents(page) });

    // ---- rrweb's replayer building the same snapshot in the agent's tab ----
    await ana.addScriptTag({ content: RRWEB });
    const snapshotEvents = steps[0]!.rrweb;
    const replays: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      replays.push(
        (await ana.evaluate(`(() => {
          const host = document.createElement('div');
          document.body.append(host);
          const events = ${JSON.stringify(snapshotEvents)}.map((e) => JSON.parse(e));
          const started = performance.now();
          const replayer = new rrweb.Replayer(events, { root: host, showWarning: false });
          replayer.pause(events[events.length - 1].timestamp - events[0].timestamp);
          const took = performance.now() - started;
          replayer.destroy();
          host.remove();
          return took;
        })()`)) as number,
      );
    }

    console.log(`Co-browse benchmark: demo account page, ${elements} elements; Chromium, loopback, one machine.`);
    console.log(`rrweb ${JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/rrweb/package.json'), 'utf8')).version} record options: ${RRWEB_OPTIONS}\n`);
    console.log('step                          ours raw    rrweb raw   ratio   ours gzip   rrweb gzip  ratio');
    for (const step of steps) {
      const per = step.per ?? 1;
      const oursRaw = Buffer.concat(step.ours);
      const rrRaw = Buffer.from(step.rrweb.join(''));
      const cells = [oursRaw.length / per, rrRaw.length / per, gzipSync(oursRaw).length / per, gzipSync(rrRaw).length / per].map(Math.round);
      const name = step.per ? `${step.name} (per key, ${per})` : step.name;
      if (step.per) reportBench({ figure: 'co-browse bytes per keystroke, gzip', ours: cells[2]!, peer: cells[3]!, peerLabel: 'rrweb recorder', target: '≤ 0.5× rrweb', met: cells[2]! <= 0.5 * cells[3]! });
      console.log(
        `${name.padEnd(30)}${kb(cells[0]!).padStart(9)}  ${kb(cells[1]!).padStart(10)}  ${(cells[0]! / cells[1]!).toFixed(2).padStart(6)}  ${kb(cells[2]!).padStart(10)}  ${kb(cells[3]!).padStart(10)}  ${(cells[2]! / cells[3]!).toFixed(2).padStart(6)}`,
      );
    }
    console.log(`\nFirst render at the agent (visitor presses Share → mirror drawn), ${RUNS} runs: median ${median(renders).toFixed(0)} ms, first (loads the viewer) ${renders[0]!.toFixed(0)} ms, all: ${renders.map((r) => r.toFixed(0)).join(', ')}`);
    reportBench({ figure: 'co-browse first render after Share (ms)', ours: median(renders), peer: median(replays), peerLabel: 'rrweb Replayer rebuild', target: '< 300', met: median(renders) < 300 });
    console.log(`rrweb Replayer rebuilding the same snapshot in the agent's tab (no transport), ${RUNS} runs: median ${median(replays).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.stop();
    data.dispose();
  }
}

await main();
