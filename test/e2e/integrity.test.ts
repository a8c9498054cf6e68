import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '../../src/integrity/index.js';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';
import type { TestServer } from '../support/server.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();

/** The Integrity page in real Chromium: a coordinated burst lands in quarantine, is explained and purged. */
describe.skipIf(!hasChromium)('Integrity page in Chromium', () => {
  const harness = useConsoleInChromium();
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = harness.server();
    browser = harness.browser();
    const v = server.vigie;
    // History: established customers; then twelve new accounts click the same item within 24 minutes.
    await ingestEvents(
      v,
      undefined,
      Array.from({ length: 20 }, (_, k) => ({
        event_id: `h${k}`,
        customer_id: `old-${k}`,
        type: 'view',
        item: `sku-${k}`,
        occurred_at: new Date(Date.UTC(2026, 8, 1) + k * 86_400_000).toISOString(),
      })),
      { source: 'api' },
    );
    const burst = await ingestEvents(
      v,
      undefined,
      Array.from({ length: 12 }, (_, k) => ({
        event_id: `b${k}`,
        customer_id: `new-${k}`,
        type: 'click',
        item: 'sku-promo',
        occurred_at: at(k * 2),
      })),
      { source: 'api' },
    );
    expect(burst.status).toBe('quarantined');
  });

  async function login(page: Page): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu-button').waitFor();
  }

  it('lists the quarantined batch with its reason in plain French, and purges it after confirmation', async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ locale: 'fr-FR' });
    page.on('console', (m) => {
      // The session check before login answers 401: expected.
      if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page);
    await page.getByTestId('nav-integrity').click();
    const item = page.getByTestId('integrity-quarantined');
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Afflux coordonné de nouveaux clients');
    expect(text).toContain('12 nouveaux clients ont agi');
    expect(await page.getByTestId('integrity-batch-row').count()).toBe(2);

    await page.getByTestId('integrity-purge').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('integrity-quarantine-empty').waitFor();
    // The decided batch left the list: focus is on the quarantine's heading, not lost on the body.
    expect(await page.locator(':focus').getAttribute('id')).toBe('integrity-quarantine-title');
    const purged = page.locator('[data-testid="integrity-batch-row"][data-status="purged"]');
    await purged.waitFor();
    // The table keeps the alert's explanation once the batch is decided.
    await purged.locator('summary').click();
    expect(await purged.getByTestId('integrity-batch-reasons').textContent()).toContain(
      '12 nouveaux clients ont agi',
    );
    await page.getByTestId('integrity-status-filter').selectOption('released');
    await page.getByTestId('integrity-batches-empty').getByText('Aucun lot avec ce statut.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
