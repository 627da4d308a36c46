/**
 * The site's file policy as its people meet it: an admin lowers the limit to 2 KB and stops
 * taking PDFs in the agent app (by keyboard); the visitor's widget names the new limit on the
 * paperclip, refuses a larger picture before uploading a byte, and the server refuses the PDF.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { agent, visitor } from '../support/parties.js';
import { E2E_ADMIN, e2eAdminEnv } from '../support/admin-api.js';
import { PDF, PNG } from '../support/sample-files.js';
import { useStage } from '../support/stage.js';

describe('the file policy', () => {
  const stage = useStage({ env: (data) => ({ ...e2eAdminEnv, FILES_DIR: `${data.dir}/files` }) });
  let adminPage: Page;
  let visitorPage: Page;
  const uploads: string[] = [];

  before(async () => {
    adminPage = await stage.page();
    visitorPage = await stage.page();
    visitorPage.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/visitors/files')) uploads.push(r.url());
    });
  });

  it('an admin lowers the limit to 2 KB and stops taking PDFs, by keyboard', async () => {
    await agent.signIn(adminPage, stage.server.url, E2E_ADMIN);
    await agent.openTab(adminPage, 'Invitations');
    const section = adminPage.getByRole('region', { name: 'Shared files' });
    const limit = section.getByRole('spinbutton', { name: 'Largest file' });
    await limit.waitFor();
    assert.equal(await limit.inputValue(), '10', 'the default, 10 MB');
    await limit.fill('2');
    await section.getByRole('combobox', { name: 'Unit' }).selectOption('KB');
    const pdf = section.getByRole('checkbox', { name: 'PDF' });
    assert.equal(await pdf.isChecked(), true);
    await pdf.focus();
    await adminPage.keyboard.press('Space');
    assert.equal(await pdf.isChecked(), false);
    await section.getByRole('button', { name: 'Save file settings' }).press('Enter');
    await section.getByRole('status').filter({ hasText: 'File settings saved.' }).waitFor();
    const saved = (await (await adminPage.request.get(`${stage.server.url}/api/admin/file-policy`)).json()) as { maxBytes: number; types: string[] };
    assert.equal(saved.maxBytes, 2048);
    assert.equal(saved.types.includes('application/pdf'), false);
    assert.equal(saved.types.includes('image/png'), true);
  });

  it('refuses out-of-range input with the server’s words, and keeps the saved policy', async () => {
    const section = adminPage.getByRole('region', { name: 'Shared files' });
    await section.getByRole('spinbutton', { name: 'Largest file' }).fill('500');
    await section.getByRole('combobox', { name: 'Unit' }).selectOption('MB');
    await section.getByRole('button', { name: 'Save file settings' }).click();
    await section.getByRole('alert').filter({ hasText: 'at most 104857600 bytes (100 MB)' }).waitFor();
    const kept = (await (await adminPage.request.get(`${stage.server.url}/api/admin/file-policy`)).json()) as { maxBytes: number };
    assert.equal(kept.maxBytes, 2048);
  });

  it('the visitor’s widget names the limit and refuses a larger picture before sending it; the server refuses the PDF', async () => {
    await visitorPage.goto(`${stage.server.url}/`);
    await visitor.openChat(visitorPage);
    await visitor.send(visitorPage, 'Can I send you a photo of the receipt?');
    const paperclip = visitorPage.getByRole('button', { name: 'Attach a file (up to 2 kB)' });
    await paperclip.waitFor();
    assert.equal(await paperclip.getAttribute('title'), 'Attach a file (up to 2 kB)');

    const picker = visitorPage.locator('input[type=file]');
    assert.equal((await picker.getAttribute('accept'))!.includes('application/pdf'), false, 'the picker no longer offers PDFs');
    const large = Buffer.concat([PNG, Buffer.alloc(4096)]);
    await picker.setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: large });
    await visitorPage.getByRole('alert').filter({ hasText: 'receipt.png was not sent: it is larger than the 2 kB limit.' }).waitFor();
    assert.deepEqual(uploads, [], 'nothing was uploaded');

    await picker.setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
    await visitorPage.getByRole('alert').filter({ hasText: 'receipt.pdf was not sent: this kind of file is not accepted.' }).waitFor();
    assert.equal(uploads.length, 1, 'the PDF went to the server, which refused it');

    // A small picture still goes through, and the chat was never held up.
    await picker.setInputFiles({ name: 'small.png', mimeType: 'image/png', buffer: PNG });
    await visitorPage.getByRole('button', { name: /^Open picture small\.png/ }).waitFor();
  });
});
