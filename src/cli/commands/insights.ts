import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  type AuditView,
  auditExposure,
  computeRecommendations,
  computeSegments,
  decideSegmentUse,
  type ExposureAuditView,
  getSegment,
  listSegments,
  listSegmentUses,
  recommendForSubject,
  requestSegmentUse,
  type SegmentUseView,
  type SegmentView,
  segmentsCsv,
} from '../../integrity/insights/index.js';
import { CLI_PRINCIPAL, withVigie } from '../context.js';
import { CheckFailed, type Format, type Io, output, parseFormat, parseIntArg, table } from '../io.js';
import { formatOption } from './options.js';
import { emailOption, resolveSubject, subjectOption } from './subject-options.js';

function parseRate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

/** A stale segment's figures still count someone who was erased: none is printed. */
const sizeText = (s: SegmentView) => (s.stale ? 'stale: recompute' : s.suppressed ? '<k' : String(s.size));

/** An audit's verdict, groups and metrics; `title` names it (a stored audit's id, an item's exposure). */
function auditText(a: ExposureAuditView | AuditView, title: string): string[] {
  const lines = [
    `${title}: ${a.passed ? 'passed' : `failed (${a.failures.join(', ')})`}`,
    a.attribute
      ? `protected attribute: ${a.attribute}, population ${a.population ?? '<k'}`
      : 'no protected attribute held',
  ];
  for (const g of a.groups)
    lines.push(
      g.suppressed
        ? `  ${g.key}: fewer than k people (hidden)`
        : `  ${g.key}: n=${g.n} selection rate ${g.selectionRate!.toFixed(3)}`,
    );
  if (a.metrics) {
    const m = a.metrics;
    lines.push(
      `demographic parity difference ${m.demographic_parity_difference.toFixed(3)}, ratio ${m.demographic_parity_ratio?.toFixed(3) ?? '-'}, disparate impact ${m.disparate_impact?.toFixed(3) ?? '-'}`,
    );
  }
  return lines;
}

export function registerInsightsCommands(program: Command, io: Io): void {
  const segments = program.command('segments').description('audience segments and their use for targeting');

  segments
    .command('compute')
    .description('compute RFM segments, k-means clusters or a propensity segment from consenting customers')
    .addOption(
      new Option('--kind <kind>', 'rfm, cluster or propensity')
        .choices(['rfm', 'cluster', 'propensity'])
        .makeOptionMandatory(),
    )
    .option('--k <n>', 'number of clusters (cluster)', parseIntArg)
    .option('--seed <n>', 'random seed (cluster)', parseIntArg)
    .option(
      '--threshold <p>',
      'minimum propensity score to be a member, 0 to 1 in steps of 0.05 (propensity)',
      parseRate,
    )
    .option('--horizon-days <n>', 'days of purchases taken as the outcome (propensity)', parseIntArg)
    .addOption(formatOption())
    .action(
      async (o: {
        kind: 'rfm' | 'cluster' | 'propensity';
        k?: number;
        seed?: number;
        threshold?: number;
        horizonDays?: number;
        format: Format;
      }) => {
        const input =
          o.kind === 'rfm'
            ? { kind: o.kind }
            : o.kind === 'cluster'
              ? {
                  kind: o.kind,
                  ...(o.k !== undefined ? { k: o.k } : {}),
                  ...(o.seed !== undefined ? { seed: o.seed } : {}),
                }
              : {
                  kind: o.kind,
                  ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
                  ...(o.horizonDays !== undefined ? { horizonDays: o.horizonDays } : {}),
                };
        const result = await withVigie(io, (v) => computeSegments(v, CLI_PRINCIPAL, input));
        output(io, o.format, { segments: result }, (r) =>
          table(
            r.segments.map((s) => ({ id: s.id, name: s.name, size: sizeText(s) })),
            ['id', 'name', 'size'],
          ),
        );
      },
    );

  segments
    .command('list')
    .description('segments with their sizes (sizes under k are hidden)')
    .addOption(
      new Option('--format <format>', 'text, json or csv').default('text').choices(['text', 'json', 'csv']),
    )
    .action(async (o: { format: Format | 'csv' }) => {
      if (o.format === 'csv') {
        io.stdout.write(await withVigie(io, segmentsCsv));
        return;
      }
      const list = await withVigie(io, listSegments);
      output(io, o.format, { segments: list }, (r) =>
        table(
          r.segments.map((s) => ({
            id: s.id,
            name: s.name,
            kind: s.kind,
            size: sizeText(s),
            computed: s.computedAt,
          })),
          ['id', 'name', 'kind', 'size', 'computed'],
        ),
      );
    });

  segments
    .command('show <id>')
    .description('one segment, its aggregate profile and its targeting uses')
    .addOption(formatOption())
    .action(async (id: string, o: { format: Format }) => {
      const data = await withVigie(io, async (v) => ({
        segment: await getSegment(v, id),
        uses: await listSegmentUses(v, { segmentId: id }),
      }));
      output(io, o.format, data, (d) =>
        [
          d.segment.stale
            ? `${d.segment.name} (${d.segment.kind}): stale: recompute (a member was erased on ${d.segment.staleSince})`
            : `${d.segment.name} (${d.segment.kind}): ${sizeText(d.segment)} of ${d.segment.population ?? '<k'}`,
          d.segment.profile
            ? JSON.stringify(d.segment.profile)
            : d.segment.stale
              ? 'profile hidden (recompute the segment)'
              : 'profile hidden (fewer than k members)',
          table(
            d.uses.map((u) => ({ id: u.id, campaign: u.campaign, status: u.status })),
            ['id', 'campaign', 'status'],
          ),
        ].join('\n'),
      );
    });

  segments
    .command('use <id>')
    .description('request a segment for a campaign: the bias audit runs first; exit 1 when held for review')
    .requiredOption('--campaign <name>', 'campaign name')
    .addOption(formatOption())
    .action(async (id: string, o: { campaign: string; format: Format }) => {
      const r = await withVigie(io, (v) => requestSegmentUse(v, CLI_PRINCIPAL, id, { campaign: o.campaign }));
      output(io, o.format, r, (d) =>
        [`use ${d.use.id}: ${d.use.status}`, ...auditText(d.audit, `bias audit ${d.audit.id}`)].join('\n'),
      );
      if (r.use.status !== 'approved') throw new CheckFailed();
    });

  segments
    .command('review <useId>')
    .description('approve or reject a use held for review')
    .addOption(
      new Option('--decision <decision>', 'approve or reject')
        .choices(['approve', 'reject'])
        .makeOptionMandatory(),
    )
    .requiredOption('--comment <text>', 'why (required)')
    .addOption(formatOption())
    .action(async (useId: string, o: { decision: 'approve' | 'reject'; comment: string; format: Format }) => {
      const use: SegmentUseView = await withVigie(io, (v) =>
        decideSegmentUse(v, CLI_PRINCIPAL, useId, { decision: o.decision, comment: o.comment }),
      );
      output(io, o.format, { use }, (d) => `use ${d.use.id}: ${d.use.status}`);
    });

  const recommend = program
    .command('recommend [subject]')
    .description(
      'recommendations for a customer, computed now (name them with --subject or --email: an id may start with a dash)',
    )
    .addOption(subjectOption())
    .addOption(emailOption())
    .option('--n <n>', 'how many (1 to 50)', parseIntArg, 10)
    .addOption(formatOption())
    .action(
      async (
        positional: string | undefined,
        o: { subject?: string; email?: string; n: number; format: Format },
      ) => {
        const r = await withVigie(io, async (v) => {
          const subject = await resolveSubject(v, { ...o, subject: o.subject ?? positional });
          return recommendForSubject(v, subject, { n: o.n });
        });
        output(io, o.format, r, (d) =>
          [
            d.personalised ? 'personalised' : 'not personalised (no consent to recommendations)',
            table(
              d.items.map((i) => ({ item: i.item, score: i.score.toFixed(3), source: i.source })),
              ['item', 'score', 'source'],
            ),
          ].join('\n'),
        );
      },
    );

  recommend
    .command('compute')
    .description(
      'compute and store the recommendations of every consenting customer (replaces the previous run; exposure audits read it); --n sets how many per customer',
    )
    // --n and --format are `recommend`'s own options, which take them wherever they are written.
    .action(async () => {
      const { n, format } = recommend.opts() as { n: number; format: Format };
      const r = await withVigie(io, (v) => computeRecommendations(v, CLI_PRINCIPAL, { n }));
      output(
        io,
        format,
        { subjects: r.subjects, computedAt: r.computedAt },
        (d) => `recommendations stored for ${d.subjects} customer(s) at ${d.computedAt}`,
      );
    });

  recommend
    .command('audit-exposure')
    .description(
      'bias audit of who is shown an item in the stored recommendations; exit 1 when the audit fails',
    )
    .requiredOption('--item <id>', 'product id')
    .addOption(new Option('--attribute <name>', 'protected attribute').choices(['gender', 'age_band']))
    // No default: `recommend` has a --format of its own, which takes the option wherever it is written.
    .addOption(new Option('--format <format>', 'text or json').argParser(parseFormat))
    .action(async (o: { item: string; attribute?: 'gender' | 'age_band'; format?: Format }) => {
      const format = o.format ?? (recommend.opts() as { format: Format }).format;
      const input = { item: o.item, ...(o.attribute ? { attribute: o.attribute } : {}) };
      const audit = await withVigie(io, (v) => auditExposure(v, CLI_PRINCIPAL, input));
      output(io, format, { audit }, (d) =>
        auditText(d.audit, `exposure audit of item ${JSON.stringify(d.audit.item)}`).join('\n'),
      );
      if (!audit.passed) throw new CheckFailed();
    });
}
