/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): one run, the rules that fired with
 * their localised descriptions, one result per finding with a region in UTF-16 columns. Messages come
 * from detector data, which never holds a raw sensitive value.
 */
import { allRuleMetas } from './detectors/index.js';
import { renderMessage } from './messages.js';
import type { ScanFinding, ScanResult } from './scan.js';
import type { DetectorMeta, Lang, Severity } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/vigie/vigie';
const TOOL_VERSION = '0.1.0';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { high: 'error', warn: 'warning', info: 'note' };
/** GitHub sorts security alerts by this 0-10 score. */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', warn: '5.0', info: '2.0' };

export interface SarifInput {
  /** Path relative to the repository root, with forward slashes, as GitHub expects. */
  path: string;
  result: ScanResult;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: unknown[];
}

function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function sarifRule(id: string, meta: DetectorMeta | undefined, locale: Lang) {
  return {
    id,
    name: id.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: meta ? renderMessage(meta.docs.description, undefined, locale) : id },
    fullDescription: { text: meta ? renderMessage(meta.docs.description, undefined, locale) : id },
    ...(meta?.docs.url ? { helpUri: meta.docs.url } : {}),
    help: { text: meta ? `Example: ${meta.docs.example}` : id },
    defaultConfiguration: { level: LEVEL[meta?.defaultSeverity ?? 'warn'] },
    properties: {
      tags: ['vigie', meta?.category ?? id.split('.')[0]!],
      'security-severity': SECURITY_SEVERITY[meta?.defaultSeverity ?? 'warn'],
    },
  };
}

function sarifResult(f: ScanFinding, uri: string, ruleIndex: number) {
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: {
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            charOffset: f.start,
            charLength: f.end - f.start,
          },
        },
      },
    ],
    properties: {
      action: f.action,
      category: f.category,
      ...(f.suggestions ? { suggestions: f.suggestions } : {}),
    },
  };
}

export function toSarif(inputs: SarifInput[], locale: Lang = 'en'): SarifLog {
  const metas = new Map(allRuleMetas().map((m) => [m.id, m]));
  const ruleIds: string[] = [];
  const detectorOf = new Map<string, string>();
  const indexOf = new Map<string, number>();
  const results = [];
  for (const { path, result } of inputs) {
    const uri = toUri(path);
    for (const f of result.findings) {
      let index = indexOf.get(f.rule);
      if (index === undefined) {
        index = ruleIds.push(f.rule) - 1;
        indexOf.set(f.rule, index);
        detectorOf.set(f.rule, f.detector);
      }
      results.push(sarifResult(f, uri, index));
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Vigie Guard',
            informationUri: INFORMATION_URI,
            version: TOOL_VERSION,
            rules: ruleIds.map((id) =>
              sarifRule(id, metas.get(id) ?? metas.get(detectorOf.get(id) ?? ''), locale),
            ),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
