/**
 * Files both ways, end to end: a visitor sends a picture and a PDF from the widget, the agent sees
 * the picture as a thumbnail with a viewer and downloads the PDF, and sends both back; a page named
 * .png is refused while the chat goes on; nobody else can fetch the files.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ANA } from '../support/demo-logins.js';
import { agent, visitor } from '../support/parties.js';
import { HTML_AS_PNG, PDF, PNG } from '../support/sample-files.js';
import { useStage } from '../support/stage.js';

describe('sharing files in the chat', () => {
  const stage = useStage({ env: (data) => ({ FILES_DIR: `${data.dir}/files` }) });
  let visitorContext: BrowserContext;
  let agentContext: BrowserContext;
  let visitorPage: Page;
  let agentPage: Page;

  before(async () => {
    visitorContext = await stage.party();
    agentContext = await stage.party();
    visitorPage = await visitorContext.newPage();
    agentPage = await agentContext.newPage();
  });

  /** The file picker's input (hidden; the paperclip button opens it). */
  const picker = (page: Page) => page.locator('input[type=file]');

  it('carries a picture and a PDF from the visitor to the agent', async () => {
    await agent.signIn(agentPage, stage.server.url, ANA);
    await visitorPage.goto(`${stage.server.url}/`);
    await visitor.openChat(visitorPage);
    await visitor.send(visitorPage, 'My tent pole snapped, photo coming');
    await agentPage.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.messages(agentPage, 'My tent pole snapped').waitFor();

    await visitorPage.getByRole('button', { name: 'Attach a file' }).waitFor();
    await picker(visitorPage).setInputFiles({ name: 'pole.png', mimeType: 'image/png', buffer: PNG });
    await picker(visitorPage).setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF });

    // The agent sees the picture as a thumbnail, opens it in the viewer, and closes it with Escape.
    const thumbnail = agentPage.getByRole('button', { name: /^Open picture pole\.png/ });
    await thumbnail.waitFor();
    await thumbnail.locator('img').waitFor();
    await thumbnail.click();
    const viewer = agentPage.getByRole('dialog', { name: 'Picture' });
    await viewer.waitFor();
    // The full picture has loaded in the open dialog (a string: tsx would wrap a function in helpers the page lacks).
    await agentPage.waitForFunction(`(() => {
      const find = (root) => [...root.querySelectorAll('*')].some((el) => (el instanceof HTMLImageElement && el.closest('dialog[open]') && el.naturalWidth > 0) || (el.shadowRoot && find(el.shadowRoot)));
      return find(document);
    })()`);
    await agentPage.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });

    // The PDF is a download, never shown inline.
    const [download] = await Promise.all([agentPage.waitForEvent('download'), agentPage.getByRole('button', { name: /^Download receipt\.pdf/ }).click()]);
    assert.equal(download.suggestedFilename(), 'receipt.pdf');
    assert.deepEqual(await readFile((await download.path())!), PDF);
  });

  it('carries a picture and a PDF from the agent to the visitor', async () => {
    await picker(agentPage).setInputFiles({ name: 'diagram.png', mimeType: 'image/png', buffer: PNG });
    await picker(agentPage).setInputFiles({ name: 'warranty.pdf', mimeType: 'application/pdf', buffer: PDF });
    await visitorPage.getByRole('button', { name: /^Open picture diagram\.png/ }).locator('img').waitFor();
    const [download] = await Promise.all([visitorPage.waitForEvent('download'), visitorPage.getByRole('button', { name: /^Download warranty\.pdf/ }).click()]);
    assert.equal(download.suggestedFilename(), 'warranty.pdf');
    assert.deepEqual(await readFile((await download.path())!), PDF);
  });

  it('refuses a page named .png, says why, and the chat goes on', async () => {
    await picker(visitorPage).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: HTML_AS_PNG });
    await visitorPage.getByRole('alert').filter({ hasText: 'photo.png was not sent: this kind of file is not accepted.' }).waitFor();
    await visitorPage.getByRole('button', { name: 'Try sending photo.png again' }).waitFor();
    await visitor.send(visitorPage, 'Never mind that one');
    await agent.messages(agentPage, 'Never mind that one').waitFor();
    assert.equal(await agentPage.getByText('photo.png').count(), 0);
    await visitorPage.getByRole('button', { name: 'Remove photo.png' }).click();
    await visitorPage.getByRole('alert').filter({ hasText: 'photo.png' }).waitFor({ state: 'detached' });
  });

  it('gives nobody else the files: an outsider gets 404, a forged link 404', async () => {
    const src = await agentPage.getByRole('button', { name: /^Open picture pole\.png/ }).locator('img').getAttribute('src');
    const url = new URL(src!);
    const fileId = url.pathname.split('/').pop()!;
    // The party's own link works, from anywhere (an <img> on the customer's site has no credentials).
    assert.equal((await fetch(url)).status, 200);

    const outsider = await stage.party();
    const page = await outsider.newPage();
    await page.goto(`${stage.server.url}/`);
    const answers = await page.evaluate(async ({ fileId, signed }) => {
      const token = ((await (await fetch('/api/visitors', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { token: string }).token;
      const link = await fetch(`/api/visitors/files/${fileId}/link`, { headers: { authorization: `Bearer ${token}` } });
      const bare = await fetch(`/api/files/${fileId}`);
      const forged = await fetch(signed.replace(/s=[^&]+/, 's=forged'));
      const later = await fetch(signed.replace(/e=\d+/, `e=${Date.now() + 86_400_000}`));
      return [link.status, bare.status, forged.status, later.status];
    }, { fileId, signed: `${url.pathname}${url.search}` });
    assert.deepEqual(answers, [404, 404, 404, 404]);
    await outsider.close();
  });
});
