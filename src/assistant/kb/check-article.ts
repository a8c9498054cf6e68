/**
 * The import gate: every article is scanned with Guard's `ingested` profile (indirect prompt
 * injection, secrets, personal data). The raw body is scanned, HTML comments included, because
 * that is where planted instructions hide; the import blocks or flags by the verdict.
 */
import { type Policy, type ScanFinding, scan, strongestAction } from '../guard-api.js';
import type { Article } from '../types.js';

export interface ArticleCheck {
  verdict: ScanFinding['action'];
  /** The policy says the article must not be imported. */
  blocked: boolean;
  /** Something was found that a person should look at before publishing. */
  flagged: boolean;
  /** `field` says whether the offsets point into the title or the body. */
  findings: Array<ScanFinding & { field: 'title' | 'body' }>;
}

export interface CheckArticleOptions {
  policy?: Policy;
  /** Language of the rendered finding messages (the console's), default English. */
  locale?: Article['lang'];
}

export function checkArticle(article: Article, options: CheckArticleOptions = {}): ArticleCheck {
  const base = { profile: 'ingested' as const, lang: article.lang, locale: options.locale ?? 'en' };
  const withPolicy = options.policy ? { ...base, policy: options.policy } : base;
  const title = scan(article.title, withPolicy);
  const body = scan(article.body, withPolicy);
  const verdict = strongestAction([title.verdict, body.verdict]);
  return {
    verdict,
    blocked: verdict === 'block',
    flagged: verdict !== 'allow',
    findings: [
      ...title.findings.map((f) => ({ ...f, field: 'title' as const })),
      ...body.findings.map((f) => ({ ...f, field: 'body' as const })),
    ],
  };
}
