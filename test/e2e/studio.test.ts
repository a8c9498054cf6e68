import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/index.js';
import { importBrandKit } from '../../src/studio/index.js';
import { startChatServer } from '../../src/studio/testing/chat-server.js';
import { hasChromium } from '../support/browser.js';
import { useConsoleInChromium } from '../support/e2e.js';
import type { TestServer } from '../support/server.js';

const KIT = `
name: Vigie
voice:
  tone: [confident, friendly]
facts:
  - id: F-TEAMS
    statement: More than 120 communications teams took part in the beta.
    source: Beta programme report, 2026
    lang: en
  - id: F-EQUIPES
    statement: Plus de 120 équipes de communication ont participé à la bêta.
    source: Rapport du programme bêta, 2026
    lang: fr
boilerplates:
  - lang: en
    company: Vigie
    description: Vigie helps communications teams use AI without becoming the weak link of their company’s security.
  - lang: fr
    company: Vigie
    description: Vigie aide les équipes de communication à utiliser l’IA sans devenir le maillon faible de la sécurité de leur entreprise.
audiences:
  - id: press
    name: technology journalists
    readingLevel: general
`;

/**
 * The scenario from the console: an editor drafts a press release in English and one in
 * French with the composer and submits them; another user, a reviewer, approves; the editor exports;
 * anyone verifies the export on the public /verify page, and a changed byte fails.
 */
describe.skipIf(!hasChromium)('Studio from brief to verified export in Chromium', () => {
  const harness = useConsoleInChromium();
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = harness.server();
    browser = harness.browser();
    await createUser(server.vigie, undefined, {
      username: 'emma',
      password: 'editor password 123',
      role: 'editor',
      displayName: 'Emma Martin',
    });
    await createUser(server.vigie, undefined, {
      username: 'remi',
      password: 'reviewer password 123',
      role: 'reviewer',
      displayName: 'Rémi Roux',
    });
    await importBrandKit(server.vigie, undefined, KIT);
  });

  async function login(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu-button').waitFor();
  }

  const status = (page: Page) => page.getByTestId('studio-draft').getAttribute('data-status');

  async function draftAndSubmit(page: Page, lang: 'en' | 'fr', topic: string, messages: string[]) {
    await page.getByTestId('studio-brief-form').waitFor();
    await page.getByTestId('studio-type').selectOption('press-release');
    await page.getByTestId('studio-lang').selectOption(lang);
    await page.getByTestId('studio-topic').fill(topic);
    await page.getByTestId('studio-messages').fill(messages.join('\n'));
    await page.locator('[data-testid^="studio-fact-"]').first().check();
    await page.getByTestId('studio-city').fill('Paris');
    await page.getByTestId('studio-variants').fill('2');
    await page.getByTestId('studio-draft-submit').click();
    await page.getByTestId('studio-draft').waitFor({ timeout: 20_000 });
    expect(await status(page)).toBe('draft');
    expect(await page.getByTestId('studio-variant').count()).toBe(2);
    const text = (await page.getByTestId('studio-variant-text').first().textContent()) ?? '';
    expect(text).toContain(topic.split(' ')[0]!);
    expect(await page.getByTestId('studio-readability').count()).toBeGreaterThan(0);
    const id = (await page.getByTestId('studio-draft').getAttribute('data-draft-id'))!;
    await page.getByTestId('studio-submit').click();
    await expect.poll(() => status(page)).toBe('in_review');
    return id;
  }

  it('drafts EN and FR, has them approved by a reviewer, exports and verifies', async () => {
    const errors: string[] = [];
    const editor = await browser.newPage({ locale: 'en-US', acceptDownloads: true });
    editor.on('pageerror', (e) => errors.push(e.message));
    await login(editor, 'emma', 'editor password 123');
    await editor.goto(`${server.url}/studio`);
    const en = await draftAndSubmit(editor, 'en', 'Studio launches AI drafting with safeguards', [
      'Studio drafts press releases in the brand’s own voice',
      'Every draft is checked by Guard before a person approves it',
    ]);
    expect(await editor.getByTestId('studio-approve').count()).toBe(0);
    await editor.getByTestId('studio-new').click();
    const fr = await draftAndSubmit(editor, 'fr', 'Studio lance la rédaction assistée avec garde-fous', [
      'Studio rédige des communiqués avec la voix de la marque',
      'Chaque brouillon est vérifié par Guard avant qu’une personne ne l’approuve',
    ]);

    // The reviewer, another user, approves both from the console, in French.
    const reviewer = await browser.newPage({ locale: 'fr-FR' });
    reviewer.on('pageerror', (e) => errors.push(e.message));
    await login(reviewer, 'remi', 'reviewer password 123');
    for (const id of [en, fr]) {
      await reviewer.goto(`${server.url}/studio?draft=${id}`);
      await reviewer.getByTestId('studio-draft').waitFor();
      await reviewer.getByTestId('studio-comment').fill('Bon pour publication.');
      await reviewer.getByTestId('studio-approve').click();
      await expect.poll(() => status(reviewer)).toBe('approved');
      expect(await reviewer.getByTestId('studio-comments').textContent()).toContain('Bon pour publication.');
    }

    // The editor exports: English as Markdown (downloaded), French as plain text.
    await editor.goto(`${server.url}/studio?draft=${en}`);
    await editor.getByTestId('studio-export-format').selectOption('md');
    await editor.getByTestId('studio-export-submit').click();
    await editor.getByTestId('studio-export-result').waitFor();
    const [contentDownload] = await Promise.all([
      editor.waitForEvent('download'),
      editor.getByTestId('studio-download-content').click(),
    ]);
    const [manifestDownload] = await Promise.all([
      editor.waitForEvent('download'),
      editor.getByTestId('studio-download-manifest').click(),
    ]);
    const enFiles = [(await contentDownload.path())!, (await manifestDownload.path())!];
    expect(readFileSync(enFiles[0]!, 'utf8')).toBe(
      await editor.getByTestId('studio-export-content').textContent(),
    );

    await editor.goto(`${server.url}/studio?draft=${fr}`);
    await editor.getByTestId('studio-export-format').selectOption('text');
    await editor.getByTestId('studio-export-submit').click();
    await editor.getByTestId('studio-export-result').waitFor();
    const frContent = (await editor.getByTestId('studio-export-content').textContent()) ?? '';
    const frManifest = (await editor.getByTestId('studio-export-manifest').textContent()) ?? '';
    expect(frContent).toContain('Studio');
    await expect.poll(() => status(editor)).toBe('exported');

    // Anyone, signed out, verifies on /verify.
    const visitor = await browser.newPage({ locale: 'en-US' });
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.goto(`${server.url}/verify`);
    await visitor.getByTestId('verify-files').setInputFiles(
      enFiles.map((path, i) => ({
        name: i === 0 ? 'press-release-en.md' : 'press-release-en.manifest.json',
        mimeType: i === 0 ? 'text/markdown' : 'application/json',
        buffer: readFileSync(path),
      })),
    );
    await expect.poll(() => visitor.getByTestId('verify-manifest').inputValue()).toContain('signature');
    await visitor.getByTestId('verify-submit').click();
    await visitor.getByTestId('verify-result').waitFor();
    expect(await visitor.getByTestId('verify-result').getAttribute('data-ok')).toBe('true');
    expect(await visitor.getByTestId('verify-author').textContent()).toBe('Emma Martin');
    expect(await visitor.getByTestId('verify-reviewers').textContent()).toBe('Rémi Roux');

    await visitor.getByTestId('verify-content').fill(frContent);
    await visitor.getByTestId('verify-manifest').fill(frManifest);
    await visitor.getByTestId('verify-submit').click();
    await expect.poll(() => visitor.getByTestId('verify-result').getAttribute('data-ok')).toBe('true');

    // One byte changed: the same manifest no longer vouches for the text.
    const at = frContent.indexOf('Studio');
    const tampered = `${frContent.slice(0, at + 1)}T${frContent.slice(at + 2)}`;
    expect(Buffer.byteLength(tampered)).toBe(Buffer.byteLength(frContent));
    await visitor.getByTestId('verify-content').fill(tampered);
    await visitor.getByTestId('verify-submit').click();
    await expect.poll(() => visitor.getByTestId('verify-result').getAttribute('data-ok')).toBe('false');
    expect(await visitor.getByTestId('verify-reason').textContent()).toContain('modified');

    // Four eyes: an administrator may review, but not their own draft; the console shows the refusal.
    const admin = await browser.newPage({ locale: 'en-US' });
    admin.on('pageerror', (e) => errors.push(e.message));
    await login(admin, 'admin', server.adminPassword);
    await admin.goto(`${server.url}/studio`);
    await draftAndSubmit(admin, 'en', 'Studio adds review reminders', ['Reviewers get a reminder']);
    await admin.getByTestId('studio-approve').click();
    await admin.getByTestId('studio-review-error').waitFor();
    expect(await admin.getByTestId('studio-review-error').textContent()).toContain(
      'Nobody reviews their own draft',
    );
    expect(await status(admin)).toBe('in_review');
    expect(errors).toEqual([]);
    await Promise.all([editor.close(), reviewer.close(), visitor.close(), admin.close()]);
  }, 150_000);

  it('sets providers and policy in the console, then drafts through a streaming endpoint', async () => {
    const answer =
      '# Studio now drafts with a local model\n\nStudio drafts press releases in the voice of the brand.';
    const chat = await startChatServer({ reply: () => answer, chunkSize: 4 });
    try {
      const admin = await browser.newPage({ locale: 'fr-FR' });
      await login(admin, 'admin', server.adminPassword);
      await admin.goto(`${server.url}/studio`);
      await admin.getByTestId('studio-settings').waitFor();
      await admin.getByTestId('studio-openai-url').fill(chat.url);
      await admin.getByTestId('studio-openai-model').fill('local-e2e');
      await admin.getByTestId('studio-openai-key').fill('sk-e2e-secret');
      await admin.getByTestId('studio-openai-key').press('Enter');
      // The key is write-only: the field empties and the hint says one is stored.
      await expect.poll(() => admin.getByTestId('studio-openai-key').inputValue()).toBe('');
      await admin.getByText('Une clé est enregistrée').waitFor();
      await admin.getByTestId('studio-llama-path').fill('/nonexistent/models/tiny.gguf');
      await admin.getByTestId('studio-llama-path').press('Enter');
      await admin.getByTestId('studio-llama-model').waitFor();
      expect(await admin.getByTestId('studio-llama-model').textContent()).toContain('introuvable');
      // The box shows the saved policy: it turns on once the server has it.
      await admin.getByTestId('studio-policy-reviewer-role').click();
      await expect.poll(() => admin.getByTestId('studio-policy-reviewer-role').isChecked()).toBe(true);
      await expect
        .poll(async () =>
          (await server.app.inject({ url: '/api/v1/studio/policy', headers: await adminHeaders() })).json(),
        )
        .toMatchObject({ requireReviewerRole: true });
      // The brand kit: a kit the server refuses changes nothing and says why; a valid one shows at once.
      await admin.getByTestId('studio-kit-paste').fill('name: ""\n');
      await admin.getByTestId('studio-kit-import').click();
      await admin.getByTestId('studio-kit-error').waitFor();
      expect(await admin.getByTestId('studio-kit-error').textContent()).toContain('Invalid brand kit: name');
      expect(await admin.getByTestId('studio-kit-name').textContent()).toBe('Vigie');
      const investors = '  - id: investors\n    name: retail investors\n    readingLevel: simple\n';
      await admin.getByTestId('studio-kit-paste').fill(`${KIT}${investors}    channels: [newsletter]\n`);
      await admin.getByTestId('studio-kit-import').click();
      await admin.getByText('Kit de marque importé.').waitFor();
      expect(await admin.getByTestId('studio-kit-audiences').textContent()).toContain(
        'retail investorsLes deux languesLangage clairnewsletter',
      );
      await admin.close();

      const editor = await browser.newPage({ locale: 'en-US' });
      await login(editor, 'emma', 'editor password 123');
      await editor.goto(`${server.url}/studio`);
      await editor.getByTestId('studio-brief-form').waitFor();
      expect(await editor.getByTestId('studio-audience').textContent()).toContain('retail investors');
      // An editor reads the kit (brand:read) but cannot import one (brand:write).
      await editor.getByText('Read only: changing the brand kit needs the brand:write permission.').waitFor();
      expect(await editor.getByTestId('studio-kit-paste').count()).toBe(0);
      await editor.getByTestId('studio-provider').selectOption('openai');
      await editor.getByTestId('studio-topic').fill('Studio drafts with a local model');
      await editor
        .getByTestId('studio-messages')
        .fill('Studio drafts press releases in the voice of the brand');
      await editor.getByTestId('studio-draft-submit').click();
      await editor.getByTestId('studio-draft').waitFor({ timeout: 20_000 });
      expect(await editor.getByTestId('studio-variant-text').first().textContent()).toContain(
        'Studio drafts press releases in the voice of the brand.',
      );
      expect(await editor.getByTestId('studio-draft').textContent()).toContain('openai (local-e2e)');
      expect(chat.requests.some((r) => r.body.stream === true)).toBe(true);
      expect(chat.requests[0]!.authorization).toBe('Bearer sk-e2e-secret');
      await editor.close();
    } finally {
      await chat.close();
    }
  }, 90_000);

  async function adminHeaders(): Promise<Record<string, string>> {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: server.adminPassword },
    });
    return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  }
});
