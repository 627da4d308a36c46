/**
 * The demo tells the truth: the help bot, the canned replies and the queues say what the demo's
 * shipping page says. The facts are read from the page itself, so changing the page without the
 * knowledge base (or the other way round) fails here.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { CannedReply } from '../../signaling/protocol/api.js';
import type { QueueStatus } from '../../signaling/protocol/contact-options.js';
import { signIn } from '../support/connect.js';
import { ANA } from '../support/demo-logins.js';
import { visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

/** What the shipping page states, read from its DOM. */
interface PageFacts {
  rows: { destination: string; time: string; cost: string }[];
  /** Periods in the returns section ("60 days", "5 business days"). */
  returns: string[];
  /** The page's sentence about when the chat is staffed. */
  hours: string;
}

async function readFacts(page: Page): Promise<PageFacts> {
  const rows = await page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
  const returnsText = await page.getByRole('region', { name: 'Returns' }).innerText();
  const main = await page.getByRole('main').innerText();
  return {
    rows: rows.map(([destination, time, cost]) => ({ destination: destination!, time: time!, cost: cost! })),
    returns: returnsText.match(/\d+(?:–\d+)? (?:business )?days/g) ?? [],
    hours: main.split(/(?<=[.:])\s+/).find((s) => /\bchat\b/i.test(s) && /clock|\d{1,2}:\d{2}/.test(s)) ?? '',
  };
}

/** Asks the bot; opens its first (best) article and returns that article's full text. */
async function askBot(page: Page, question: string): Promise<string> {
  const bot = page.getByRole('group', { name: 'Answer from our help bot' });
  await visitor.send(page, question);
  await bot.getByRole('button', { name: 'That answered my question' }).waitFor();
  const best: Locator = bot.getByRole('listitem').first();
  await best.getByRole('button').click();
  await best.getByRole('button', { expanded: true }).waitFor();
  const text = await best.innerText();
  // Done with this question: the next message goes to the bot again.
  await bot.getByRole('button', { name: 'That answered my question' }).click();
  await bot.getByText('Glad that helped!').waitFor();
  return text;
}

/** The line of `text` that names `destination`. */
const lineAbout = (text: string, destination: string) => text.split('\n').find((line) => line.includes(destination)) ?? '';

describe('the demo tells the truth', () => {
  const stage = useStage();
  let page: Page;
  let facts: PageFacts;

  before(async () => {
    page = await stage.page();
    await page.goto(`${stage.server.url}/demo/shipping.html`);
    facts = await readFacts(page);
    assert.equal(facts.rows.length, 3, 'the page lists its destinations');
    assert.ok(facts.returns.length > 0 && facts.hours, 'the page states its returns window and chat hours');
    await visitor.openChat(page);
  });

  it('the help bot answers the shipping page’s questions with the page’s own figures', async () => {
    for (const { destination, time, cost } of facts.rows) {
      const delivery = await askBot(page, `How long does delivery to ${destination} take?`);
      assert.ok(lineAbout(delivery, destination).includes(time), `delivery to ${destination}: the page says ${time}; the bot: ${delivery}`);
      const price = await askBot(page, `How much does shipping to ${destination} cost?`);
      assert.ok(lineAbout(price, destination).includes(cost), `shipping to ${destination}: the page says ${cost}; the bot: ${price}`);
    }
    const returns = await askBot(page, 'How long do I have to return an item?');
    for (const period of facts.returns) assert.ok(returns.includes(period), `returns: the page says ${period}; the bot: ${returns}`);
    const hours = await askBot(page, 'When can I chat with you?');
    assert.ok(hours.includes('around the clock') === facts.hours.includes('around the clock'), `hours: the page says “${facts.hours}”; the bot: ${hours}`);
  });

  it('the canned replies agents send say the same', async () => {
    const cookie = await signIn({ url: stage.server.url, origin: stage.server.url }, ANA.email, ANA.password);
    const replies = (await (await fetch(`${stage.server.url}/api/canned-replies`, { headers: { Cookie: cookie } })).json()) as CannedReply[];
    const reply = (shortcut: string) => replies.find((r) => r.shortcut === shortcut && !r.language)!.body;
    for (const { destination, time } of facts.rows) {
      const range = time.split(' ')[0]!;
      assert.match(reply('shipping'), new RegExp(`${range}[^,.;]*${destination}`), `/shipping about ${destination}: the page says ${time}`);
    }
    for (const period of facts.returns) assert.ok(reply('returns').includes(period), `/returns: the page says ${period}`);
  });

  it('the queues are open when the pages say the chat is staffed', async () => {
    assert.match(facts.hours, /around the clock/, 'the demo promises a chat at any hour');
    for (const queue of ['support', 'billing']) {
      const status = (await (await fetch(`${stage.server.url}/api/visitors/queue-status?queue=${queue}`)).json()) as QueueStatus;
      assert.equal(status.open, true, `${queue} is open now`);
      // Every half hour of the coming week can be booked: no closed hour anywhere.
      const slots = status.callbackSlots;
      assert.ok(slots.length >= 7 * 48 - 2, `${queue}: ${slots.length} slots`);
      assert.ok(slots.every((t, i) => i === 0 || t - slots[i - 1]! === 30 * 60_000), `${queue} has no gap in its week`);
    }
  });
});
