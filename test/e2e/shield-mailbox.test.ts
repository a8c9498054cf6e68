import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEml } from '../../src/shield/email/test-eml.js';
import { setMailboxSettings } from '../../src/shield/index.js';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';
import { startImapServer, startSmtpServer, type TestImap, type TestSmtp } from '../support/mail-servers.js';
import type { TestServer } from '../support/server.js';

const phish = readFileSync(join(import.meta.dirname, '../fixtures/phishing/fr-colissimo-frais.eml'));

/** The reported mailbox in the console: settings with write-only passwords, test, poll, queue, detail. */
describe.skipIf(!hasChromium)('Shield reported mailbox in Chromium', () => {
  const harness = useConsoleInChromium();
  let server: TestServer;
  let browser: Browser;
  let imap: TestImap;
  let smtp: TestSmtp;
  beforeAll(async () => {
    server = harness.server();
    browser = harness.browser();
    [imap, smtp] = await Promise.all([startImapServer(), startSmtpServer()]);
    await setMailboxSettings(server.vigie, undefined, {
      imap: { host: '127.0.0.1', port: imap.port, tls: 'none', user: imap.user, password: imap.password },
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        user: smtp.user,
        password: smtp.password,
        from: 'vigie@corp.example',
      },
    });
    await imap.deliver(
      buildEml({
        from: 'Jane Doe <jane.doe@corp.example>',
        subject: 'TR: colis',
        text: 'Bonjour, ce message me semble suspect, pouvez-vous vérifier ?',
        attachments: [{ filename: 'suspect.eml', contentType: 'message/rfc822', content: phish }],
      }),
    );
  });
  afterAll(async () => Promise.all([imap?.close(), smtp?.close()]));

  async function login(page: Page): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu-button').waitFor();
  }

  it('tests the connection, polls, lists the report masked and opens its analysis', async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ locale: 'en-US' });
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page);
    await page.goto(`${server.url}/shield?tab=emails`);
    await page.getByTestId('shield-mailbox-empty').waitFor();

    // Passwords are write-only: the field is empty and says one is stored.
    expect(await page.getByTestId('shield-mailbox-imapPassword').inputValue()).toBe('');
    expect(await page.locator('#shield-mailbox-imapPassword-hint').textContent()).toContain('stored');
    expect(await page.content()).not.toContain(imap.password);

    await page.getByTestId('shield-mailbox-test').click();
    await page.getByTestId('shield-mailbox-check-imap').waitFor();
    expect(await page.getByTestId('shield-mailbox-check-imap').textContent()).toContain('login work');
    expect(await page.getByTestId('shield-mailbox-check-smtp').textContent()).toContain('login work');

    await page.getByTestId('shield-mailbox-poll').click();
    const row = page.getByTestId('shield-mailbox-row');
    await row.waitFor();
    expect(await row.getAttribute('data-verdict')).toBe('phishing');
    expect(await row.textContent()).toContain('j•••e@corp.example');
    expect(await page.content()).not.toContain('jane.doe@corp.example');
    expect(smtp.received).toHaveLength(1);

    await page.getByTestId('shield-mailbox-open').click();
    // The detail opens at once and fills in when the stored analysis arrives.
    await page
      .getByTestId('shield-analysis-detail')
      .getByText('Votre colis est en attente de livraison')
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
