/** What a visitor and an agent do in the UI, as a person would: by role and label, not by CSS. */
import type { Page } from 'playwright-core';

export const visitor = {
  async openChat(page: Page) {
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Your message' }).waitFor();
  },
  async send(page: Page, text: string) {
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill(text);
    await box.press('Enter');
  },
  /** Messages in the widget's log with exactly this text (sent or received). */
  messages(page: Page, text: string) {
    return page.getByRole('log').getByRole('listitem').filter({ hasText: text });
  },
};

export const agent = {
  async signIn(page: Page, baseUrl: string, login: { email: string; password: string }) {
    await page.goto(`${baseUrl}/agent/`);
    await page.getByLabel('E-mail').fill(login.email);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('combobox', { name: 'Your status' }).waitFor();
  },
  async reply(page: Page, text: string) {
    const box = page.getByRole('textbox', { name: /^Reply to/ });
    await box.fill(text);
    await box.press('Enter');
  },
  messages(page: Page, text: string) {
    return page.getByRole('log').getByRole('listitem').filter({ hasText: text });
  },
};
