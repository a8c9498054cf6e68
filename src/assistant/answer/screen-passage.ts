/**
 * Facts, never instructions: before a passage's sentences may be quoted, Guard's `ingested` profile
 * looks for injection in it. A clean passage costs one scan; when something is found, each sentence
 * is scanned alone (a classifier finding may span the whole passage) and only the sentences that
 * carry instructions are dropped. The result is cached, so each passage is screened once.
 */
import { allDetectors, type Detector, scan } from '../guard-api.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { splitSentences } from '../text/sentences.js';
import type { Passage } from '../types.js';

/**
 * Rules whose findings alone do not stop an approved sentence from being quoted. Guard's injection
 * classifier scores ordinary help sentences ("We refund your original payment method within 5
 * business days") above 0.9 today; the rule-based injection detectors still apply, and the
 * classifier still counts for customer input, article import and generated drafts.
 */
export const QUOTE_IGNORED_RULES: ReadonlySet<string> = new Set(['injection.classifier']);

/** Only the injection detectors: screening asks nothing else, and the others cost most of a scan. */
let injectionDetectors: Detector[] | undefined;

function hasInjection(text: string, lang: Passage['lang']): boolean {
  injectionDetectors ??= allDetectors().filter((d) => d.meta.category === 'injection');
  return scan(text, { profile: 'ingested', lang, detectors: injectionDetectors }).findings.some(
    (f) => f.category === 'injection' && !QUOTE_IGNORED_RULES.has(f.rule),
  );
}

/** Indexes (into `splitSentences(passage.text)`) of the sentences that must never be quoted. */
export function unsafeSentenceIndexes(kb: KnowledgeBase, passage: Passage): Set<number> {
  const cached = kb.unsafeSentences.get(passage.id);
  if (cached) return cached;
  const unsafe = new Set<number>();
  if (hasInjection(passage.text, passage.lang)) {
    const sentences = splitSentences(passage.text, passage.lang);
    sentences.forEach((s, i) => {
      if (hasInjection(s.text, passage.lang)) unsafe.add(i);
    });
    // Instructions spread over sentences that look harmless alone: quote nothing from this passage.
    if (unsafe.size === 0) {
      for (let i = 0; i < sentences.length; i++) unsafe.add(i);
    }
  }
  kb.unsafeSentences.set(passage.id, unsafe);
  return unsafe;
}

/** Screens every passage now (when an assistant loads) instead of on first use. */
export function screenKnowledgeBase(kb: KnowledgeBase): void {
  for (const passage of kb.passages.values()) unsafeSentenceIndexes(kb, passage);
}
