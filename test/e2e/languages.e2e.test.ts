/**
 * Both apps in the visitor's and the agent's language, in Chromium: the widget follows the browser's
 * languages (Spanish; Arabic mirrored), switches with Switchboard.setLocale, and the agent app follows
 * the browser or the agent's own setting, down to the wallboard's per-language figures.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { agent } from '../support/parties.js';
import { ANA, BEN } from '../support/demo-logins.js';
import { useStage } from '../support/stage.js';

/** The widget's host element, where the loader sets lang and dir. */
const widgetHost = (page: Page) => page.locator('[data-switchboard-widget]').first();

describe('languages in the widget and the agent app', () => {
  const stage = useStage();

  it('shows a visitor whose browser is set to es-ES the widget in Spanish, and starts the conversation in Spanish', async () => {
    const page = await stage.page({ locale: 'es-ES' });
    await page.goto(`${stage.server.url}/`);
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    const box = page.getByRole('textbox', { name: 'Su mensaje' });
    await box.waitFor();
    await page.getByText('¡Hola! Escríbanos y un agente le responderá aquí.').waitFor();
    await box.fill('Hola, ¿dónde está mi pedido 1042?');
    await box.press('Enter');
    // Nobody is signed in yet: the visitor is told so, in Spanish.
    await page.getByText('Ahora mismo no hay ningún agente disponible', { exact: false }).first().waitFor();
    assert.equal(await widgetHost(page).getAttribute('lang'), 'es');
  });

  it('shows a visitor whose browser is set to ar the widget in Arabic, mirrored, with mixed text read right', async () => {
    const page = await stage.page({ locale: 'ar' });
    await page.goto(`${stage.server.url}/`);
    const launcher = page.getByRole('button', { name: 'فتح المحادثة' });
    await launcher.waitFor();
    assert.equal(await widgetHost(page).getAttribute('dir'), 'rtl');
    // The launcher sits at the inline end: the left, in a right-to-left language.
    const box = (await launcher.boundingBox())!;
    assert.ok(box.x + box.width < 640, `launcher at x=${box.x}, expected on the left`);
    await launcher.click();
    const input = page.getByRole('textbox', { name: 'رسالتك' });
    await input.fill('My order #1042 لم يصل بعد');
    await input.press('Enter');
    // The stored message (it has a sequence number), not the pending copy it replaces.
    const bubble = page.locator('li.message[data-seq]', { hasText: 'My order #1042' }).locator('.text');
    await bubble.waitFor();
    // Each bubble takes its direction from its own text: this one starts in English.
    assert.equal(await bubble.getAttribute('dir'), 'auto');
    assert.equal(await bubble.evaluate((el) => getComputedStyle(el).direction), 'ltr');
    assert.equal(await page.getByRole('dialog').evaluate((el) => getComputedStyle(el).direction), 'rtl');
  });

  it('switches at once when the page calls Switchboard.setLocale(\'da\')', async () => {
    const page = await stage.page({ locale: 'en-GB' });
    await page.goto(`${stage.server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Your message' }).waitFor();
    await page.evaluate(() => window.Switchboard!.setLocale!('da'));
    await page.getByRole('textbox', { name: 'Din besked' }).waitFor();
    await page.getByRole('button', { name: 'Luk chatten', expanded: true }).waitFor(); // the launcher
    assert.equal(await widgetHost(page).getAttribute('lang'), 'da');
  });

  it('shows the agent app in Chinese for a zh-CN browser, wallboard and per-language figures included', async () => {
    const page = await stage.page({ locale: 'zh-CN' });
    await page.goto(`${stage.server.url}/agent/`);
    await page.getByLabel('电子邮箱').fill(BEN.email);
    await page.getByLabel('密码').fill(BEN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('combobox', { name: '您的状态' }).waitFor();
    await agent.openTab(page, '实时看板');
    await page.getByRole('heading', { name: '今日队列' }).waitFor();
    await page.getByRole('columnheader', { name: '平均应答时长' }).first().waitFor();
    // The Spanish and Arabic chats of the tests above, counted per customer language.
    await page.getByRole('heading', { name: '按语言' }).waitFor();
    await page.getByRole('row', { name: /^西班牙语/ }).waitFor();
    await page.getByRole('row', { name: /^阿拉伯语/ }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh');
  });

  it('follows the agent’s own setting: chosen in the account menu, shown at once, kept on the next visit', async () => {
    const page = await stage.page({ locale: 'en-US' });
    await page.goto(`${stage.server.url}/agent/`);
    await page.getByLabel('E-mail').fill(ANA.email);
    await page.getByLabel('Password').fill(ANA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await agent.openAccountMenu(page);
    await page.getByRole('combobox', { name: 'App language' }).selectOption('ar');
    await page.getByRole('combobox', { name: 'حالتك' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.reload();
    await page.getByRole('combobox', { name: 'حالتك' }).waitFor();
    await agent.openAccountMenu(page);
    await page.getByRole('combobox', { name: 'لغة التطبيق' }).selectOption('');
    await page.getByRole('combobox', { name: 'Your status' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  });
});
