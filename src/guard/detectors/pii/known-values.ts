import type { DetectContext, Detection, Detector } from '../../types.js';
import { AhoCorasick } from './support/aho-corasick.js';
import { piiMeta } from './support/meta.js';
import { onWordBoundary } from './support/text.js';

const meta = piiMeta({
  name: 'known_value',
  languages: ['*'],
  description: {
    en: 'Values the workspace registered (customer names, e-mails, VIP names), matched exactly, ignoring case.',
    fr: 'Valeurs enregistrées par l’espace de travail (noms de clients, e-mails, VIP), à l’identique, sans tenir compte de la casse.',
  },
  example: 'A registered customer name such as "Camille Martin"',
  found: { en: 'Registered sensitive value ({{entity}})', fr: 'Valeur sensible enregistrée ({{entity}})' },
});

type KnownValues = NonNullable<DetectContext['knownValues']>;

/** One automaton per list of values, built on first use and dropped with the list. */
const automata = new WeakMap<KnownValues, AhoCorasick>();

function automatonFor(values: KnownValues): AhoCorasick {
  let ac = automata.get(values);
  if (!ac) {
    ac = new AhoCorasick(values.map((v) => v.value.trim()));
    automata.set(values, ac);
  }
  return ac;
}

export const knownValuesDetector: Detector = {
  meta,
  detect(text, ctx) {
    const values = ctx.knownValues;
    if (!values || values.length === 0 || text.length === 0) return [];
    const hits = automatonFor(values)
      .findAll(text)
      .filter((h) => h.end > h.start && onWordBoundary(text, h.start, h.end))
      // Longest first, so "Jean Dupont" wins over a registered "Jean" inside it.
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Detection[] = [];
    let reach = -1;
    for (const h of hits) {
      if (h.start < reach) continue;
      reach = h.end;
      const entity = values[h.pattern]?.entity ?? 'KNOWN_VALUE';
      out.push({
        messageId: 'found',
        data: { entity },
        start: h.start,
        end: h.end,
        entity,
        confidence: 1,
      });
    }
    return out;
  },
};
