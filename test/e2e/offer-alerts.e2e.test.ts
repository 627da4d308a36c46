/**
 * An offer never goes unnoticed: a chat offered to an agent whose app is in a minimised window
 * rings (the app's Web Audio chime played) and shows a system notification through the app's
 * service worker, the window's title counts it, and back in front the offer shows its time left.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

/**
 * Headless Chromium keeps every page "visible", whether behind another tab or in a minimised
 * window (both tried), so the page's visibility is switched by hand: `__setHidden(true)` makes
 * document.visibilityState 'hidden' and fires visibilitychange, as minimising would.
 * A string, not a function: tsx would wrap a function in helpers the page does not have.
 */
const VISIBILITY_SWITCH = `(() => {
  let hidden = false;
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
  window.__setHidden = (value) => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  };
})();`;

interface Shown {
  title: string;
  body: string;
  data: { conversationId?: string };
}

/**
 * The app's notifications once `until` holds for them, checked in the page every 100 ms for at most
 * 10 s (waitForFunction takes no asynchronous condition, and getNotifications is one).
 */
function notificationsWhen(page: Page, until: 'some-says-hello' | 'none'): Promise<Shown[]> {
  return page.evaluate(async (until) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const notes = (await (await navigator.serviceWorker.getRegistration('/agent/'))?.getNotifications()) ?? [];
      const shown = notes.map((n) => ({ title: n.title, body: n.body, data: n.data as { conversationId?: string } }));
      if (until === 'none' ? shown.length === 0 : shown.some((n) => n.body.includes('Is anybody there?'))) return shown;
      if (Date.now() > deadline) throw new Error(`notifications never matched ${until}: ${JSON.stringify(shown)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, until);
}

const setHidden = (page: Page, hidden: boolean) => page.evaluate((value) => (window as unknown as { __setHidden(h: boolean): void }).__setHidden(value), hidden);

describe('offer alerts', () => {
  // Audio without a click first, as on an agent's desk where they clicked Sign in long ago.
  const stage = useStage({ media: true });
  let desk: BrowserContext;

  before(async () => {
    desk = await stage.party();
    await desk.grantPermissions(['notifications'], { origin: stage.server.url });
  });

  it('rings and notifies for a chat offered while the app is in a minimised window', async () => {
    const app = await desk.newPage();
    await app.addInitScript(VISIBILITY_SWITCH);
    await agent.signIn(app, stage.server.url, ANA);
    await app.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The agent minimises the app's window: the app is hidden.
    await setHidden(app, true);

    const customer = await stage.party();
    const site = await customer.newPage();
    await site.goto(`${stage.server.url}/`);
    await visitor.openChat(site);
    await visitor.send(site, 'Is anybody there?');

    // The offer may come before the visitor's words reach it; the notification then shows them.
    const [note] = await notificationsWhen(app, 'some-says-hello');
    assert.match(note!.title, /^Chat from /);
    assert.match(note!.body, /Is anybody there\?/);
    assert.ok(note!.data.conversationId);
    const workspace = app.locator('sb-workspace');
    await app.waitForFunction(() => document.querySelector('sb-agent-app')?.shadowRoot?.querySelector('sb-workspace')?.getAttribute('data-last-offer-sound') === 'chat');
    assert.ok(Number(await workspace.getAttribute('data-offer-sounds')) >= 1);
    assert.match(await app.title(), /^\(1\) /);

    // Back to the app: the offer is there with the time it has left, and was announced.
    await setHidden(app, false);
    await app.getByText(/\d+ seconds? left/).waitFor();
    assert.match((await app.locator('[aria-live="assertive"]').textContent()) ?? '', /^New chat: .* \(Support\)$/);
    await app.getByRole('button', { name: /^Accept chat from/ }).click();
    await app.getByRole('textbox', { name: /^Reply to/ }).waitFor();
    // Taken: the count leaves the title and the notification closes.
    await app.waitForFunction(() => !document.title.startsWith('('));
    await notificationsWhen(app, 'none');
    await customer.close();
  });
});
