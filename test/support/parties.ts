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
  /** Opens a tab of the top bar, through More or Menu when it is not on the line (an admin's twelve tabs, narrow screens). */
  async openTab(page: Page, name: string) {
    // The bar decides which tabs fit after a resize (a ResizeObserver, then a render): two frames later it has.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const link = page.getByRole('navigation').getByRole('link', { name, exact: true });
    if (!(await link.isVisible())) {
      // More or Menu, whichever the bar shows, in whatever language: the button that opens the tabs' menu.
      const fold = page.locator('[aria-controls="sb-tab-menu"]');
      if ((await fold.getAttribute('aria-expanded')) !== 'true') await fold.click();
    }
    await link.click();
  },
  /**
   * Signs out from the account menu and waits for the sign-in form. Closing the window is not
   * the same: the server holds a closed window's agent for the presence grace (a reload).
   */
  async signOut(page: Page) {
    await agent.openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('E-mail').waitFor();
  },
  /** Opens the account menu (Your account, language, shortcuts, Sign out) from the agent's name. */
  async openAccountMenu(page: Page) {
    const button = page.getByRole('button', { name: /^Your account: / }).or(page.locator('.account-button'));
    await button.first().click();
  },
};
