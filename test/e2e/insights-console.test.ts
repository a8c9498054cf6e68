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
    expect(await card.locator('svg title').textContent()).toBe('female: 0.0 %, male: 50.0 %');
    await reviewer
      .getByTestId('review-comment')
      .fill('Relance saisonnière ; les femmes auront la vague suivante.');
    await reviewer.getByTestId('review-approve').click();
    await reviewer.getByText("Rien n'attend de relecture.").waitFor();

    await analyst.getByTestId('nav-recommendations').click();
    await analyst.getByTestId('reco-subject').fill(ids.get('m10')!);
    await analyst.getByTestId('reco-submit').click();
    const first = analyst.getByTestId('reco-table').locator('tbody tr').first();
    await first.waitFor();
    expect(await first.locator('th').textContent()).toBe('p1');
    expect(await first.locator('td').nth(1).textContent()).toBe('similar items');
  }, 120_000);
});
