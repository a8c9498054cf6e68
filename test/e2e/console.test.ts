import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';
import type { TestServer } from '../support/server.js';

/** The end-to-end scenario, in real Chromium against the real server and built console. */
describe.skipIf(!hasChromium)('console in Chromium', () => {
  const harness = useConsoleInChromium();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => {
    server = harness.server();
    browser = harness.browser();
  });

  async function login(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu-button').waitFor();
  }

  it('admin creates an editor; the editor cannot open Settings; admin sees the entries in Audit', async () => {
    const errors: string[] = [];
    const admin = await browser.newPage({ locale: 'en-US' });
    admin.on('console', (m) => {
      // The console asks /auth/me before login: that 401 is expected, anything else is a defect.
      if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
    });
    admin.on('pageerror', (e) => errors.push(e.message));
    await login(admin, 'admin', server.adminPassword);

    await admin.goto(`${server.url}/settings/users`);
    await admin.locator('#invite-username').fill('elise');
    await admin.locator('#invite-password').fill('elise editor password');
    await admin.locator('#invite-role').selectOption('editor');
    await admin.getByTestId('invite-submit').click();
    await expect.poll(() => admin.getByTestId('user-row').filter({ hasText: 'elise' }).count()).toBe(1);

    const context = await browser.newContext({ locale: 'fr-FR' });
    const editor = await context.newPage();
    await login(editor, 'elise', 'elise editor password');
    expect(await editor.getByTestId('nav-settings').count()).toBe(0);
    await editor.goto(`${server.url}/settings/users`);
    await editor.getByTestId('forbidden').waitFor();
    expect(await editor.locator('html').getAttribute('lang')).toBe('fr');
    await context.close();

    await admin.goto(`${server.url}/audit`);
    await admin.getByTestId('audit-row').first().waitFor();
    const rows = await admin.getByTestId('audit-table').textContent();
    expect(rows).toContain('user.create');
    expect(rows).toContain('auth.login');
    await admin.getByTestId('verify-button').click();
    await expect.poll(() => admin.getByTestId('verify-result').getAttribute('data-ok')).toBe('true');
    expect(errors).toEqual([]);
    await admin.close();
  });
});
