/**
 * Hashtags derived from the brief's key terms: the ones the brief lists, the company's name, the
 * audience's vocabulary, then capitalised words of the topic. Written in CamelCase so screen readers
 * can say them.
 */
import type { Brief } from '../brief.js';

const MAX_TAG_LENGTH = 40;

/** "AI drafting" -> "AIDrafting"; "sécurité des données" -> "SécuritéDesDonnées". */
export function toHashtag(term: string): string | undefined {
  const words = term
    .replace(/^#/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const tag = words
    .map((w) => (w === w.toLocaleUpperCase() ? w : w[0]!.toLocaleUpperCase() + w.slice(1)))
    .join('');
  if (tag.length < 2 || tag.length > MAX_TAG_LENGTH || /^\p{N}+$/u.test(tag)) return undefined;
  return `#${tag}`;
}

/** Capitalised words inside the topic, which are usually product or brand names. */
function namesInTopic(topic: string): string[] {
  return topic
    .split(/\s+/)
    .slice(1)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w));
}

export function deriveHashtags(brief: Brief, max: number): string[] {
  const terms = [
    ...brief.hashtags,
    brief.company.name,
    ...brief.audience.vocabulary,
    ...namesInTopic(brief.topic),
  ];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const term of terms) {
    const tag = toHashtag(term);
    if (!tag || seen.has(tag.toLocaleLowerCase())) continue;
    seen.add(tag.toLocaleLowerCase());
    tags.push(tag);
    if (tags.length >= max) break;
  }
  return tags;
}
