/**
 * The widget on a phone and under a 200 % zoom: full screen, no control lying on another, and Send
 * tapped at its centre really sends (a launcher over Send used to close the chat instead).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

/** What the topmost element at (x, y) is, looking through open shadow roots as a tap does. */
async function partAt(page: Page, x: number, y: number): Promise<string> {
  return page.evaluate(([px, py]) => {
    let el: Element | null = document.elementFromPoint(px!, py!);
    while (el?.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(px!, py!);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el ? `${el.tagName.toLowerCase()}[part=${el.getAttribute('part') ?? ''}] ${el.textContent?.trim() ?? ''}` : 'nothing';
  }, [x, y]);
}

describe('the widget on small screens', () => {
  const stage = useStage();
  let agentPage: Page;

  before(async () => {
    agentPage = await stage.page();
    await agent.signIn(agentPage, stage.server.url, ANA);
  });

  const screens = [
    { name: 'a 360 × 740 phone', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
    // A 1280 × 800 laptop zoomed to 200 % lays out in 640 × 400 CSS pixels.
    { name: 'a laptop at 200 % zoom', viewport: { width: 640, height: 400 }, isMobile: false, hasTouch: false, deviceScaleFactor: 2 },
  ];

  for (const screen of screens) {
    it(`on ${screen.name}: the panel fills the screen and Send, tapped at its centre, sends`, async () => {
      const { name, ...options } = screen;
      const page = await stage.page(options);
      await page.goto(`${stage.server.url}/`);
      await visitor.openChat(page);

      // The panel covers the whole viewport, and the launcher steps aside (the panel has its own Close).
      const panel = await page.locator('[data-switchboard-widget] .panel-slot').boundingBox();
      assert.deepEqual(panel && [panel.x, panel.y, panel.width, panel.height], [0, 0, options.viewport.width, options.viewport.height], `${name}: full screen`);
      assert.equal(await page.locator('[data-switchboard-widget] .launcher').isVisible(), false, 'the launcher hides while the panel is open');

      const text = `Does the Ridgeline tent fit two? (${name})`;
      await page.getByRole('textbox', { name: 'Your message' }).fill(text);
      const send = page.getByRole('button', { name: 'Send', exact: true });
      const box = await send.boundingBox();
      assert.ok(box, 'Send is on screen');
      assert.ok(box.height >= 44 && box.width >= 44, `Send is big enough for a finger (${box.width} × ${box.height})`);
      assert.ok(box.y + box.height <= options.viewport.height && box.x >= 0 && box.x + box.width <= options.viewport.width, 'Send lies inside the viewport');
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      assert.match(await partAt(page, centre.x, centre.y), /^button\[part=send-button\] Send$/, 'nothing lies over Send');

      await page.mouse.click(centre.x, centre.y);
      await visitor.messages(page, text).waitFor();
      assert.ok(await page.getByRole('textbox', { name: 'Your message' }).isVisible(), 'the chat stays open');
      // The agent is offered the conversation with the message in it, and takes it (freeing Ana for the next screen's visitor).
      await agentPage.getByText(`“${text}”`).waitFor();
      await agentPage.getByRole('button', { name: /^Accept chat from/ }).click();
      await agent.messages(agentPage, text).waitFor();

      // The header's Close is a finger's size too, and closing brings the launcher back.
      const close = page.getByRole('button', { name: 'Close chat' });
      const closeBox = (await close.boundingBox())!;
      assert.ok(closeBox.height >= 44 && closeBox.width >= 44, `Close is big enough for a finger (${closeBox.width} × ${closeBox.height})`);
      await close.click();
      await page.getByRole('button', { name: 'Open chat' }).waitFor();
      await page.context().close();
    });
  }
});
