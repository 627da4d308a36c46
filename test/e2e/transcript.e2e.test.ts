/**
 * Transcripts, end to end: after a chat in Spanish with a file in it, the visitor has the transcript
 * mailed (received by a real SMTP listener on loopback, in Spanish, the file as a working link) and
 * downloads it; the agent downloads it from the agent app as a web page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { ANA } from '../support/demo-logins.js';
import { agent } from '../support/parties.js';
import { PDF } from '../support/sample-files.js';
import { freePort, startServer, tempDataDir, type RunningServer } from '../support/server-process.js';
import { SmtpSink } from '../support/smtp-sink.js';

describe('the transcript of a conversation', () => {
  const data = tempDataDir();
  let server: RunningServer;
  let sink: Awaited<ReturnType<typeof SmtpSink.start>>;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let agentContext: BrowserContext;
  let visitorPage: Page;
  let agentPage: Page;

  before(async () => {
    sink = await SmtpSink.start();
    const port = await freePort();
    server = await startServer({
      databaseUrl: data.databaseUrl,
      port,
      env: { SMTP_URL: sink.url, MAIL_FROM: 'Acme Support <support@acme.test>', COMPANY_NAME: 'Acme Outdoor', PUBLIC_URL: `http://127.0.0.1:${port}`, FILES_DIR: `${data.dir}/files` },
    });
    browser = await launchBrowser();
    visitorContext = await newParty(browser, { locale: 'es-ES' });
    agentContext = await newParty(browser);
    visitorPage = await visitorContext.newPage();
    agentPage = await agentContext.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
    data.dispose();
  });

  it('is mailed to the visitor in their language, with the file as a link, and downloaded by both', async () => {
    await agent.signIn(agentPage, server.url, ANA);
    await visitorPage.goto(`${server.url}/`);
    await visitorPage.getByRole('button', { name: 'Abrir el chat' }).click();
    const box = visitorPage.getByRole('textbox', { name: 'Su mensaje' });
    await box.fill('Hola, necesito la factura de mi tienda <b>Ridgeline</b>');
    await box.press('Enter');
    await agentPage.getByRole('button', { name: /^Accept chat from/ }).click();
    await agent.reply(agentPage, 'Aquí la tiene.');
    await agentPage.locator('input[type=file]').setInputFiles({ name: 'factura.pdf', mimeType: 'application/pdf', buffer: PDF });
    await visitorPage.getByRole('button', { name: /^Descargar factura\.pdf/ }).waitFor();
    await agentPage.getByRole('button', { name: 'End conversation' }).click();

    // The visitor asks for it by mail.
    const transcript = visitorPage.getByRole('group', { name: 'Transcripción de esta conversación' });
    await transcript.getByRole('button', { name: 'Enviarme la transcripción por correo' }).click();
    await transcript.getByLabel('Su correo electrónico').fill('lucia@example.test');
    await transcript.getByRole('button', { name: 'Enviar' }).click();
    await transcript.getByRole('status').filter({ hasText: 'La transcripción va camino de lucia@example.test.' }).waitFor();

    const mail = await sink.next((m) => m.to.includes('lucia@example.test'));
    assert.equal(mail.subject, 'Su conversación con Acme Outdoor');
    assert.match(mail.text, /Hola, necesito la factura de mi tienda <b>Ridgeline<\/b>/);
    assert.match(mail.text, /Aquí la tiene\./);
    assert.match(mail.text, /Archivo: factura\.pdf/);
    const link = /http:\/\/127\.0\.0\.1:\d+\/api\/files\/\S+/.exec(mail.text)?.[0];
    assert.ok(link, mail.text);
    const file = await fetch(link);
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-disposition')!, /^attachment; filename="factura.pdf"/);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF);

    // And saves it on the device.
    const [saved] = await Promise.all([visitorPage.waitForEvent('download'), transcript.getByRole('button', { name: 'Descargar la transcripción' }).click()]);
    assert.match(saved.suggestedFilename(), /^transcript-.*\.txt$/);
    const text = await readFile((await saved.path())!, 'utf8');
    assert.match(text, /^Transcripción de la conversación/);
    assert.match(text, /Aquí la tiene\./);

    // The agent downloads it as a web page: in the conversation's language, with what was written as text.
    const [page] = await Promise.all([agentPage.waitForEvent('download'), agentPage.getByRole('link', { name: 'Transcript (web page)' }).click()]);
    assert.match(page.suggestedFilename(), /^transcript-.*\.html$/);
    const html = await readFile((await page.path())!, 'utf8');
    assert.match(html, /<html lang="es"/);
    assert.match(html, /&lt;b&gt;Ridgeline&lt;\/b&gt;/);
    assert.match(html, /factura\.pdf/);
  });
});
