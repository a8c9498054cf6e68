/**
 * claim.unsupported (and claim.expired): sentences that make a claim (a figure, a superlative, an
 * absolute, a comparison, an environmental or health promise) must be backed by an approved fact
 * that has not expired. The finding names the closest fact so the writer knows what to cite or update.
 */
import type { DetectContext, Detection, Detector, DetectorMeta, Severity } from '../../types.js';
import { compileBrand } from '../brand/compile.js';
import { type ClaimKind, type Cue, findCues, strongestKind } from './cues.js';
import { isExpired, matchFacts } from './fact-match.js';
import { splitSentences } from './sentences.js';

export const meta: DetectorMeta = {
  id: 'claim.unsupported',
  category: 'claim',
  languages: ['en', 'fr'],
  defaultSeverity: 'warn',
  docs: {
    description: {
      en: 'Claims (figures, superlatives, absolutes, comparisons, environmental or health promises) that no approved, unexpired fact supports. Also reports claim.expired.',
      fr: 'Allégations (chiffres, superlatifs, absolus, comparaisons, promesses environnementales ou de santé) qu’aucun fait approuvé et valide n’étaye. Signale aussi claim.expired.',
    },
    example: 'Our platform is 100% secure and carbon neutral.',
  },
  messages: {
    unsupported: {
      en: 'Unsupported {{kind}} claim; the closest approved fact is {{factId}}: "{{fact}}".',
      fr: 'Allégation non étayée ({{kindFr}}) ; le fait approuvé le plus proche est {{factId}} : « {{fact}} ».',
    },
    unsupportedNoFact: {
      en: 'Unsupported {{kind}} claim: no approved fact backs it.',
      fr: 'Allégation non étayée ({{kindFr}}) : aucun fait approuvé ne la soutient.',
    },
    expired: {
      en: 'This {{kind}} claim relies on fact {{factId}}, which expired on {{expiresAt}}: "{{fact}}".',
      fr: 'Cette allégation ({{kindFr}}) repose sur le fait {{factId}}, expiré le {{expiresAt}} : « {{fact}} ».',
    },
  },
};

/** Promises that can hurt people or break consumer law weigh more than a bold figure. */
const SEVERITY: Record<ClaimKind, Severity> = {
  health: 'high',
  environmental: 'high',
  absolute: 'high',
  comparison: 'warn',
  superlative: 'warn',
  figure: 'warn',
};

/** The kind as French messages name it (data carries both so either language renders). */
const KIND_FR: Record<ClaimKind, string> = {
  health: 'santé',
  environmental: 'environnement',
  absolute: 'absolu',
  comparison: 'comparaison',
  superlative: 'superlatif',
  figure: 'chiffre',
};

const MAX_FACT_EXCERPT = 160;

function excerpt(statement: string): string {
  return statement.length > MAX_FACT_EXCERPT ? `${statement.slice(0, MAX_FACT_EXCERPT - 1)}…` : statement;
}

export function detect(text: string, context: DetectContext): Detection[] {
  const cues = findCues(text, context.lang);
  if (cues.length === 0) return [];
  const competitors = competitorCues(text, context);
  const facts = context.facts ?? [];
  const now = context.now ?? new Date();
  const out: Detection[] = [];
  let c = 0;
  for (const sentence of splitSentences(text)) {
    const kinds = new Set<ClaimKind>();
    while (c < cues.length && cues[c]!.start < sentence.end) {
      if (cues[c]!.start >= sentence.start) kinds.add(cues[c]!.kind);
      c++;
    }
    if (kinds.size === 0) continue;
    // A bold statement next to a competitor's name is a comparison, whatever words it uses.
    if (competitors.some((m) => m.start >= sentence.start && m.start < sentence.end)) kinds.add('comparison');
    const kind = strongestKind(kinds);
    const claim = text.slice(sentence.start, sentence.end);
    const { supporting, closest } = matchFacts(claim, context.lang, facts);
    if (supporting.some((m) => !isExpired(m.fact, now))) continue;
    const base = { start: sentence.start, end: sentence.end, severity: SEVERITY[kind] };
    const labels = { kind, kindFr: KIND_FR[kind] };
    const expired = supporting[0];
    if (expired) {
      out.push({
        ...base,
        rule: 'claim.expired',
        messageId: 'expired',
        data: {
          ...labels,
          factId: expired.fact.id,
          fact: excerpt(expired.fact.statement),
          expiresAt: expired.fact.expiresAt ?? '',
        },
      });
    } else if (closest) {
      out.push({
        ...base,
        messageId: 'unsupported',
        data: { ...labels, factId: closest.fact.id, fact: excerpt(closest.fact.statement) },
      });
    } else {
      out.push({ ...base, messageId: 'unsupportedNoFact', data: { ...labels, factId: '', fact: '' } });
    }
  }
  return out;
}

function competitorCues(text: string, context: DetectContext): Cue[] {
  if (!context.brand || context.brand.competitors.length === 0) return [];
  return compileBrand(context.brand)
    .competitors.findAll(text)
    .map((m) => ({ start: m.start, end: m.end, kind: 'comparison' }));
}

export const unsupportedClaim: Detector = { meta, detect };
