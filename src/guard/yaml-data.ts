/**
 * Loads a YAML data file that ships beside the code (lexicons, the default policy) and validates it.
 * Read once at module load: the files are small, reviewed data, not user input.
 * (A production build must copy `src/guard/**\/*.yaml` beside the compiled files.)
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../core/errors.js';

export function loadYamlData<T>(url: URL, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parse(readFileSync(url, 'utf8')));
  if (!parsed.success) {
    throw new AppError(
      'CONFIG',
      `Invalid data file ${url.pathname.split('/').pop()}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}
