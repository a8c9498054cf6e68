/**
 * PII detectors against presidio-research's synthetic sentences: precision, recall and F1 per
 * entity type (a prediction counts when it overlaps a gold span of the same type), a micro average
 * over the types Guard supports, the label mapping, and the time per 4 KB of text.
 */
import { readFileSync } from 'node:fs';
import { piiDetectors } from '../src/guard/detectors/pii/index.js';
import type { DetectContext, Detection } from '../src/guard/types.js';
import { sharedData } from '../test/support/shared-data.js';
import { report } from './report.js';

interface GoldSpan {
  entity_type: string;
  start_position: number;
  end_position: number;
}
interface Record_ {
  full_text: string;
  spans: GoldSpan[];
}

/** Presidio label -> Guard entity; labels absent here are types Guard does not detect. */
export const LABELS: Record<string, string> = {
  PERSON: 'PERSON',
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  CREDIT_CARD: 'CREDIT_CARD',
  IBAN_CODE: 'IBAN',
  IP_ADDRESS: 'IP',
  US_SSN: 'US_SSN',
  STREET_ADDRESS: 'ADDRESS',
  GPE: 'LOCATION',
  ORGANIZATION: 'ORGANIZATION',
  AGE: 'AGE',
};
const UNSUPPORTED = ['DATE_TIME', 'TITLE', 'NRP', 'ZIP_CODE', 'DOMAIN_NAME', 'US_DRIVER_LICENSE'];
/** Guard's DATE_OF_BIRTH has no counterpart (presidio labels every date DATE_TIME): not scored. */

const ctx: DetectContext = { lang: 'en', profile: 'input' };

export function detectAll(text: string): Detection[] {
  return piiDetectors.flatMap((d) => d.detect(text, ctx));
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Gold spans found (recall side) can differ from predictions that hit (precision side). */
  goldHit: number;
  gold: number;
  pred: number;
  predHit: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function prf(c: Counts) {
  const precision = c.pred === 0 ? 1 : c.predHit / c.pred;
  const recall = c.gold === 0 ? 1 : c.goldHit / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    gold: c.gold,
    predicted: c.pred,
  };
}

export async function run(): Promise<void> {
  const path = sharedData('pii/presidio-synth-dev.json');
  if (!path) {
    report({ eval: 'pii', skipped: 'shared data pii/presidio-synth-dev.json is absent' });
    return;
  }
  const records = JSON.parse(readFileSync(path, 'utf8')) as Record_[];
  const counts = new Map<string, Counts>();
  const get = (e: string) => {
    let c = counts.get(e);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0, goldHit: 0, gold: 0, pred: 0, predHit: 0 };
      counts.set(e, c);
    }
    return c;
  };
  const supported = new Set(Object.values(LABELS));
  const verbose = process.env.PII_EVAL_ERRORS;
  for (const r of records) {
    const gold = r.spans
      .filter((s) => LABELS[s.entity_type])
      .map((s) => ({ entity: LABELS[s.entity_type]!, start: s.start_position, end: s.end_position }));
    const predicted = detectAll(r.full_text).filter((d) => d.entity && supported.has(d.entity));
    for (const g of gold) {
      const c = get(g.entity);
      c.gold++;
      const hit = predicted.some((p) => p.entity === g.entity && overlaps(p, g));
      if (hit) c.goldHit++;
      else if (verbose === g.entity || verbose === 'all')
        console.error(
          'MISS',
          g.entity,
          JSON.stringify(r.full_text.slice(g.start, g.end)),
          '|',
          JSON.stringify(r.full_text.slice(0, 200)),
        );
    }
    for (const p of predicted) {
      // Presidio labels the city and country of some address blocks GPE and leaves others inside the
      // STREET_ADDRESS span only: a place nested in a gold address is neither right nor wrong.
      const nested =
        p.entity === 'LOCATION' &&
        gold.some((g) => g.entity === 'ADDRESS' && g.start <= p.start && p.end <= g.end);
      const sameType = gold.some((g) => g.entity === p.entity && overlaps(p, g));
      if (nested && !sameType) continue;
      const c = get(p.entity!);
      c.pred++;
      if (gold.some((g) => g.entity === p.entity && overlaps(p, g))) c.predHit++;
      else if (verbose === p.entity || verbose === 'all')
        console.error(
          'FP  ',
          p.entity,
          p.confidence,
          JSON.stringify(r.full_text.slice(p.start, p.end)),
          '|',
          JSON.stringify(r.full_text.slice(0, 200)),
        );
    }
  }
  const micro: Counts = { tp: 0, fp: 0, fn: 0, goldHit: 0, gold: 0, pred: 0, predHit: 0 };
  for (const entity of [...supported].sort()) {
    const c = get(entity);
    report({ eval: 'pii', entity, ...prf(c) });
    micro.gold += c.gold;
    micro.goldHit += c.goldHit;
    micro.pred += c.pred;
    micro.predHit += c.predHit;
  }
  report({ eval: 'pii', entity: 'MICRO', ...prf(micro) });
  report({
    eval: 'pii',
    labelMapping: LABELS,
    notScored: UNSUPPORTED,
    matching:
      'a prediction and a gold span match when they overlap and have the same mapped type; a LOCATION inside a gold STREET_ADDRESS that has no GPE label there is not scored',
    records: records.length,
  });
  report({
    eval: 'pii',
    ...timing(
      records.map((r) => r.full_text),
      'this file (dense in personal data)',
    ),
  });
  report({
    eval: 'pii',
    ...timing([MARKETING_EN, MARKETING_FR], 'marketing copy, EN and FR, a few personal data items'),
  });
}

const MARKETING_EN =
  'Our new plan helps marketing and communications teams move faster. Read our case studies, download the 2025 white paper and join the webinar on March 12 in New York. Our CEO, Sarah Johnson, will present the product roadmap. Press contact: Mark Davis, +1 415 555 2671, mark@example.com. ';
const MARKETING_FR =
  'Notre nouvelle offre accompagne les équipes marketing et communication dans leur transformation. Découvrez nos études de cas et inscrivez-vous au webinaire du 12 mars à Lyon. Contact presse : Claire Martin, 06 12 34 56 78. Nous mesurons l’impact de chaque campagne et optimisons chaque euro investi. ';

/** Milliseconds per 4 KB: the texts joined and cut into 4 KB pieces, every detector run on each. */
function timing(texts: string[], what: string) {
  let joined = texts.join('\n\n');
  while (joined.length < 4096 * 20) joined += `\n\n${joined}`;
  const chunks: string[] = [];
  for (let i = 0; i + 4096 <= joined.length; i += 4096) chunks.push(joined.slice(i, i + 4096));
  // Warm the JIT and the lexicons first: the pipeline runs in a long-lived process.
  for (let r = 0; r < 3; r++) for (const c of chunks) detectAll(c);
  const times: number[] = [];
  // CPU time as well as wall time: on a shared machine the wall clock also counts waiting for a core.
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < 10; r++) {
    for (const c of chunks) {
      const t0 = performance.now();
      detectAll(c);
      times.push(performance.now() - t0);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerRun = (cpu.user + cpu.system) / 1000 / times.length;
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return {
    timing: `ms per 4 KB of ${what}, all PII detectors`,
    runs: times.length,
    p50: at(0.5),
    p99: at(0.99),
    mean: round(times.reduce((s, x) => s + x, 0) / times.length),
    cpuMean: round(cpuMsPerRun),
  };
}
