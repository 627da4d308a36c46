/**
 * Screenshots of the main screens, in English and in Arabic (right to left), at a phone's, a tablet's
 * and a desktop's width, written to .test-output/screens/ on every run so anyone can look at them:
 * the widget with a short exchange, the agent app's sign-in, its conversation, the wallboard and an
 * admin's Queues tab. At each width nothing may stick out of the viewport sideways, and the top bar
 * stays one line (its tabs fold into a Menu rather than wrap).
 */
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, newParty } from '../support/browser.js';
import { BEN } from '../support/demo-logins.js';
import { agent } from '../support/parties.js';
import { startServer, tempDataDir } from '../support/server-process.js';

const ADMIN = { email: 'admin@screens.local', password: 'admin-password-screens' };
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
    queuesTab: 'Queues',
    menu: 'Menu',
    adminTabs: { agents: 'Agents', reports: 'Reports', quality: 'Quality', integrations: 'Integrations', team: 'Team' },
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
    queuesTab: 'قوائم الانتظار',
    menu: 'القائمة',
    adminTabs: { agents: 'الموظفون', reports: 'التقارير', quality: 'الجودة', integrations: 'التكاملات', team: 'الفريق' },
  },
} as const;

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  assert.ok(statSync(path).size > 5_000, `${name}.png has content`);
}

/**
 * What sticks out of the viewport sideways, looking into shadow roots: each element with a box that
 * passes an edge, unless an ancestor clips or scrolls it (a table in a scrolling box).
 * A string, not a function: tsx would wrap a function in helpers the page does not have.
 */
const OVERFLOWING = `(() => {
  const out = [];
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let node = el.parentNode; node; node = node.parentNode || node.host) {
      if (!(node instanceof Element)) continue;
      if (getComputedStyle(node).overflowX !== 'visible') return true;
    }
    return false;
  };
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && (r.right > width + 1 || r.left < -1) && !clipped(el)) {
        out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  if (document.documentElement.scrollWidth > width + 1) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
  return out.slice(0, 8);
})()`;

/** The agent app's top bar: its height and the rows its visible tabs sit on (one, or none when all are under the Menu; those under More are hidden). */
const TOP_BAR = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.classList.contains('topbar')) return el;
      const inner = el.shadowRoot && find(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const bar = find(document);
  if (!bar) return null;
  const tabs = [...bar.querySelectorAll(':scope > nav.tabs a')].map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0);
  return { height: bar.getBoundingClientRect().height, rows: new Set(tabs.map((r) => Math.round(r.top))).size, tallestTab: Math.max(0, ...tabs.map((r) => r.height)) };
})()`;

/** Every width in turn: resize, let the layout settle (two frames), check nothing sticks out, shoot. */
async function atEveryWidth(page: Page, name: string, locale: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await shoot(page, `${name}-${locale}-${size.width}`);
    assert.deepEqual(await page.evaluate(OVERFLOWING), [], `${name} in ${locale} at ${size.width} px: nothing sticks out sideways`);
    const bar = (await page.evaluate(TOP_BAR)) as { height: number; rows: number; tallestTab: number } | null;
    if (bar) {
      assert.ok(bar.rows <= 1 && bar.tallestTab < 48, `${name} in ${locale} at ${size.width} px: the tabs sit on one line (${JSON.stringify(bar)})`);
      assert.ok(bar.height < 64, `${name} in ${locale} at ${size.width} px: the top bar is one line high (${bar.height} px)`);
    }
  }
}

describe('screenshots of the main screens', () => {
  mkdirSync(OUT, { recursive: true });

  for (const locale of ['en', 'ar'] as const) {
    const say = SCRIPT[locale];
    it(`in ${locale === 'en' ? 'English' : 'Arabic'} at 390, 768 and 1280 px`, async () => {
      const data = tempDataDir();
      const server = await startServer({ databaseUrl: data.databaseUrl, env: { SWITCHBOARD_ADMIN_EMAIL: ADMIN.email, SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password } });
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
        await agent.openTab(staff, say.wallboard);
        await staff.getByRole('heading', { name: say.queues }).waitFor();
        await atEveryWidth(staff, 'agent-wallboard', locale);

        // An admin's twelve tabs: at 1280 px they used to wrap to three lines and push Sign out off screen.
        const admin = await (await newParty(browser, { locale })).newPage();
        await admin.goto(`${server.url}/agent/`);
        await admin.getByLabel(say.email).fill(ADMIN.email);
        await admin.getByLabel(say.password).fill(ADMIN.password);
        await admin.getByRole('button', { name: say.signIn }).click();
        await admin.getByRole('combobox', { name: say.status }).waitFor();
        await agent.openTab(admin, say.queuesTab);
        await admin.locator('sb-admin-queues').waitFor();
        await atEveryWidth(admin, 'agent-queues', locale);
        // The menus, open on a phone: every tab, and the account's language, shortcuts and Sign out.
        await admin.setViewportSize(WIDTHS[0]);
        await admin.getByRole('button', { name: say.menu, exact: true }).click();
        await shoot(admin, `agent-menu-${locale}-390`);
        await agent.openAccountMenu(admin);
        await shoot(admin, `agent-account-menu-${locale}-390`);
        assert.deepEqual(await admin.evaluate(OVERFLOWING), [], `the account menu in ${locale} fits a phone`);
        await admin.keyboard.press('Escape');

        // The other screens an admin works in: tables and forms must scroll or reflow, never cut.
        for (const [name, label] of Object.entries(say.adminTabs)) {
          await admin.setViewportSize(WIDTHS[2]);
          await agent.openTab(admin, label);
          await admin.locator('nav.tabs a[aria-current=page]', { hasText: label }).waitFor({ state: 'attached' });
          await atEveryWidth(admin, `agent-${name}`, locale);
        }
      } finally {
        await browser.close();
        await server.stop();
        data.dispose();
      }
    });
  }
});
