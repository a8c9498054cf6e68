import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/index.js';
import { seedInsightsScenario } from '../../src/integrity/insights/workspace/test-fixture.js';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';

/**
 * From the console: an analyst computes RFM segments and asks to target one that excludes women; the
 * bias audit holds it; a reviewer reads the per-group chart and approves with a comment; recommendations
 * for one customer come from similar items.
 */
describe.skipIf(!hasChromium)('insights console: segments, fairness review, recommendations', () => {
  const harness = useConsoleInChromium();

  const login = async (username: string, password: string, locale = 'en-GB') => {
    const page = await harness.browser().newPage({ locale });
    await page.goto(`${harness.server().url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu-button').waitFor();
    return page;
  };

  it('audits a targeting request and lets a reviewer decide', async () => {
    const server = harness.server();
    const ids = await seedInsightsScenario(server.vigie);
    await createUser(server.vigie, undefined, {
      username: 'ana',
      password: 'analyst password 123',
      role: 'analyst',
    });
    await createUser(server.vigie, undefined, {
      username: 'rev',
      password: 'reviewer password 123',
      role: 'reviewer',
    });

    const analyst = await login('ana', 'analyst password 123');
    await analyst.getByTestId('nav-segments').click();
    await analyst.getByTestId('segments-compute').click();
    await analyst.getByTestId('segments-compute-result').getByText('Segments computed: 7.').waitFor();
    const row = analyst.getByTestId('segment-row').filter({ hasText: 'RFM: need attention' });
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe('10');
    await analyst.getByTestId('use-segment').selectOption({ label: 'RFM: need attention' });
    await analyst.getByTestId('use-campaign').fill('Winter sale');
    await analyst.getByTestId('use-submit').click();
    await analyst.getByTestId('use-result').getByText('Audit failed: the use is held for review.').waitFor();
    expect(await analyst.getByTestId('audit-failures').textContent()).toContain('Four-fifths rule');

    const reviewer = await login('rev', 'reviewer password 123', 'fr-FR');
    expect(await reviewer.getByTestId('nav-segments').count()).toBe(0);
    await reviewer.getByTestId('nav-fairness').click();
    const card = reviewer.getByTestId('audit-card').first();
    await card.waitFor();
    expect(await card.getByTestId('audit-verdict').textContent()).toBe('Échoué');
    // Group names and numbers in French: "Femme : 0,0 %", not "female: 0.0 %".
    expect(((await card.locator('svg title').textContent()) ?? '').replace(/\s/g, ' ')).toBe(
      'Femme : 0,0 %, Homme : 50,0 %',
    );
    expect(await card.textContent()).toMatch(/Ratio de parité démographique : \d,\d{3}/);
    await reviewer
      .getByTestId('review-comment')
      .fill('Relance saisonnière ; les femmes auront la vague suivante.');
    await reviewer.getByTestId('review-approve').click();
    await reviewer.getByText("Rien n'attend de relecture.").waitFor();
    // The decided item is gone, its result is not: announced above the queue, focus on its heading.
    await reviewer.getByTestId('review-result').getByText('Utilisation approuvée.').waitFor();
    expect(await reviewer.locator(':focus').getAttribute('id')).toBe('fairness-review-title');

    await analyst.getByTestId('nav-recommendations').click();
    await analyst.getByTestId('reco-subject').fill(ids.get('m10')!);
    await analyst.getByTestId('reco-submit').click();
    const first = analyst.getByTestId('reco-table').locator('tbody tr').first();
    await first.waitFor();
    expect(await first.locator('th').textContent()).toBe('p1');
    expect(await first.locator('td').nth(1).textContent()).toBe('similar items');
    // The stored run, which exposure audits read, is computed from the same page.
    await analyst.getByTestId('reco-batch-submit').click();
    await analyst
      .getByTestId('reco-batch-result')
      .getByText(/^Recommendations stored for \d+ customers\./)
      .waitFor();
  }, 120_000);

  it('refuses to save an emptied policy field instead of storing 0', async () => {
    const admin = await login('admin', harness.server().adminPassword, 'fr-FR');
    await admin.getByTestId('nav-fairness').click();
    const k = admin.getByTestId('policy-k');
    const before = await k.inputValue();
    await k.fill('');
    await admin.getByTestId('policy-save').click();
    await admin.getByTestId('policy-k-error').getByText('Saisissez un nombre de 2 à').waitFor();
    expect(await k.getAttribute('aria-invalid')).toBe('true');
    expect(await admin.locator(':focus').getAttribute('id')).toBe('policy-k');
    await admin.reload();
    expect(await admin.getByTestId('policy-k').inputValue()).toBe(before);
    await admin.close();
  }, 60_000);
});
