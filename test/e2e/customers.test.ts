import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';

const GOOD = [
  'external_id,first_name,last_name,email,city,consent_marketing_email',
  'W-1,Camille,Roux,camille.roux@example.com,Lille,yes',
].join('\n');
const BAD = `${GOOD}\nW-2,Léa,Petit,not-an-email,Nice,peut-être`;

/** The Customers page end to end: a refused import with its report, then find, consent, rectify, erase. */
describe.skipIf(!hasChromium)('customers console', () => {
  const harness = useConsoleInChromium();

  it('imports all or nothing, finds by e-mail, changes consent, rectifies and erases', async () => {
    const server = harness.server();
    const page = await harness.browser().newPage({ locale: 'en-GB' });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-customers').click();

    const upload = async (text: string) =>
      page
        .getByTestId('customers-import-file')
        .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByTestId('customers-import-dry-run').uncheck();
    await upload(BAD);
    await page.getByTestId('customers-import-submit').click();
    const report = page.getByTestId('customers-import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('consent_marketing_email');
    expect(await report.locator('tbody tr').count()).toBe(2);

    await upload(GOOD);
    await page.getByTestId('customers-import-submit').click();
    await page.getByTestId('customers-import-ok').waitFor();

    // Not an address: said before anything is sent.
    await page.getByTestId('customers-find-email').fill('not-an-email');
    await page.getByTestId('customers-find-submit').click();
    await page.getByTestId('customers-find-email-error').waitFor();
    expect(await page.getByTestId('customers-find-email').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('customers-find-email').fill('Camille.Roux@example.com');
    await page.getByTestId('customers-find-submit').click();
    await page.getByTestId('customers-profile').waitFor();
    expect(await page.getByTestId('customers-field-first_name').inputValue()).toBe('Camille');

    const marketing = page.getByTestId('customers-consent-marketing_email');
    await expect.poll(() => marketing.isChecked()).toBe(true);
    await marketing.click();
    await expect.poll(() => marketing.isChecked()).toBe(false);

    // The server's refusal names the field in the reader's words and marks it.
    const email = page.getByTestId('customers-field-email');
    const before = await email.inputValue();
    await email.fill('not-an-email');
    await page.getByTestId('customers-rectify-submit').click();
    await page.getByTestId('customers-profile-result').getByText('Check: E-mail.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await email.fill(before);

    await page.getByTestId('customers-field-city').fill('Roubaix');
    await page.getByTestId('customers-rectify-submit').click();
    await expect
      .poll(() => page.getByTestId('customers-profile-result').textContent())
      .toContain('corrected');

    await page.getByTestId('customers-erase').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('customers-profile').waitFor({ state: 'detached' });
    // Said, and focus brought back to the search rather than lost with the profile.
    await page.getByTestId('customers-erased').waitFor();
    expect(await page.locator(':focus').getAttribute('id')).toBe('customers-find-title');
    await page.getByTestId('customers-find-submit').click();
    await expect.poll(() => page.getByTestId('customers-find-result').textContent()).toContain('No customer');
    await page.close();
  }, 120_000);
});
