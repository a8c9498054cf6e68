import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';
import { loginAs, type TestServer } from '../support/server.js';

/** A phishing message: PayPal's name from an unrelated domain, a paypal.com link to an IP, DMARC failed. */
const PHISHING_EML = [
  'From: "PayPal" <service@account-alerts.example.net>',
  'To: alice@vigie.example',
  'Subject: Your account has been limited',
  'Date: Sat, 28 Nov 2026 10:00:00 +0000',
  'Message-ID: <e2e-phish@account-alerts.example.net>',
  'Authentication-Results: mx.vigie.example; spf=fail smtp.mailfrom=account-alerts.example.net; dkim=none; dmarc=fail header.from=account-alerts.example.net',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><body><p>Dear customer,</p>',
  '<p>We noticed unusual activity. Please verify your account within 24 hours or it will be suspended.</p>',
  '<p><a href="http://203.0.113.7/paypal/login">https://www.paypal.com/signin</a></p></body></html>',
  '',
].join('\r\n');

/** Shield's pages in real Chromium against the real server (whose DNS answers every query with nothing). */
describe.skipIf(!hasChromium)('Shield pages in Chromium', () => {
  const harness = useConsoleInChromium();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => {
    server = harness.server();
    browser = harness.browser();
  });

  async function login(page: Page, username = 'admin', password = server.adminPassword): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu-button').waitFor();
  }

  async function attributes(page: Page, testId: string, name: string): Promise<string[]> {
    const elements = await page.getByTestId(testId).all();
    return Promise.all(elements.map(async (element) => (await element.getAttribute(name)) ?? ''));
  }

  it('analyses a dropped phishing e-mail offline, explains why, and lists it in the history', async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ locale: 'en-US' });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page);

    await page.getByTestId('nav-shield').click();
    await page.getByTestId('shield-panel-emails').waitFor();
    expect(await page.getByTestId('module-unavailable').count()).toBe(0);
    expect(await page.getByTestId('shield-tab-emails').getAttribute('aria-selected')).toBe('true');

    // A file that is not an .eml is refused before anything is sent.
    await page.getByTestId('shield-eml-input').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await page.getByTestId('shield-not-eml').waitFor();

    // Drag and drop the phishing message, analysed offline.
    await page.getByTestId('shield-offline').check();
    // Built in the page (DataTransfer is a DOM type this Node test does not compile against).
    const dataTransfer = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(PHISHING_EML)}], 'paypal.eml', { type: 'message/rfc822' }));
      return transfer;
    })()`);
    await page.getByTestId('shield-dropzone').dispatchEvent('dragover', { dataTransfer });
    await page.getByTestId('shield-dropzone').dispatchEvent('drop', { dataTransfer });

    const verdict = page.getByTestId('shield-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('phishing');
    expect(await verdict.textContent()).toContain('Phishing');
    expect(Number(await page.getByTestId('shield-score-gauge').getAttribute('value'))).toBeGreaterThanOrEqual(
      60,
    );
    expect(await page.getByTestId('shield-subject').textContent()).toBe('Your account has been limited');
    const reasons = await attributes(page, 'shield-reason', 'data-reason');
    expect(reasons).toEqual(
      expect.arrayContaining([
        'impersonation.display-name',
        'links.text-mismatch',
        'links.raw-ip',
        'lures.credentials',
        'authentication.dmarc-fail',
      ]),
    );
    // Grouped in the server's order, each with its lesson and evidence.
    const groups = await attributes(page, 'shield-reason-group', 'data-group');
    expect(groups.slice(0, 3)).toEqual(['impersonation', 'links', 'lures']);
    const mismatch = page.locator('[data-testid="shield-reason"][data-reason="links.text-mismatch"]');
    expect(await mismatch.textContent()).toMatch(/Link text hides its target/);
    expect(await mismatch.getByTestId('shield-reason-evidence').textContent()).toContain('203.0.113.7');
    expect(await page.getByTestId('shield-auth-source').textContent()).toMatch(/Authentication-Results/);
    expect(await page.getByTestId('shield-auth-dmarc').getAttribute('data-tone')).toBe('fail');
    expect(await page.getByTestId('shield-email-status').textContent()).toContain('Verdict: Phishing');

    // Admins read threats: the analysis is in the history, with the reasons' short labels.
    const row = page.getByTestId('shield-history-row').first();
    await row.waitFor();
    expect(await row.getAttribute('data-verdict')).toBe('phishing');
    expect(await row.textContent()).toContain('DMARC failed');

    // In French, the lessons come back in French after asking again.
    await page.getByTestId('language-select').selectOption('fr');
    await page.getByTestId('shield-other-locale').getByRole('button').click();
    await expect.poll(() => mismatch.textContent()).toMatch(/Le texte du lien cache sa cible/);
    expect(await verdict.textContent()).toContain('Hameçonnage');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('watches a domain, explores its permutations, and shows a spoofable posture with records to publish', async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ locale: 'en-US' });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (401|409)/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page);

    await page.goto(`${server.url}/shield?tab=lookalikes`);
    await page.getByTestId('shield-watch-form').waitFor();
    await page.getByTestId('shield-watch-domain').fill('vigie.example');
    await page.getByTestId('shield-watch-add').click();
    const watched = page.locator('[data-testid="shield-watch-row"][data-domain="vigie.example"]');
    await watched.waitFor();
    expect(await page.getByTestId('shield-watch-status').textContent()).toContain(
      'vigie.example is now watched',
    );
    // Watching it twice is refused clearly.
    await page.getByTestId('shield-watch-domain').fill('vigie.example');
    await page.getByTestId('shield-watch-add').click();
    await page.getByTestId('shield-watch-conflict').waitFor();
    // Re-checking resolves nothing on the test server: no alert, and the row is marked as checked.
    await page.getByTestId('shield-watch-check').click();
    await expect
      .poll(() => page.getByTestId('shield-watch-status').textContent())
      .toBe('Domains checked: 1. New alerts: 0.');
    // The status arrives with the answer; the row follows when the list is fetched again.
    await expect.poll(() => watched.textContent()).not.toContain('Not yet');

    // Permutations: generated, filtered by technique, paged, and downloadable.
    await page.getByTestId('shield-perm-domain').fill('vigie.example');
    await page.getByTestId('shield-perm-submit').click();
    await page.getByTestId('shield-perm-table').waitFor();
    expect(await page.getByTestId('shield-perm-row').count()).toBe(50);
    expect(await page.getByTestId('shield-perm-page').textContent()).toMatch(/Page 1 of \d+/);
    await page.getByTestId('shield-perm-next').click();
    expect(await page.getByTestId('shield-perm-page').textContent()).toMatch(/Page 2 of/);
    await page.getByTestId('shield-perm-fuzzer').selectOption('addition');
    const fuzzers = new Set(await attributes(page, 'shield-perm-row', 'data-fuzzer'));
    expect([...fuzzers]).toEqual(['addition']);
    expect(await page.getByTestId('shield-perm-page').textContent()).toMatch(/Page 1 of/);
    expect(await page.getByTestId('shield-perm-download').getAttribute('href')).toMatch(/^blob:/);
    // The name part is bounded before anything is sent.
    await page.getByTestId('shield-perm-domain').fill(`${'a'.repeat(31)}.com`);
    await page.getByTestId('shield-perm-submit').click();
    await expect
      .poll(() => page.locator('#shield-perm-domain-error').textContent())
      .toContain('30 characters');

    // Posture: no record anywhere, so the domain is spoofable and the fixes are given to copy.
    await page.getByTestId('shield-tab-posture').click();
    await page.getByTestId('shield-posture-domain').fill('vigie.example');
    await page.getByTestId('shield-posture-submit').click();
    const posture = page.getByTestId('shield-posture-verdict');
    await posture.waitFor();
    expect(await posture.getAttribute('data-verdict')).toBe('spoofable');
    expect(await page.getByTestId('shield-posture-fix').count()).toBeGreaterThan(0);
    const values = await page.getByTestId('shield-fix-value').allTextContents();
    expect(values.some((value) => value.startsWith('v=spf1'))).toBe(true);
    expect(values.some((value) => value.startsWith('v=DMARC1'))).toBe(true);
    expect(await page.getByTestId('shield-fix-copy').count()).toBe(values.length);
    const statuses = await attributes(page, 'shield-posture-check', 'data-status');
    expect(statuses).toContain('fail');

    // Protection settings round-trip.
    await page.getByTestId('shield-tab-protection').click();
    await page.getByTestId('shield-brand-add').click();
    await page.getByTestId('shield-brand-name').fill('Vigie');
    await page.getByTestId('shield-brand-domains').fill('vigie.example, vigie.fr');
    await page.getByTestId('shield-vips').fill('Marie Dupont');
    await page.getByTestId('shield-protection-save').click();
    await expect.poll(() => page.getByTestId('shield-protection-status').textContent()).toContain('saved');
    await page.reload();
    await page.getByTestId('shield-brand-domains').waitFor();
    expect(await page.getByTestId('shield-brand-domains').inputValue()).toBe('vigie.example, vigie.fr');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives an analyst the e-mail upload only: no history, no lookalikes, posture or protection', async () => {
    const admin = await loginAs(server.app, 'admin', server.adminPassword);
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'analyst-shield', password: 'analyst-password-for-tests', role: 'analyst' },
    });
    expect(created.statusCode).toBe(201);
    const page = await browser.newPage({ locale: 'fr-FR' });
    await login(page, 'analyst-shield', 'analyst-password-for-tests');
    await page.getByTestId('nav-shield').click();
    await page.getByTestId('shield-panel-emails').waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['E-mails']);
    // A deep link to a tab the role cannot open falls back to the one it can.
    await page.goto(`${server.url}/shield?tab=posture`);
    await page.getByTestId('shield-panel-emails').waitFor();
    expect(await page.locator('label[for="shield-eml-input"]').textContent()).toBe('Choisir un fichier .eml');
    await page.getByTestId('shield-eml-input').setInputFiles({
      name: 'paypal.eml',
      mimeType: 'message/rfc822',
      buffer: Buffer.from(PHISHING_EML),
    });
    await page.getByTestId('shield-verdict').waitFor();
    expect(await page.getByTestId('shield-verdict').getAttribute('data-verdict')).toBe('phishing');
    expect(await page.getByTestId('shield-verdict').textContent()).toContain('Hameçonnage');
    expect(await page.getByTestId('shield-history').count()).toBe(0);
    await page.close();
  });
});
