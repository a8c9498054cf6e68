import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { checkArticle } from '../kb/check-article.js';
import { createKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base.js';
import { parseArticle } from '../kb/parse-article.js';
import type { Article } from '../types.js';

const origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[a-z0-9.-]{1,253}(:\d{1,5})?$/i, 'an origin such as https://www.example.com');

export const assistantSettingsSchema = z.strictObject({
  lang: z.enum(['en', 'fr']).default('en'),
  brandName: z.string().trim().min(1).max(100).optional(),
  /** Sites allowed to embed the widget (CORS). */
  allowedOrigins: z.array(origin).max(50).default([]),
  /** Days after which a conversation and its messages are deleted. */
  retentionDays: z.number().int().min(1).max(365).default(30),
  threshold: z.number().min(0).max(1).optional(),
  /**
   * `extractive` quotes the articles (no model, no network); `generative` asks the workspace's Studio
   * model provider, checks the draft against the passages and falls back to extractive otherwise.
   */
  mode: z.enum(['extractive', 'generative']).default('extractive'),
  /** How the brand speaks, for the model's system prompt (generative mode only). */
  brandVoice: z.string().trim().min(1).max(500).optional(),
});
export type AssistantSettings = z.output<typeof assistantSettingsSchema>;

export const assistantInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  settings: assistantSettingsSchema.default({
    lang: 'en',
    allowedOrigins: [],
    retentionDays: 30,
    mode: 'extractive',
  }),
});

export interface AssistantView {
  id: string;
  name: string;
  settings: AssistantSettings;
  createdAt: string;
  updatedAt: string;
}

type Row = { id: string; name: string; settings: string; created_at: string; updated_at: string };
const view = (r: Row): AssistantView => ({
  id: r.id,
  name: r.name,
  settings: assistantSettingsSchema.parse(JSON.parse(r.settings)),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function createAssistant(
  vigie: Vigie,
  actor: Principal | undefined,
  input: z.input<typeof assistantInputSchema>,
): Promise<AssistantView> {
  const data = assistantInputSchema.parse(input);
  const now = nowIso();
  const row: Row = {
    id: randomUUID(),
    name: data.name,
    settings: JSON.stringify(data.settings),
    created_at: now,
    updated_at: now,
  };
  await vigie.db.transaction().execute(async (tx) => {
    await tx.insertInto('assistants').values(row).execute();
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'assistant.create', target: `assistant:${row.id}` },
    ]);
  });
  return view(row);
}

export async function listAssistants(vigie: Vigie): Promise<AssistantView[]> {
  return (await vigie.db.selectFrom('assistants').selectAll().orderBy('name').execute()).map(view);
}

export async function getAssistant(vigie: Vigie, id: string): Promise<AssistantView> {
  const row = await vigie.db.selectFrom('assistants').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('assistant');
  return view(row);
}

export async function updateAssistant(
  vigie: Vigie,
  actor: Principal | undefined,
  id: string,
  input: z.input<typeof assistantInputSchema>,
): Promise<AssistantView> {
  const data = assistantInputSchema.parse(input);
  await getAssistant(vigie, id);
  const now = nowIso();
  await vigie.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('assistants')
      .set({ name: data.name, settings: JSON.stringify(data.settings), updated_at: now })
      .where('id', '=', id)
      .execute();
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'assistant.update', target: `assistant:${id}` },
    ]);
  });
  return getAssistant(vigie, id);
}

export interface ArticleView {
  id: string;
  slug: string;
  title: string;
  lang: string;
  status: 'active' | 'flagged' | 'blocked';
  findings: Array<{ rule: string; severity: string; action: string; field: string }>;
  updatedAt: string;
}

/**
 * Imports an approved article. Guard's `ingested` profile checks it first (indirect injection,
 * secrets, personal data): a blocked article is kept for review but never answers customers.
 */
export async function importArticle(
  vigie: Vigie,
  actor: Principal | undefined,
  assistantId: string,
  markdown: string,
): Promise<ArticleView> {
  await getAssistant(vigie, assistantId);
  const article = parseArticle(markdown);
  const check = checkArticle(article);
  const status: ArticleView['status'] = check.blocked ? 'blocked' : check.flagged ? 'flagged' : 'active';
  const findings = check.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    action: f.action,
    field: f.field,
  }));
  const now = nowIso();
  const db = vigie.db;
  const existing = await db
    .selectFrom('kb_articles')
    .select('id')
    .where('assistant_id', '=', assistantId)
    .where('slug', '=', article.id)
    .executeTakeFirst();
  const id = existing?.id ?? randomUUID();
  const row = {
    id,
    assistant_id: assistantId,
    slug: article.id,
    title: article.title,
    lang: article.lang,
    markdown,
    status,
    findings: JSON.stringify(findings),
    updated_at: now,
  };
  await db.transaction().execute(async (tx) => {
    if (existing) await tx.updateTable('kb_articles').set(row).where('id', '=', id).execute();
    else await tx.insertInto('kb_articles').values(row).execute();
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'assistant.article.import',
        target: `assistant:${assistantId}`,
        details: { article: article.id, status, rules: [...new Set(findings.map((f) => f.rule))] },
      },
    ]);
  });
  kbCache.delete(assistantId);
  return { id, slug: article.id, title: article.title, lang: article.lang, status, findings, updatedAt: now };
}

export async function listArticles(vigie: Vigie, assistantId: string): Promise<ArticleView[]> {
  const rows = await vigie.db
    .selectFrom('kb_articles')
    .selectAll()
    .where('assistant_id', '=', assistantId)
    .orderBy('title')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    lang: r.lang,
    status: r.status as ArticleView['status'],
    findings: JSON.parse(r.findings),
    updatedAt: r.updated_at,
  }));
}

export async function deleteArticle(
  vigie: Vigie,
  actor: Principal | undefined,
  assistantId: string,
  id: string,
): Promise<void> {
  await vigie.db.transaction().execute(async (tx) => {
    const res = await tx
      .deleteFrom('kb_articles')
      .where('id', '=', id)
      .where('assistant_id', '=', assistantId)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('article');
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'assistant.article.delete',
        target: `assistant:${assistantId}`,
        details: { article: id },
      },
    ]);
  });
  kbCache.delete(assistantId);
}

const kbCache = new Map<string, { stamp: string; kb: KnowledgeBase }>();

/** The assistant's index over its active and flagged articles, rebuilt when they change. */
export async function knowledgeBaseFor(vigie: Vigie, assistantId: string): Promise<KnowledgeBase> {
  const rows = await vigie.db
    .selectFrom('kb_articles')
    .select(['markdown', 'updated_at', 'slug'])
    .where('assistant_id', '=', assistantId)
    .where('status', '!=', 'blocked')
    .execute();
  const newest =
    rows
      .map((r) => r.updated_at)
      .sort()
      .at(-1) ?? '';
  const stamp = `${rows.length}:${newest}`;
  const hit = kbCache.get(assistantId);
  if (hit && hit.stamp === stamp) return hit.kb;
  const articles: Article[] = [];
  for (const r of rows) {
    try {
      articles.push(parseArticle(r.markdown));
    } catch {
      throw new AppError('INTEGRITY', `stored article ${r.slug} no longer parses`);
    }
  }
  const kb = createKnowledgeBase(articles);
  kbCache.set(assistantId, { stamp, kb });
  return kb;
}
