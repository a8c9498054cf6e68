import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the checkout, or VIGIE_SHARED_DATA. Tests skip with a message when absent. */
export const sharedDataDir = process.env.VIGIE_SHARED_DATA
  ? resolve(process.env.VIGIE_SHARED_DATA)
  : resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/data');

export function sharedData(sub: string): string | undefined {
  const p = resolve(sharedDataDir, sub);
  if (existsSync(p)) return p;
  console.warn(`shared data ${p} is absent: skipping the tests that need it`);
  return undefined;
}
