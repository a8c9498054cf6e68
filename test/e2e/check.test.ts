import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';
import { loginAs, type TestServer } from '../support/server.js';

const EMAIL = 'marie.dupont@exemple.fr';
const CLAIM = 'Notre plateforme est 100 % inviolable';
const DRAFT = [
  `Bonjour, écrivez à ${EMAIL} ou virez sur FR76 3000 6000 0112 3456 7890 189.`,
  `${CLAIM}. Les collaborateurs sont ravis 😀.`,
].join('\n');

/** Guard's Check page and settings, in real Chromium against the real server and built console. */
describe.skipIf(!hasChromium)('Check page in Chromium', () => {
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

  /** One attribute of every element matching a locator, in document order. */
  async function attributes(locator: Locator, name: string): Promise<string[]> {
    const values = await Promise.all((await locator.all()).map((element) => element.getAttribute(name)));
    return values.map((value) => value ?? '');
  }

  const rules = async (page: Page) =>
    [...new Set(await attributes(page.getByTestId('highlight'), 'data-rule'))].sort();

  async function check(page: Page, text: string): Promise<void> {
    await page.getByTestId('check-text').fill(text);
    await page.getByTestId('check-submit').click();
    await page.getByTestId('check-verdict').waitFor();
    await expect.poll(() => page.getByTestId('check-submit').isDisabled()).toBe(false);
  }

  it('finds personal data and an unsupported claim, fixes wording, previews the redaction, and learns a fact', async () => {
    const errors: string[] = [];
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await login(page);

    await page.getByTestId('nav-check').click();
    await page.getByTestId('check-form').waitFor();
    expect(await page.locator('label[for="check-text"]').textContent()).toBe('Texte à vérifier');

    // An empty text is refused before anything is sent.
    await page.getByTestId('check-submit').click();
    await expect.poll(() => page.getByTestId('check-status').textContent()).toContain('Collez ou saisissez');

    await check(page, DRAFT);
    expect(await page.getByTestId('check-verdict').getAttribute('data-verdict')).toBe('review');
    expect(await page.getByTestId('check-verdict-meaning').textContent()).toMatch(/relire/);
    expect(await page.getByTestId('check-stats').textContent()).toMatch(/\d/);
    expect(await page.getByTestId('check-readability').textContent()).toContain('Kandel-Moles');
    expect(await rules(page)).toEqual(
      expect.arrayContaining(['claim.unsupported', 'pii.email', 'pii.iban', 'language.inclusive']),
    );
    // The highlights cover exactly the detected text, emoji and all.
    expect(await page.locator('[data-testid="highlight"][data-rule="pii.email"]').textContent()).toBe(EMAIL);
    expect(await page.getByTestId('check-highlighted').textContent()).toBe(DRAFT);
    // The list groups findings by category and stays in sync with the text.
    expect(await attributes(page.getByTestId('findings-group'), 'data-category')).toEqual([
      'pii',
      'claim',
      'language',
    ]);

    // Keyboard: a highlight takes focus and Enter opens its explanation.
    await page.locator('[data-testid="highlight"][data-rule="pii.iban"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('finding-details-body').getAttribute('data-rule')).toBe('pii.iban');
    expect(
      await page.locator('[data-testid="finding-item"][data-rule="pii.iban"]').getAttribute('aria-current'),
    ).toBe('true');

    // One-click suggestion: the span is replaced in the text and the check runs again.
    await page.locator('[data-testid="highlight"][data-rule="language.inclusive"]').first().click();
    const suggestion = page.getByTestId('suggestion-apply').first();
    const replacement = await suggestion.getAttribute('data-suggestion');
    expect(replacement).toBeTruthy();
    await suggestion.click();
    await expect.poll(() => page.getByTestId('check-text').inputValue()).toContain(replacement ?? '');
    await expect.poll(() => rules(page)).not.toContain('language.inclusive');
    expect(await page.getByTestId('check-text').inputValue()).not.toContain('Les collaborateurs');

    // Redacted preview: placeholders instead of the e-mail, and a copy button.
    await page.getByTestId('check-tab-redacted').click();
    const redacted = page.getByTestId('redacted-text');
    await redacted.waitFor();
    const preview = await redacted.textContent();
    expect(preview).not.toContain(EMAIL);
    expect(preview).toMatch(/\[EMAIL_\d+\]/);
    expect(preview).toMatch(/\[IBAN_\d+\]/);
    expect(await page.getByTestId('replacement-row').count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId('redacted-copy').waitFor();
    // Round trip: a model's answer with the placeholders comes back with the original values.
    const placeholder = /\[EMAIL_\d+\]/.exec(preview ?? '')?.[0] ?? '';
    await page.getByTestId('restore-input').fill(`Réponse envoyée à ${placeholder}.`);
    await page.getByTestId('restore-submit').click();
    await expect
      .poll(() => page.getByTestId('restore-output').textContent())
      .toBe(`Réponse envoyée à ${EMAIL}.`);

    // An approved fact added in Settings now supports the claim.
    await page.getByTestId('check-facts-link').click();
    await page.getByTestId('fact-form').waitFor();
    await page.getByTestId('fact-statement').fill(CLAIM);
    await page.getByTestId('fact-source').fill('Audit de sécurité 2026');
    await page.getByTestId('fact-submit').click();
    await expect.poll(() => page.getByTestId('fact-row').count()).toBe(1);
    expect(await page.getByTestId('fact-row').getAttribute('data-status')).toBe('permanent');

    await page.getByTestId('nav-check').click();
    await check(page, DRAFT);
    expect(await rules(page)).not.toContain('claim.unsupported');
    expect(await rules(page)).toEqual(expect.arrayContaining(['pii.email', 'pii.iban']));

    // Switching the console to English asks again, so the messages follow the reader's language.
    const emailItem = page.locator('[data-testid="finding-item"][data-rule="pii.email"]');
    expect(await emailItem.textContent()).toContain('Adresse e-mail');
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => emailItem.textContent()).toMatch(/e-mail address/i);
    expect(await page.getByTestId('check-verdict-meaning').textContent()).toMatch(/review/);

    // The text never travels in a URL.
    expect(requests.some((url) => decodeURIComponent(url).includes(EMAIL))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the detector catalog in the reader’s language and refuses an oversized text clearly', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await login(page);
    await page.goto(`${server.url}/check`);
    await page.getByTestId('check-catalog-link').click();
    await page.getByTestId('catalog-table').waitFor();
    const email = page.locator('[data-testid="catalog-row"][data-detector-id="pii.email"]');
    expect(await email.count()).toBe(1);
    expect(await email.getByTestId('catalog-description').textContent()).toMatch(/e-mail/i);
    await page.getByTestId('catalog-category').selectOption('secret');
    const ids = await attributes(page.getByTestId('catalog-row'), 'data-detector-id');
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('secret.'))).toBe(true);

    await page.goto(`${server.url}/check`);
    await page.getByTestId('check-text').fill('a'.repeat(4 * 1024 * 1024 + 1));
    await page.getByTestId('check-submit').click();
    await page.getByTestId('check-too-large').waitFor();
    expect(await page.getByTestId('check-too-large').textContent()).toContain('4 MiB');
    await page.close();
  });
  it('saves a policy (refusing invalid YAML), brand rules and known values, and Check applies them', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await login(page);

    await page.goto(`${server.url}/settings/policy`);
    await page.getByTestId('policy-yaml').fill('profiles:\n  publish:\n    verdict: block\n');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-error').waitFor();
    expect(await page.getByTestId('policy-error').textContent()).toMatch(/not valid|invalid/i);
    await page
      .getByTestId('policy-yaml')
      .fill('profiles:\n  publish:\n    rules:\n      brand.banned-phrase: block\n');
    await page.getByTestId('policy-save').click();
    await expect
      .poll(() => page.getByTestId('policy-effective').textContent())
      .toContain('brand.banned-phrase: block');

    await page.getByTestId('settings-tab-brand').click();
    await page.getByTestId('brand-form').waitFor();
    await page.getByTestId('brand-phrase-add').click();
    await page.getByTestId('brand-phrase').fill('world leader');
    await page.getByTestId('brand-save').click();
    await expect.poll(() => page.getByTestId('brand-result').textContent()).toContain('saved');
    expect(await page.getByTestId('brand-export').getAttribute('href')).toMatch(/^blob:/);
    await page.getByTestId('brand-import-file').setInputFiles({
      name: 'brand.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        'competitors: [Globex]\nbannedPhrases:\n  - phrase: world leader\n    reason: unprovable\n',
      ),
    });
    await expect.poll(() => page.getByTestId('brand-competitors').inputValue()).toBe('Globex');

    await page.getByTestId('settings-tab-knownValues').click();
    await page.getByTestId('known-values-input').fill('Jean Valjean\nJean Valjean\nCosette Fauchelevent\nX');
    await page.getByTestId('known-values-entity').selectOption('PERSON');
    await page.getByTestId('known-values-submit').click();
    await expect.poll(() => page.getByTestId('known-value-row').count()).toBe(2);
    const listed = (await page.getByTestId('known-values-table').textContent()) ?? '';
    expect(listed).not.toContain('Valjean');
    expect(listed).not.toContain('Fauchelevent');
    expect(await page.getByTestId('known-values-result').textContent()).toMatch(/2 values registered/);
    await page.getByTestId('known-value-delete').first().click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('known-value-row').count()).toBe(1);

    // Facts: expiry status, edit, delete with confirmation.
    await page.getByTestId('settings-tab-facts').click();
    const soon = new Date(Date.now() + 10 * 24 * 3600_000).toISOString().slice(0, 10);
    await page.getByTestId('fact-statement').fill('We serve 500 customers in Europe');
    await page.locator('#fact-source').fill('CRM export, June 2026');
    await page.getByTestId('fact-expires').fill(soon);
    await page.getByTestId('fact-submit').click();
    const row = page.locator('[data-testid="fact-row"]', { hasText: 'We serve 500 customers' });
    await expect.poll(() => row.getAttribute('data-status')).toBe('expiring');
    await row.getByTestId('fact-edit').click();
    expect(await page.getByTestId('fact-statement').inputValue()).toBe('We serve 500 customers in Europe');
    await page.getByTestId('fact-expires').fill('');
    await page.getByTestId('fact-submit').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('permanent');
    await row.getByTestId('fact-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => row.count()).toBe(0);

    await page.getByTestId('nav-check').click();
    await check(page, 'We are the world leader, ahead of Globex. Ask Jean Valjean or Cosette Fauchelevent.');
    expect(await page.getByTestId('check-verdict').getAttribute('data-verdict')).toBe('block');
    const found = await rules(page);
    expect(found).toEqual(expect.arrayContaining(['brand.banned-phrase', 'brand.competitor']));
    expect(await page.locator('[data-testid="highlight"][data-category="pii"]').count()).toBeGreaterThan(0);
    await page.close();
  });
  it('shows an editor the Guard settings read-only and keeps known values for administrators', async () => {
    const admin = await loginAs(server.app, 'admin', server.adminPassword);
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'eloise', password: 'eloise editor password', role: 'editor' },
    });
    expect(created.statusCode).toBe(201);
    const page = await browser.newPage({ locale: 'fr-FR' });
    await login(page, 'eloise', 'eloise editor password');
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    await page.getByTestId('nav-check').click();
    await page.getByTestId('check-facts-link').click();
    await page.getByTestId('facts-table').or(page.locator('.empty')).first().waitFor();
    expect(await page.getByTestId('fact-form').count()).toBe(0);
    expect(await page.getByTestId('fact-delete').count()).toBe(0);
    expect(await page.getByTestId('settings-tab-knownValues').count()).toBe(0);
    await page.getByTestId('settings-tab-policy').click();
    await page.getByTestId('policy-yaml').waitFor();
    expect(await page.getByTestId('policy-yaml').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('policy-save').count()).toBe(0);
    await page.goto(`${server.url}/settings/known-values`);
    await page.getByTestId('forbidden').waitFor();
    await page.close();
  });
});
