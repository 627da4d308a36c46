/**
 * Co-browsing end to end: a visitor on the demo store's account page shares it with an agent,
 * in two Chromium contexts. Every WebSocket frame either page sends or receives is captured,
 * so the privacy test searches the real wire for what was typed into masked fields.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { startServer, tempDataDir } from '../support/server-process.js';
import { useStage } from '../support/stage.js';

/** Every WebSocket payload a page sent or received, as bytes, by socket URL. */
function captureFrames(page: Page): { url: string; data: Buffer }[] {
  const frames: { url: string; data: Buffer }[] = [];
  page.on('websocket', (ws) => {
    const keep = (payload: string | Buffer) => frames.push({ url: ws.url(), data: typeof payload === 'string' ? Buffer.from(payload) : payload });
    ws.on('framesent', (f) => keep(f.payload));
    ws.on('framereceived', (f) => keep(f.payload));
  });
  return frames;
}

/** Finds the co-browse viewer in the agent app, as a page expression. */
const VIEWER = `document.querySelector('sb-agent-app').shadowRoot.querySelector('sb-workspace').shadowRoot.querySelector('sb-conversation-view').shadowRoot.querySelector('sb-cobrowse-viewer')`;

/** The agent's mirror of the visitor's page. */
async function mirrorFrame(agentPage: Page): Promise<Frame> {
  const handle = await agentPage.locator('sb-cobrowse-viewer iframe').elementHandle();
  const frame = await handle!.contentFrame();
  assert.ok(frame, 'the mirror is an iframe');
  return frame;
}

describe('co-browsing', () => {
  const stage = useStage();

  /** A visitor on the account page chatting with Ana, who has the conversation open. */
  async function chat(url = stage.server.url): Promise<{ ana: Page; page: Page; frames: ReturnType<typeof captureFrames> }> {
    const ana = await stage.page();
    await agent.signIn(ana, url, ANA);
    const page = await stage.page();
    const frames = captureFrames(page);
    await page.goto(`${url}/demo/account.html`);
    await visitor.openChat(page);
    await visitor.send(page, 'Can you help me with my account?');
    await ana.getByRole('button', { name: /^Accept chat from/ }).click();
    await visitor.messages(page, 'Can you help me with my account?').waitFor();
    await page.getByText(`${ANA.name} joined`).first().waitFor();
    return { ana, page, frames };
  }

  it('mirrors the page after consent, keeps masked fields off the wire, shows pointer and highlight, follows routes and pages, and stops at once', async () => {
    const { ana, page, frames } = await chat();
    await ana.getByRole('button', { name: /^Co-browse: ask .* to share their page$/ }).click();
    await ana.getByText(/Waiting for .* to share their page/).waitFor();
    // Nothing is shared before the visitor agrees: no room socket yet.
    assert.equal(frames.filter((f) => f.url.includes('/cobrowse/')).length, 0);
    await page.getByRole('button', { name: 'Share this page' }).click();
    await page.getByRole('region', { name: 'Page sharing' }).getByText(`You are sharing this page with ${ANA.name}.`).waitFor();

    // The agent's mirror shows the page's text and its form values.
    await ana.getByRole('application', { name: /'s page, live$/ }).waitFor();
    let mirror = await mirrorFrame(ana);
    await mirror.getByRole('heading', { name: 'Your account' }).waitFor();
    assert.equal(await mirror.getByLabel('Full name').inputValue(), 'Jordan Rivera');
    await mirror.getByText('Member since 2019').waitFor(); // data-sb-unmask inside a masked region
    assert.equal(await mirror.getByText('NW-4417-2290-8812').count(), 0, 'masked text is not mirrored');

    // The mirror fits beside the conversation, which stays in view with its composer: at 1280 px side by
    // side, at 768 px above it; the mirror scaled into the room it has, never past the window's edge.
    for (const size of [{ width: 1280, height: 800 }, { width: 768, height: 1024 }]) {
      await ana.setViewportSize(size);
      const liveView = ana.getByRole('application', { name: /'s page, live$/ });
      const reply = ana.getByRole('textbox', { name: /^Reply to/ });
      await ana.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));
      await ana.screenshot({ path: join(import.meta.dirname, `../../.test-output/screens/agent-cobrowse-en-${size.width}.png`) });
      const [s, r, log] = [await liveView.boundingBox(), await reply.boundingBox(), await ana.getByRole('log').boundingBox()];
      assert.ok(s && r && log, 'mirror, thread and composer are on screen');
      assert.ok(s.x >= 0 && s.x + s.width <= size.width && s.y + s.height <= size.height, `the mirror fits the window at ${size.width} px (${JSON.stringify(s)})`);
      assert.ok(r.y + r.height <= size.height && r.x + r.width <= size.width, `the composer stays in view at ${size.width} px (${JSON.stringify(r)})`);
      assert.ok(log.height >= 120, `the conversation keeps room to read at ${size.width} px (${log.height} px)`);
      const overlaps = s.x < log.x + log.width && log.x < s.x + s.width && s.y < log.y + log.height && log.y < s.y + s.height;
      assert.ok(!overlaps, `the mirror does not cover the conversation at ${size.width} px`);
      if (size.width === 1280) assert.ok(s.x + s.width <= log.x + 1, 'at 1280 px the mirror sits beside the conversation');
    }
    await ana.setViewportSize({ width: 1280, height: 800 });
    assert.ok((await mirror.locator('.sb-masked').count()) >= 5, 'passwords, card fields and the account number are placeholders');

    // Typed values arrive; values typed into password and card fields never travel, in any frame.
    await page.getByLabel('Current password').fill('hunter2-very-secret');
    await page.getByLabel('Card number').pressSequentially('4242424242424242');
    await page.getByLabel('Security code').fill('9041');
    await page.getByLabel('Street address').pressSequentially('12 Harbour Road');
    await ana.waitForFunction(
      () => {
        const frame = document.querySelector('sb-agent-app')?.shadowRoot?.querySelector('sb-workspace')?.shadowRoot?.querySelector('sb-conversation-view')?.shadowRoot?.querySelector('sb-cobrowse-viewer')?.shadowRoot?.querySelector('iframe');
        return (frame?.contentDocument?.querySelector('input[name=street]') as HTMLInputElement | null)?.value === '12 Harbour Road';
      },
      undefined,
      { timeout: 10_000 },
    );
    const everything = Buffer.concat(frames.map((f) => f.data));
    for (const secret of ['hunter2-very-secret', '4242424242424242', 'NW-4417-2290-8812']) assert.equal(everything.includes(secret), false, `"${secret}" went over a WebSocket`);
    // A short code could match digits of a timestamp by chance: look for it as a number on its own.
    const room = Buffer.concat(frames.filter((f) => f.url.includes('/cobrowse/')).map((f) => f.data));
    assert.equal(room.includes('9041'), false, 'the security code went into the co-browse room');
    assert.doesNotMatch(frames.filter((f) => !f.url.includes('/cobrowse/')).map((f) => f.data.toString()).join('\n'), /(?<!\d)9041(?!\d)/, 'the security code went over the chat socket');
    assert.ok(everything.includes('12 Harbour Road'), 'the frames were captured (the street address is in them)');

    // The agent's pointer appears on the visitor's page, with the agent's name.
    const liveView = ana.getByRole('application', { name: /'s page, live$/ });
    const box = (await liveView.boundingBox())!;
    await ana.mouse.move(box.x + 200, box.y + 150);
    await ana.mouse.move(box.x + 220, box.y + 160);
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-switchboard-widget="cobrowse"]')?.shadowRoot;
      const pointer = root?.querySelector<HTMLElement>('.pointer');
      return !!pointer && !pointer.hidden && pointer.textContent?.includes('Ana Lima');
    });

    // Highlight from the keyboard: the last link of the page, far below; the visitor is scrolled to it and sees it outlined.
    await ana.getByRole('radio', { name: 'Highlight' }).click();
    await liveView.focus();
    await liveView.press('ArrowUp');
    await liveView.press('Enter');
    await page.waitForFunction(() => {
      const outline = document.querySelector('[data-switchboard-widget="cobrowse"]')?.shadowRoot?.querySelector<HTMLElement>('.highlight');
      return !!outline && !outline.hidden && window.scrollY > 300;
    });
    await page.getByRole('region', { name: 'Page sharing' }).getByText(`${ANA.name} highlighted something on this page.`).waitFor();

    // A client-side route change is followed: the orders table appears in the mirror.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Orders' }).click();
    await mirror.getByRole('cell', { name: '#10449' }).waitFor();
    await ana.getByText(/^Orders — Your account/).waitFor();

    // So is a move to another page of the site: the new page shares itself again.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shipping & returns' }).click();
    await page.getByRole('region', { name: 'Page sharing' }).waitFor();
    await ana.waitForFunction(() => {
      const frame = document.querySelector('sb-agent-app')?.shadowRoot?.querySelector('sb-workspace')?.shadowRoot?.querySelector('sb-conversation-view')?.shadowRoot?.querySelector('sb-cobrowse-viewer')?.shadowRoot?.querySelector('iframe');
      return frame?.contentDocument?.querySelector('h1')?.textContent === 'Shipping & returns';
    });
    mirror = await mirrorFrame(ana);
    await mirror.getByRole('cell', { name: 'Canada' }).waitFor();

    // Stop works at once on the page, and ends it for the agent.
    await page.getByRole('region', { name: 'Page sharing' }).getByRole('button', { name: 'Stop sharing' }).click();
    assert.equal(await page.getByRole('region', { name: 'Page sharing' }).count(), 0, 'the bar is gone the moment Stop is pressed');
    await ana.getByRole('log').getByText('Co-browsing ended.').waitFor();
    assert.equal(await ana.locator('sb-cobrowse-viewer').count(), 0);
    const roomFrames = () => frames.filter((f) => f.url.includes('/cobrowse/'));
    const sentAfterStop = roomFrames().length;
    await page.evaluate('document.querySelector("main").append(Object.assign(document.createElement("p"), { textContent: "after stop" }))');
    await page.getByText('after stop').waitFor();
    await page.evaluate('0'); // a round trip: a frame sent before it would have been reported
    assert.equal(Buffer.concat(roomFrames().map((f) => f.data)).includes('after stop'), false, 'nothing is shared after Stop');
    assert.equal(roomFrames().length, sentAfterStop, 'the page sends nothing at all into the room after Stop');
  });

  it('asks a second consent before the agent may click and type, never into masked fields; outsiders cannot join the room', async () => {
    const { ana, page, frames } = await chat();
    await page.getByRole('button', { name: `Show ${ANA.name} this page` }).click();
    await ana.getByRole('application', { name: /'s page, live$/ }).waitFor();
    const mirror = await mirrorFrame(ana);
    await mirror.getByRole('heading', { name: 'Your account' }).waitFor();
    assert.equal(await ana.getByRole('radio', { name: 'Control' }).count(), 0, 'no control without consent');

    await ana.getByRole('button', { name: 'Ask for control' }).click();
    const bar = page.getByRole('region', { name: 'Page sharing' });
    await bar.getByRole('alert').getByText(/asks to click and type/).waitFor();
    await bar.getByRole('button', { name: 'Allow' }).click();
    await bar.getByText(`${ANA.name} can click and type on this page.`).waitFor();
    await ana.getByRole('radio', { name: 'Control' }).click();

    // The agent clicks the City field in the mirror and types: the visitor's field fills in.
    const liveView = ana.getByRole('application', { name: /'s page, live$/ });
    const clickOn = async (selector: string, index = 0) => {
      const point = (await ana.evaluate(`(() => {
        const viewer = ${VIEWER};
        const frame = viewer.shadowRoot.querySelector('iframe');
        const target = frame.contentDocument.querySelectorAll(${JSON.stringify(selector)})[${index}];
        const r = target.getBoundingClientRect();
        const liveView = viewer.shadowRoot.querySelector('.stage').getBoundingClientRect();
        const scale = liveView.width / frame.offsetWidth;
        return { x: liveView.left + (r.left + r.width / 2) * scale, y: liveView.top + (r.top + r.height / 2) * scale };
      })()`)) as { x: number; y: number };
      await ana.mouse.click(point.x, point.y);
    };
    await clickOn('input[name=city]');
    await ana.getByText(/^Selected: input/).waitFor();
    await liveView.pressSequentially('Lisbon');
    await page.waitForFunction(() => (document.querySelector('input[name=city]') as HTMLInputElement).value === 'Lisbon');

    // A masked field cannot be typed into: the click lands on its placeholder and nothing changes.
    await page.getByLabel('New password').fill('visitor-own');
    await clickOn('.sb-masked', 1); // the second placeholder: New password
    await liveView.pressSequentially('agent-typed');
    await clickOn('input[name=postcode]');
    await liveView.pressSequentially('1100');
    await page.waitForFunction(() => (document.querySelector('input[name=postcode]') as HTMLInputElement).value === '1100');
    assert.equal(await page.getByLabel('New password').inputValue(), 'visitor-own');

    // Taking control back removes the tool at once.
    await bar.getByRole('button', { name: 'Take back control' }).click();
    await ana.getByRole('radio', { name: 'Control' }).waitFor({ state: 'detached' });

    // An outsider with the room's address but a forged token is refused.
    const roomUrl = frames.find((f) => f.url.includes('/cobrowse/'))!.url;
    const outsider = await stage.page();
    await outsider.goto(`${stage.server.url}/demo/shipping.html`);
    const forged = roomUrl.replace(/token=[^&]+/, 'token=' + encodeURIComponent('9999999999999.x.visitor.y.zzz'));
    const code = await outsider.evaluate(`new Promise((resolve) => { const ws = new WebSocket(${JSON.stringify(forged)}); ws.onclose = (e) => resolve(e.code); })`);
    assert.equal(code, 4403);
  });

  it('stops sharing on both sides when a restarted server no longer knows the session', async () => {
    const own = tempDataDir();
    let restarted = await startServer({ databaseUrl: own.databaseUrl });
    try {
      const { ana, page } = await chat(restarted.url);
      await page.getByRole('button', { name: `Show ${ANA.name} this page` }).click();
      await ana.getByRole('application', { name: /'s page, live$/ }).waitFor();
      const port = restarted.port;
      await restarted.stop();
      restarted = await startServer({ databaseUrl: own.databaseUrl, port });
      // Both reconnect; the room refuses them; the page stops sharing and the agent's viewer goes.
      await page.getByRole('region', { name: 'Page sharing' }).waitFor({ state: 'detached', timeout: 20_000 });
      await ana.locator('sb-cobrowse-viewer').waitFor({ state: 'detached', timeout: 20_000 });
      await ana.getByRole('button', { name: /^Co-browse: ask .* to share their page$/ }).waitFor();
    } finally {
      await restarted.stop();
      own.dispose();
    }
  });
});
