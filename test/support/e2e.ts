import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { ensureConsoleBuilt } from './build-console.js';
import { repoRoot } from './process.js';
import { startTestServer, type TestServer } from './server.js';

/** The end-to-end harness: the built console, the real server on a random port, and Chromium. */
export function useConsoleInChromium(): { server: () => TestServer; browser: () => Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureConsoleBuilt();
    server = await startTestServer({ consoleRoot: join(repoRoot, 'dist/web') });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { server: () => server!, browser: () => browser! };
}
