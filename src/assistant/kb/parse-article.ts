/**
 * Reads a knowledge-base article: Markdown with YAML front matter (title, owner, language, review
 * date, version, tags). The front matter is validated; what is wrong is named in the error.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Article } from '../types.js';
import { slugify } from './slug.js';

/** An article is a page of help, not a book: larger files are refused before parsing. */
export const MAX_ARTICLE_CHARS = 200_000;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const isoDate = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

const frontMatterSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits, dot, dash or underscore')
    .optional(),
  title: z.string().trim().min(1).max(200),
  owner: z.string().trim().min(1).max(200),
  language: z.enum(['en', 'fr']),
  review_date: isoDate.optional(),
  reviewDate: isoDate.optional(),
  version: z.union([z.string().trim().min(1).max(50), z.number().transform(String)]),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
});

export interface ParseArticleOptions {
  /** Used when the front matter has no `id` (e.g. the file name without extension). */
  id?: string;
}

export function parseArticle(markdown: string, options: ParseArticleOptions = {}): Article {
  if (typeof markdown !== 'string') throw new AppError('VALIDATION', 'An article must be text');
  if (markdown.length > MAX_ARTICLE_CHARS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `An article is limited to ${MAX_ARTICLE_CHARS} characters`);
  }
  const text = markdown.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new AppError('VALIDATION', 'The article has no front matter (--- ... ---)');
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '', { maxAliasCount: 10 });
  } catch {
    throw new AppError('VALIDATION', 'The front matter is not valid YAML');
  }
  const parsed = frontMatterSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('VALIDATION', `Front matter: ${issue?.path.join('.') || 'root'}: ${issue?.message}`);
  }
  const fm = parsed.data;
  const reviewDate = fm.review_date ?? fm.reviewDate;
  if (!reviewDate) throw new AppError('VALIDATION', 'Front matter: review_date: required');
  const id = fm.id ?? options.id ?? slugify(fm.title).slice(0, 100);
  if (!id) throw new AppError('VALIDATION', 'The article needs an id');
  return {
    id,
    title: fm.title,
    owner: fm.owner,
    lang: fm.language,
    reviewDate,
    version: fm.version,
    tags: fm.tags,
    body: text.slice(match[0].length),
  };
}
