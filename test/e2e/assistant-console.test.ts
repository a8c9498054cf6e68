import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';
import { repoRoot } from '../support/process.js';

/**
 * The scenario, all from the console: create an assistant, import a knowledge base, embed the
 * widget in a page, and have a customer conversation that ends with a person answering.
 */
describe.skipIf(!hasChromium)('assistant from the console to a customer handoff', () => {
  const harness = useConsoleInChromium();
  let site: Server;
  let siteUrl = '';
  let snippet = '';

  beforeAll(async () => {
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="fr"><head><title>Boutique</title></head><body><h1>Boutique</h1>${snippet}</body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => site?.close(resolve));
  });

  it('creates, imports, embeds and hands over', async () => {
    const server = harness.server();
    const admin = await harness.browser().newPage({ locale: 'fr-FR' });
    await admin.goto(`${server.url}/login`);
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill(server.adminPassword);
    await admin.getByTestId('login-submit').click();
    await admin.getByTestId('user-menu-button').waitFor();
    await admin.goto(`${server.url}/assistant`);
    await admin.locator('#assistant-name').fill('Boutique');
    await admin.locator('#assistant-origins').fill(siteUrl);
    await admin.getByTestId('assistant-create-submit').click();
    snippet = (await admin.getByTestId('assistant-embed').textContent()) ?? '';
    expect(snippet).toContain('widget.js');
    await admin
      .getByTestId('assistant-article')
      .fill(readFileSync(join(repoRoot, 'src/assistant/fixtures/livraison-fr.md'), 'utf8'));
    await admin.getByTestId('assistant-import-submit').click();
    await admin.getByTestId('assistant-article-row').first().waitFor();
    expect(await admin.getByTestId('assistant-article-row').first().getAttribute('data-status')).not.toBe(
      'blocked',
    );

    const visitor = await harness.browser().newPage({ locale: 'fr-FR' });
    await visitor.goto(siteUrl);
    await visitor.getByRole('button', { name: 'Discuter avec nous' }).click();
    await visitor.getByLabel('Votre message').fill('Combien de temps prend la livraison ?');
    await visitor.getByLabel('Votre message').press('Enter');
    await expect
      .poll(() => visitor.locator('[data-role="assistant"]').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    await visitor.getByRole('button', { name: 'Parler à une personne' }).click();

    await admin.getByTestId('assistant-conversation').first().waitFor({ timeout: 15_000 });
    await admin.getByTestId('assistant-conversation').first().click();
    await admin.getByTestId('assistant-messages').waitFor();
    expect(await admin.getByTestId('assistant-messages').textContent()).toContain('livraison');
    await admin.getByTestId('assistant-reply').fill('Bonjour, ici Sam du service client.');
    await admin.getByTestId('assistant-reply-submit').click();
    await visitor.locator('[data-role="agent"]').waitFor({ timeout: 15_000 });
    expect(await visitor.locator('[data-role="agent"]').textContent()).toContain('Sam du service client');
    await visitor.close();
    await admin.close();
  }, 90_000);
});
