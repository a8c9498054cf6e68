import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentReply, createAssistant, importArticle, listConversations } from '../../src/assistant/index.js';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';
import { repoRoot } from '../support/process.js';

/** The brand's website (another origin) embeds the widget with one script tag; a customer chats, then asks for a person. */
describe.skipIf(!hasChromium)('assistant widget on a third-party page', () => {
  const harness = useConsoleInChromium();
  let site: Server;
  let siteUrl = '';
  let assistantId = '';

  beforeAll(async () => {
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="fr"><head><title>Boutique</title></head><body><h1>Boutique</h1>` +
          `<script src="${harness.server().url}/widget.js" data-assistant="${assistantId}" async></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const { vigie } = harness.server();
    const a = await createAssistant(vigie, undefined, {
      name: 'Boutique',
      settings: { lang: 'fr', allowedOrigins: [siteUrl], retentionDays: 30 },
    });
    assistantId = a.id;
    for (const f of ['livraison-fr.md', 'retours-fr.md', 'delivery-en.md']) {
      await importArticle(
        vigie,
        undefined,
        a.id,
        readFileSync(join(repoRoot, 'src/assistant/fixtures', f), 'utf8'),
      );
    }
  });
  afterAll(async () => {
    await new Promise((resolve) => site?.close(resolve));
  });

  it('answers from the approved articles with sources, then hands over to a person', async () => {
    const page = await harness.browser().newPage({ locale: 'fr-FR' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => console.log('console:', m.type(), m.text()));
    page.on('response', (r) => r.status() >= 400 && console.log('http', r.status(), r.url()));
    await page.goto(siteUrl);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: '/tmp/widget.png' });
    console.log((await page.content()).slice(0, 500));
    await page.getByRole('button', { name: 'Discuter avec nous' }).click();
    await page.locator('[data-role="assistant"]').first().waitFor();
    expect(await page.locator('[data-role="assistant"]').first().textContent()).toMatch(/assistant IA/);
    await page.getByLabel('Votre message').fill('Combien de temps prend la livraison ?');
    await page.getByLabel('Votre message').press('Enter');
    await expect
      .poll(() => page.locator('[data-role="assistant"]').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    const answer = await page.locator('[data-role="assistant"]').nth(1).textContent();
    expect(answer).toMatch(/jours/);
    expect(answer).toMatch(/\[1\]/);

    await page.getByRole('button', { name: 'Parler à une personne' }).click();
    const { vigie } = harness.server();
    await expect
      .poll(async () => (await listConversations(vigie, assistantId, 'handoff')).length, { timeout: 10_000 })
      .toBe(1);
    const [conversation] = await listConversations(vigie, assistantId, 'handoff');
    await agentReply(vigie, undefined, assistantId, conversation!.id, 'Bonjour, ici Sam du service client.');
    await page.locator('[data-role="agent"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-role="agent"]').textContent()).toContain('Sam du service client');
    expect(errors).toEqual([]);
    await page.close();
  });
});
