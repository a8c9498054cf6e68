import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentReply,
  assistantAnalytics,
  createAssistant,
  getAssistant,
  importArticle,
  listConversations,
} from '../../src/assistant/index.js';
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
    // The brand's site in French at /, in English at /en: the widget follows the page's language.
    site = createServer((req, res) => {
      const lang = req.url?.startsWith('/en') ? 'en' : 'fr';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="${lang}"><head><title>Boutique</title></head><body><h1>Boutique</h1>` +
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
    for (const f of ['livraison-fr.md', 'retours-fr.md', 'delivery-en.md', 'returns-en.md']) {
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

  it('answers in English on an English page, and takes a helpful / not helpful rating', async () => {
    const page = await harness.browser().newPage({ locale: 'en-GB' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${siteUrl}/en`);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    const assistant = page.locator('[data-role="assistant"]');
    await assistant.first().waitFor();
    expect(await assistant.first().textContent()).toMatch(/AI assistant/);
    // The greeting is not an answer: nothing to rate.
    expect(await assistant.first().getByRole('button', { name: 'Helpful', exact: true }).count()).toBe(0);

    await page.getByLabel('Your message').fill('How long does delivery take?');
    await page.getByLabel('Your message').press('Enter');
    await expect.poll(() => assistant.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const answer = assistant.nth(1);
    expect(await answer.textContent()).toMatch(/business days/);
    expect(await answer.textContent()).toMatch(/\[1\]/);
    expect(await answer.getByRole('list', { name: 'Sources' }).textContent()).toMatch(/Delivery/);

    const group = answer.getByRole('group', { name: 'Was this answer helpful?' });
    const helpful = group.getByRole('button', { name: 'Helpful', exact: true });
    const notHelpful = group.getByRole('button', { name: 'Not helpful', exact: true });
    expect(await helpful.getAttribute('aria-pressed')).toBe('false');
    // Keyboard first: a real button takes Enter.
    await helpful.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => helpful.getAttribute('aria-pressed')).toBe('true');
    expect(await notHelpful.getAttribute('aria-pressed')).toBe('false');
    const { vigie } = harness.server();
    await expect.poll(async () => (await assistantAnalytics(vigie, assistantId)).feedback.helpful).toBe(1);

    // Changing one's mind replaces the rating rather than adding one.
    await notHelpful.click();
    await expect.poll(() => notHelpful.getAttribute('aria-pressed')).toBe('true');
    expect(await helpful.getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(async () => (await assistantAnalytics(vigie, assistantId)).feedback)
      .toMatchObject({ helpful: 0, notHelpful: 1 });

    // The next turn redraws the log from the server: the rating given is still shown.
    await page.getByLabel('Your message').fill('How do I return an item?');
    await page.getByLabel('Your message').press('Enter');
    await expect.poll(() => assistant.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(await assistant.nth(2).textContent()).toMatch(/return/i);
    expect(
      await assistant
        .nth(1)
        .getByRole('button', { name: 'Not helpful', exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the rating in the console analytics, and sets the answer mode there', async () => {
    const server = harness.server();
    const admin = await harness.browser().newPage({ locale: 'en-GB' });
    await admin.goto(`${server.url}/login`);
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill(server.adminPassword);
    await admin.getByTestId('login-submit').click();
    await admin.getByTestId('user-menu-button').waitFor();
    await admin.goto(`${server.url}/assistant`);
    // The rating the English customer gave above.
    await expect
      .poll(() => admin.getByTestId('assistant-feedback').textContent(), { timeout: 10_000 })
      .toMatch(/Helpful: 0 · Not helpful: 1/);

    const extractive = admin.getByRole('radio', { name: 'Extractive (default)' });
    const generative = admin.getByRole('radio', { name: 'Generative' });
    expect(await extractive.isChecked()).toBe(true);
    await generative.check();
    await admin.getByLabel('Brand voice').fill('Warm and brief.');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByTestId('assistant-settings-saved').getByText('Settings saved.').waitFor();
    const { vigie } = server;
    const saved = await getAssistant(vigie, assistantId);
    expect(saved.settings).toMatchObject({ mode: 'generative', brandVoice: 'Warm and brief.' });
    expect(saved.settings.allowedOrigins).toEqual([siteUrl]);
    await admin.close();
  });
});
