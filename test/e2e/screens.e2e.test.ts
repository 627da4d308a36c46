/**
 * Screenshots of the main screens, in English and in Arabic (right to left), at a phone's, a tablet's
 * and a desktop's width, written to .test-output/screens/ on every run so anyone can look at them:
 * the widget with a short exchange, the agent app's sign-in, its conversation and the wallboard.
 */
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { BEN } from '../support/demo-logins.js';
import { startServer, tempDataDir } from '../support/server-process.js';

const OUT = join(import.meta.dirname, '../../.test-output/screens');
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;

/** What each party types and the labels they look for, in each language. */
const SCRIPT = {
  en: {
    customer: 'Maria Gomez',
    question: 'Hello! My order #1042 has not arrived yet. Can you check it?',
    answer: 'Hi Maria, it left our warehouse yesterday and arrives tomorrow.',
    openChat: 'Open chat',
    message: 'Your message',
    email: 'E-mail',
    password: 'Password',
    signIn: 'Sign in',
    status: 'Your status',
    accept: 'Accept chat from Maria Gomez',
    reply: 'Reply to Maria Gomez',
    conversations: 'Conversations',
    wallboard: 'Wallboard',
    queues: 'Queues today',
  },
  ar: {
    customer: 'ليلى حسن',
    question: 'مرحبًا! لم يصل طلبي رقم 1042 بعد (Order #1042). هل يمكنكم التحقق؟',
    answer: 'أهلًا ليلى، غادر طلبك المستودع أمس ويصل غدًا.',
    openChat: 'فتح المحادثة',
    message: 'رسالتك',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    signIn: 'تسجيل الدخول',
    status: 'حالتك',
    accept: 'قبول المحادثة من ليلى حسن',
    reply: 'الرد على ليلى حسن',
    conversations: 'المحادثات',
    wallboard: 'لوحة المتابعة',
    queues: 'قوائم الانتظار اليوم',
  },
} as const;

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  assert.ok(statSync(path).size > 5_000, `${name}.png has content`);
}

/** Every width in turn: resize, let the layout settle (two frames), shoot. */
async function atEveryWidth(page: Page, name: string, locale: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await shoot(page, `${name}-${locale}-${size.width}`);
  }
}

describe('screenshots of the main screens', () => {
  mkdirSync(OUT, { recursive: true });

  for (const locale of ['en', 'ar'] as const) {
    const say = SCRIPT[locale];
    it(`in ${locale === 'en' ? 'English' : 'Arabic'} at 390, 768 and 1280 px`, async () => {
      const data = tempDataDir();
      const server = await startServer({ databaseUrl: data.databaseUrl });
      const browser = await launchBrowser();
      try {
        const customer = await (await newParty(browser, { locale })).newPage();
        const staff = await (await newParty(browser, { locale })).newPage();

        await staff.goto(`${server.url}/agent/`);
        await staff.getByRole('button', { name: say.signIn }).waitFor();
        await atEveryWidth(staff, 'agent-sign-in', locale);
        await staff.setViewportSize(WIDTHS[2]);
        await staff.getByLabel(say.email).fill(BEN.email);
        await staff.getByLabel(say.password).fill(BEN.password);
        await staff.getByRole('button', { name: say.signIn }).click();
        await staff.getByRole('combobox', { name: say.status }).waitFor();

        await customer.goto(`${server.url}/`);
        await customer.evaluate((name) => window.Switchboard!.identify!({ name }), say.customer);
        await customer.getByRole('button', { name: say.openChat }).click();
        const box = customer.getByRole('textbox', { name: say.message });
        await box.fill(say.question);
        await box.press('Enter');

        await staff.getByRole('button', { name: say.accept }).click();
        const reply = staff.getByRole('textbox', { name: say.reply });
        await reply.fill(say.answer);
        await reply.press('Enter');
        await customer.getByRole('log').getByText(say.answer).waitFor();
        await staff.getByRole('log').getByText(say.answer).waitFor();

        await atEveryWidth(customer, 'widget', locale);
        await atEveryWidth(staff, 'agent-conversation', locale);
        await staff.setViewportSize(WIDTHS[2]);
        await staff.getByRole('button', { name: say.wallboard }).click();
        await staff.getByRole('heading', { name: say.queues }).waitFor();
        await atEveryWidth(staff, 'agent-wallboard', locale);
      } finally {
        await browser.close();
        await server.stop();
        data.dispose();
      }
    });
  }
});
