/**
 * Guard's PII detection next to @openredaction/openredaction on the same presidio-research file, over
 * the entity types both detect, with the same matching as eval/pii.eval.ts (overlap, same type): the
 * "equal or better F1" half of the throughput comparison in bench/guard.bench.ts.
 */
import { readFileSync } from 'node:fs';
import { OpenRedaction } from '@openredaction/openredaction';
import { sharedData } from '../test/support/shared-data.js';
import { detectAll, LABELS } from './pii.eval.js';
import { report } from './report.js';

/** openredaction type -> our entity; types it has that we do not score are dropped. */
function mapOpenRedaction(type: string): string | undefined {
  if (type === 'NAME') return 'PERSON';
  if (type === 'EMAIL') return 'EMAIL';
  if (type.startsWith('PHONE')) return 'PHONE';
  if (type === 'CREDIT_CARD') return 'CREDIT_CARD';
  if (type === 'IBAN') return 'IBAN';
  if (type === 'IPV4' || type === 'IPV6' || type === 'IP_ADDRESS') return 'IP';
  if (type === 'SSN' || type === 'US_SSN') return 'US_SSN';
  return undefined;
}

const COMPARED = ['PERSON', 'EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'IP', 'US_SSN'];

interface Span {
  entity: string;
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function micro(records: Array<{ gold: Span[]; predicted: Span[] }>) {
  let gold = 0;
  let goldHit = 0;
  let pred = 0;
  let predHit = 0;
  for (const r of records) {
    gold += r.gold.length;
    goldHit += r.gold.filter((g) => r.predicted.some((p) => p.entity === g.entity && overlaps(p, g))).length;
    pred += r.predicted.length;
    predHit += r.predicted.filter((p) => r.gold.some((g) => g.entity === p.entity && overlaps(p, g))).length;
  }
  const precision = pred ? predHit / pred : 1;
  const recall = gold ? goldHit / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { precision: r3(precision), recall: r3(recall), f1: r3(f1) };
}

export async function run(): Promise<void> {
  const path = sharedData('pii/presidio-synth-dev.json');
  if (!path) {
    report({ eval: 'pii.compare', skipped: 'shared data pii/presidio-synth-dev.json is absent' });
    return;
  }
  const records = JSON.parse(readFileSync(path, 'utf8')) as Array<{
    full_text: string;
    spans: Array<{ entity_type: string; start_position: number; end_position: number }>;
  }>;
  const compared = new Set(COMPARED);
  const openRedaction = new OpenRedaction();
  const vigie: Array<{ gold: Span[]; predicted: Span[] }> = [];
  const other: Array<{ gold: Span[]; predicted: Span[] }> = [];
  for (const r of records) {
    const gold = r.spans
      .map((s) => ({ entity: LABELS[s.entity_type] ?? '', start: s.start_position, end: s.end_position }))
      .filter((s) => compared.has(s.entity));
    const ours = detectAll(r.full_text)
      .filter((d) => d.entity && compared.has(d.entity))
      .map((d) => ({ entity: d.entity!, start: d.start, end: d.end }));
    const theirs = (
      (await openRedaction.detect(r.full_text)) as {
        detections: Array<{ type: string; position: [number, number] }>;
      }
    ).detections
      .map((d) => ({ entity: mapOpenRedaction(d.type) ?? '', start: d.position[0], end: d.position[1] }))
      .filter((d) => compared.has(d.entity));
    vigie.push({ gold, predicted: ours });
    other.push({ gold, predicted: theirs });
  }
  report({ eval: 'pii.compare', entities: COMPARED, tool: 'vigie', ...micro(vigie) });
  report({ eval: 'pii.compare', entities: COMPARED, tool: 'openredaction', ...micro(other) });
}
