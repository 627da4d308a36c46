/**
 * The widget's newer API and message rendering as a site and its visitor use them: identify,
 * trackEvent and setConversationAttributes on a page without a chat download nothing and open no
 * socket, then reach the agent with the first conversation; trackEvent during it joins the agent's
 * timeline; showNewMessage, reset; links and an
 * agent's Markdown clickable and formatted on both sides, a visitor's HTML shown as typed; and a
 * 10,000-character paste kept and refused with a clear message instead of being cut.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { useStage } from '../support/stage.js';

describe('the widget API without a chat, and rich, bounded messages', () => {
  const stage = useStage();
  let visitorPage: Page;
  let agentPage: Page;
  const chatChunks: string[] = [];
  const sockets: string[] = [];

  before(async () => {
    visitorPage = await stage.page();
    agentPage = await stage.page();
    visitorPage.on('request', (r) => {
      if (r.url().includes('/widget/chat.js')) chatChunks.push(r.url());
    });
    visitorPage.on('websocket', (ws) => sockets.push(ws.url()));
  });

  const widgetReady = (page: Page) => page.waitForFunction(() => (window.Switchboard as { __switchboard?: true } | undefined)?.__switchboard === true);

  it('identify, trackEvent and setConversationAttributes on pages without a chat load no chat code and open no socket', async () => {
    await visitorPage.goto(`${stage.server.url}/`);
    await widgetReady(visitorPage);
    await visitorPage.evaluate(() => {
      window.Switchboard!.identify!({ name: 'Maria Gomez', email: 'maria@example.com' });
      window.Switchboard!.trackEvent!('viewed-pricing', { plan: 'pro' });
    });
    // The next page of the site: still nothing downloaded, nothing connected.
    await visitorPage.goto(`${stage.server.url}/demo/shipping.html`);
    await widgetReady(visitorPage);
    await visitorPage.evaluate(() => window.Switchboard!.setConversationAttributes!({ orderId: '1042' }));
    await visitorPage.goto(`${stage.server.url}/demo/account.html`);
    await widgetReady(visitorPage);
    assert.deepEqual(chatChunks, [], 'no chat chunk was requested');
    assert.deepEqual(sockets, [], 'no WebSocket was opened');
    const kept = await visitorPage.evaluate(() => Object.entries(localStorage).find(([k]) => k.endsWith(':pending'))?.[1]);
    assert.equal(JSON.parse(kept!).length, 3, 'the three calls wait on this device');
  });

  it('showNewMessage opens the widget with the text in the composer; what was kept reaches the agent with the conversation', async () => {
    await visitorPage.evaluate(() => window.Switchboard!.showNewMessage!('I have a question about order 1042'));
    const box = visitorPage.getByRole('textbox', { name: 'Your message' });
    await box.waitFor();
    await visitorPage.waitForFunction(() => {
      const host = document.querySelector('[data-switchboard-widget]')!.shadowRoot!.querySelector('sb-chat-panel')!;
      return host.shadowRoot!.querySelector('textarea')!.value === 'I have a question about order 1042';
    });
    assert.equal(chatChunks.length, 1, 'the chat chunk loads when the chat opens');
    await box.press('Enter');
    await visitor.messages(visitorPage, 'I have a question about order 1042').waitFor();
    assert.ok(sockets.some((u) => u.includes('/ws/visitor')));

    await agent.signIn(agentPage, stage.server.url, ANA);
    await agentPage.getByRole('button', { name: 'Accept chat from Maria Gomez' }).click();
    await agent.messages(agentPage, 'I have a question about order 1042').waitFor();
    await agentPage.getByRole('list', { name: 'What they did on the site' }).getByText('viewed-pricing').waitFor();
    await agentPage.getByRole('definition').filter({ hasText: '1042' }).first().waitFor();
    await agentPage.getByText('About this conversation').waitFor();
  });

  it('trackEvent during the conversation shows in the agent’s timeline as text, and not in the widget', async () => {
    await visitorPage.evaluate(() => window.Switchboard!.trackEvent!('started-checkout', { plan: '<b>pro</b>', seats: 3 }));
    const line = agentPage.getByRole('log').getByRole('listitem').filter({ hasText: 'On the site: started-checkout' });
    await line.waitFor();
    assert.equal((await line.textContent())!.replace(/\s+/g, ' ').trim(), 'On the site: started-checkout (plan: <b>pro</b>, seats: 3)');
    assert.equal(await line.locator('b').count(), 0, 'the page’s markup stays text');
    await agentPage.getByRole('button', { name: 'Show the whole timeline' }).click();
    await agentPage.locator('li.visitor-event').filter({ hasText: 'On the site: started-checkout (plan: <b>pro</b>, seats: 3)' }).nth(1).waitFor();
    assert.equal(await visitor.messages(visitorPage, 'started-checkout').count(), 0);
    await agentPage.getByRole('button', { name: 'Hide the whole timeline' }).click();
  });

  it('makes links clickable and renders an agent’s Markdown in both apps; a javascript: address and a visitor’s HTML stay text', async () => {
    // The panel closed: the page hears of the unread reply through the `unread` event.
    await visitorPage.evaluate(() => {
      const w = window as unknown as { unreadCounts: number[] };
      w.unreadCounts = [];
      window.Switchboard!.on!('unread', (d) => w.unreadCounts.push(d.count));
      window.Switchboard!.close!();
    });
    await agent.reply(agentPage, '**Free** returns: see https://shop.example/returns, not javascript:alert(1)');
    await visitorPage.waitForFunction(() => (window as unknown as { unreadCounts: number[] }).unreadCounts.includes(1));
    await visitorPage.evaluate(() => window.Switchboard!.open!());
    await visitorPage.waitForFunction(() => (window as unknown as { unreadCounts: number[] }).unreadCounts.at(-1) === 0);
    const reply = visitor.messages(visitorPage, 'Free returns');
    await reply.waitFor();
    const link = reply.getByRole('link', { name: 'https://shop.example/returns' });
    assert.equal(await link.getAttribute('href'), 'https://shop.example/returns');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await reply.getByRole('link').count(), 1, 'javascript: is not a link');
    assert.equal(await reply.locator('strong').textContent(), 'Free');
    const agentSide = agent.messages(agentPage, 'Free returns');
    assert.equal(await agentSide.getByRole('link', { name: 'https://shop.example/returns' }).count(), 1);
    assert.equal(await agentSide.locator('strong').textContent(), 'Free');

    await visitor.send(visitorPage, '<b>hi</b> **plain** https://example.com/x');
    const fromVisitor = agent.messages(agentPage, '<b>hi</b> **plain**');
    await fromVisitor.waitFor();
    assert.equal(await fromVisitor.locator('b, strong').count(), 0, 'nothing a visitor writes is HTML or Markdown');
    assert.equal(await fromVisitor.getByRole('link', { name: 'https://example.com/x' }).count(), 1);
  });

  it('keeps a 10,000-character paste, says it is over the limit, and sends nothing; the agent’s composer does the same', async () => {
    const long = 'x'.repeat(10_000);
    const box = visitorPage.getByRole('textbox', { name: 'Your message' });
    await box.fill(long);
    await visitorPage.getByRole('alert').filter({ hasText: '10,000 characters, more than the 4,000 allowed' }).waitFor();
    await box.press('Enter');
    assert.equal((await box.inputValue()).length, 10_000, 'nothing was cut');
    assert.equal(await visitor.messages(visitorPage, 'xxxxxxxxxx').count(), 0, 'nothing was sent');
    await box.fill('x'.repeat(3_500));
    await visitorPage.getByRole('status').filter({ hasText: '3,500 / 4,000 characters' }).waitFor();
    await box.fill('');

    const reply = agentPage.getByRole('textbox', { name: /^Reply to/ });
    await reply.fill(long);
    await agentPage.getByRole('alert').filter({ hasText: '10,000 characters, more than the 4,000 allowed' }).waitFor();
    await reply.press('Enter');
    assert.equal((await reply.inputValue()).length, 10_000);
    await reply.fill('');

    // The page's own send() is refused whole, with an error event, never cut.
    const error = await visitorPage.evaluate(
      (text) =>
        new Promise<{ reason: string; message: string }>((resolve) => {
          window.Switchboard!.on!('error', resolve);
          window.Switchboard!.send!(text);
        }),
      long,
    );
    assert.equal(error.reason, 'too-long');
  });

  it('reset() forgets the visitor on this device: no token, no history', async () => {
    await visitorPage.evaluate(() => window.Switchboard!.reset!());
    const keys = await visitorPage.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('switchboard:')));
    assert.deepEqual(keys, []);
    await visitorPage.reload();
    await widgetReady(visitorPage);
    await visitor.openChat(visitorPage);
    assert.equal(await visitor.messages(visitorPage, 'I have a question about order 1042').count(), 0, 'the conversation is not shown any more');
    assert.equal(await visitorPage.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith(':active'))), false);
  });
});
