import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser, PERMISSIONS, ROLES, type Role } from '../../src/core/index.js';
import type { RouteInfo } from '../../src/server/index.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Walks every route x every role: 401 without credentials, 403 for a role without the route's
 * permission, 2xx with it. A new route fails this test until it gets an example request here.
 */
interface Example {
  url: string;
  payload?: Record<string, unknown> | string;
  headers?: Record<string, string>;
}
type Factory = (s: TestServer, n: number, role?: Role) => Promise<Example> | Example;

let counter = 0;
const newUser = async (s: TestServer) =>
  createUser(s.vigie, undefined, {
    username: `target-${++counter}`,
    password: 'target password 123',
    role: 'editor',
  });

const examples: Record<string, Factory> = {
  'GET /api/v1/auth/me': () => ({ url: '/api/v1/auth/me' }),
  'POST /api/v1/auth/logout': () => ({ url: '/api/v1/auth/logout' }),
  'GET /api/v1/users': () => ({ url: '/api/v1/users' }),
  'POST /api/v1/users': (_s, n) => ({
    url: '/api/v1/users',
    payload: { username: `new-${n}`, password: 'new user password 1', role: 'auditor' },
  }),
  'PATCH /api/v1/users/:id': async (s) => ({
    url: `/api/v1/users/${(await newUser(s)).id}`,
    payload: { role: 'reviewer' },
  }),
  'GET /api/v1/tokens': () => ({ url: '/api/v1/tokens' }),
  'POST /api/v1/tokens': () => ({ url: '/api/v1/tokens', payload: { name: 'matrix', role: 'auditor' } }),
  'DELETE /api/v1/tokens/:id': async (s) => {
    const admin = await s.vigie.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const { token } = await createToken(
      s.vigie,
      { ...principalFor(admin.id, 'admin') },
      { name: 'doomed', role: 'auditor' },
    );
    return { url: `/api/v1/tokens/${token.id}` };
  },
  'GET /api/v1/keys': () => ({ url: '/api/v1/keys' }),
  'POST /api/v1/keys/rotate': () => ({ url: '/api/v1/keys/rotate' }),
  'POST /api/v1/keys/rewrap': () => ({ url: '/api/v1/keys/rewrap' }),
  'GET /api/v1/audit/entries': () => ({ url: '/api/v1/audit/entries?limit=5&action=auth' }),
  'GET /api/v1/audit/head': () => ({ url: '/api/v1/audit/head' }),
  'GET /api/v1/audit/proof/:seq': () => ({ url: '/api/v1/audit/proof/0' }),
  'GET /api/v1/audit/consistency': () => ({ url: '/api/v1/audit/consistency?from=1&to=2' }),
  'POST /api/v1/audit/verify': () => ({ url: '/api/v1/audit/verify' }),
  'GET /api/v1/audit/export': () => ({ url: '/api/v1/audit/export' }),
  'POST /api/v1/guard/scan': () => ({
    url: '/api/v1/guard/scan',
    payload: { text: 'Contact jane@example.com', profile: 'input' },
  }),
  'POST /api/v1/guard/redact': () => ({
    url: '/api/v1/guard/redact',
    payload: { text: 'Write to jane@example.com' },
  }),
  'POST /api/v1/guard/restore': async (s, _n, role) => {
    // A map is restored only by the person who made it: make it as the calling role's user.
    const { redactText } = await import('../../src/guard/index.js');
    const owner = await s.vigie.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', `as-${role ?? 'admin'}`)
      .executeTakeFirstOrThrow();
    const r = await redactText(s.vigie, principalFor(owner.id, role ?? 'admin'), {
      text: 'Write to jane@example.com',
    });
    return { url: '/api/v1/guard/restore', payload: { text: r.text, mapId: r.mapId } };
  },
  'GET /api/v1/guard/catalog': () => ({ url: '/api/v1/guard/catalog' }),
  'GET /api/v1/guard/policy': () => ({ url: '/api/v1/guard/policy' }),
  'PUT /api/v1/guard/policy': () => ({ url: '/api/v1/guard/policy', payload: { yaml: '' } }),
  'GET /api/v1/guard/brand': () => ({ url: '/api/v1/guard/brand' }),
  'PUT /api/v1/guard/brand': () => ({
    url: '/api/v1/guard/brand',
    payload: { yaml: 'competitors: [Globex]' },
  }),
  'GET /api/v1/guard/facts': () => ({ url: '/api/v1/guard/facts' }),
  'POST /api/v1/guard/facts': () => ({
    url: '/api/v1/guard/facts',
    payload: { statement: 'Vigie has 120 customers', source: 'CRM' },
  }),
  'PUT /api/v1/guard/facts/:id': async (s) => {
    const { createFact } = await import('../../src/guard/index.js');
    const f = await createFact(s.vigie, undefined, { statement: 'A fact to edit', source: 'test' });
    return { url: `/api/v1/guard/facts/${f.id}`, payload: { statement: 'An edited fact', source: 'test' } };
  },
  'DELETE /api/v1/guard/facts/:id': async (s) => {
    const { createFact } = await import('../../src/guard/index.js');
    const f = await createFact(s.vigie, undefined, { statement: 'A fact to delete', source: 'test' });
    return { url: `/api/v1/guard/facts/${f.id}` };
  },
  'POST /api/v1/shield/emails': () => ({
    url: '/api/v1/shield/emails?offline=true',
    payload:
      'From: "PayPal" <service@paypa1-secure.example>\r\nTo: you@example.com\r\nSubject: Verify your account\r\n\r\nPlease verify your account.\r\n',
    headers: { 'content-type': 'message/rfc822' },
  }),
  'GET /api/v1/shield/emails': () => ({ url: '/api/v1/shield/emails' }),
  'GET /api/v1/shield/emails/:id': async (s) => {
    const { analyseEmail, recordEmailAnalysis } = await import('../../src/shield/index.js');
    const a = await analyseEmail(Buffer.from('From: a@example.com\r\nSubject: hi\r\n\r\nhello\r\n'), {
      offline: true,
    });
    return { url: `/api/v1/shield/emails/${await recordEmailAnalysis(s.vigie, undefined, a, 'cli')}` };
  },
  'GET /api/v1/shield/protection': () => ({ url: '/api/v1/shield/protection' }),
  'PUT /api/v1/shield/protection': () => ({
    url: '/api/v1/shield/protection',
    payload: {
      brands: [{ name: 'Vigie', aliases: [], domains: ['vigie.example'] }],
      vips: ['Claire Martin'],
    },
  }),
  'GET /api/v1/shield/domains/permutations': () => ({
    url: '/api/v1/shield/domains/permutations?domain=vigie.fr',
  }),
  'GET /api/v1/shield/domains/posture': () => ({
    url: '/api/v1/shield/domains/posture?domain=vigie.example',
  }),
  'GET /api/v1/shield/watch': () => ({ url: '/api/v1/shield/watch' }),
  'POST /api/v1/shield/watch': (_s, n) => ({
    url: '/api/v1/shield/watch',
    payload: { domain: `brand${n}.example` },
  }),
  'DELETE /api/v1/shield/watch/:id': async (s, n) => {
    const { watchDomain } = await import('../../src/shield/index.js');
    return {
      url: `/api/v1/shield/watch/${(await watchDomain(s.vigie, undefined, { domain: `gone${n}.example` })).id}`,
    };
  },
  'POST /api/v1/shield/watch/check': () => ({ url: '/api/v1/shield/watch/check' }),
  'GET /api/v1/shield/alerts': () => ({ url: '/api/v1/shield/alerts' }),
  'GET /api/v1/shield/mailbox/settings': () => ({ url: '/api/v1/shield/mailbox/settings' }),
  'PUT /api/v1/shield/mailbox/settings': async () => {
    const { sharedMailboxSettings } = await import('../support/mail-servers.js');
    return { url: '/api/v1/shield/mailbox/settings', payload: await sharedMailboxSettings() };
  },
  'POST /api/v1/shield/mailbox/test': () => ({ url: '/api/v1/shield/mailbox/test' }),
  'POST /api/v1/shield/mailbox/poll': async (s) => {
    const { sharedMailboxSettings } = await import('../support/mail-servers.js');
    const { setMailboxSettings } = await import('../../src/shield/index.js');
    await setMailboxSettings(s.vigie, undefined, await sharedMailboxSettings());
    return { url: '/api/v1/shield/mailbox/poll' };
  },
  'GET /api/v1/shield/mailbox/reports': () => ({ url: '/api/v1/shield/mailbox/reports' }),
  'POST /api/v1/shield/alerts/:id/acknowledge': async (s, n) => {
    const { watchDomain } = await import('../../src/shield/index.js');
    const w = await watchDomain(s.vigie, undefined, { domain: `alerted${n}.example` });
    const id = crypto.randomUUID();
    await s.vigie.db
      .insertInto('domain_alerts')
      .values({
        id,
        watch_id: w.id,
        domain: `a1erted${n}.example`,
        kind: 'registered',
        details: '{}',
        created_at: new Date().toISOString(),
        acknowledged_at: null,
      })
      .execute();
    return { url: `/api/v1/shield/alerts/${id}/acknowledge` };
  },
  'POST /api/v1/customers/import': (_s, n) => ({
    url: '/api/v1/customers/import',
    payload: `external_id,email\nM-${n},m${n}@example.com\n`,
    headers: { 'content-type': 'text/csv' },
  }),
  'POST /api/v1/events': (_s, n) => ({
    url: '/api/v1/events',
    payload: {
      events: [
        {
          event_id: `mx-${n}`,
          customer_id: `C-${n}`,
          type: 'view',
          item: 'sku-1',
          occurred_at: '2026-11-01T10:00:00Z',
        },
      ],
    },
  }),
  'POST /api/v1/events/import': (_s, n) => ({
    url: '/api/v1/events/import',
    payload: `event_id,customer_id,type,item,value,occurred_at\nmi-${n},C-${n},purchase,sku-2,19.9,2026-11-01T10:00:00Z\n`,
    headers: { 'content-type': 'text/csv' },
  }),
  'GET /api/v1/integrity/batches': () => ({ url: '/api/v1/integrity/batches?status=quarantined&locale=fr' }),
  'GET /api/v1/integrity/batches/:id': async (s) => ({
    url: `/api/v1/integrity/batches/${await aQuarantinedBatch(s)}`,
  }),
  'POST /api/v1/integrity/batches/:id/release': async (s) => ({
    url: `/api/v1/integrity/batches/${await aQuarantinedBatch(s)}/release`,
  }),
  'POST /api/v1/integrity/batches/:id/purge': async (s) => ({
    url: `/api/v1/integrity/batches/${await aQuarantinedBatch(s)}/purge`,
  }),
  'POST /api/v1/customers/find': () => ({
    url: '/api/v1/customers/find',
    payload: { email: 'm1@example.com' },
  }),
  'GET /api/v1/customers/retention': () => ({ url: '/api/v1/customers/retention' }),
  'PUT /api/v1/customers/retention': () => ({ url: '/api/v1/customers/retention', payload: { days: 1095 } }),
  'POST /api/v1/customers/purge-expired': () => ({ url: '/api/v1/customers/purge-expired' }),
  'GET /api/v1/customers/:subject': async (s, n) => ({ url: `/api/v1/customers/${await aCustomer(s, n)}` }),
  'PATCH /api/v1/customers/:subject': async (s, n) => ({
    url: `/api/v1/customers/${await aCustomer(s, n)}`,
    payload: { city: 'Nantes' },
  }),
  'DELETE /api/v1/customers/:subject': async (s, n) => ({
    url: `/api/v1/customers/${await aCustomer(s, n)}`,
  }),
  'POST /api/v1/customers/:subject/access': async (s, n) => ({
    url: `/api/v1/customers/${await aCustomer(s, n)}/access`,
  }),
  'GET /api/v1/customers/:subject/consents': async (s, n) => ({
    url: `/api/v1/customers/${await aCustomer(s, n)}/consents`,
  }),
  'PUT /api/v1/customers/:subject/consents': async (s, n) => ({
    url: `/api/v1/customers/${await aCustomer(s, n)}/consents`,
    payload: { purpose: 'analytics', status: 'given' },
  }),
  'GET /api/v1/assistants': () => ({ url: '/api/v1/assistants' }),
  'POST /api/v1/assistants': (_s, n) => ({ url: '/api/v1/assistants', payload: { name: `Bot ${n}` } }),
  'GET /api/v1/assistants/:id': async (s) => ({ url: `/api/v1/assistants/${await anAssistant(s)}` }),
  'PUT /api/v1/assistants/:id': async (s) => ({
    url: `/api/v1/assistants/${await anAssistant(s)}`,
    payload: { name: 'Renamed' },
  }),
  'GET /api/v1/assistants/:id/articles': async (s) => ({
    url: `/api/v1/assistants/${await anAssistant(s)}/articles`,
  }),
  'POST /api/v1/assistants/:id/articles': async (s, n) => ({
    url: `/api/v1/assistants/${await anAssistant(s)}/articles`,
    payload: {
      markdown: `---\nid: faq-${n}\ntitle: Opening hours\nowner: support\nlanguage: en\nreview_date: 2027-01-01\nversion: 1\n---\n\nWe are open from 9 am to 6 pm on weekdays.\n`,
    },
  }),
  'DELETE /api/v1/assistants/:id/articles/:articleId': async (s, n) => {
    const { importArticle } = await import('../../src/assistant/index.js');
    const id = await anAssistant(s);
    const a = await importArticle(
      s.vigie,
      undefined,
      id,
      `---\nid: gone-${n}\ntitle: Old page\nowner: support\nlanguage: en\nreview_date: 2027-01-01\nversion: 1\n---\n\nThis page is going away soon.\n`,
    );
    return { url: `/api/v1/assistants/${id}/articles/${a.id}` };
  },
  'GET /api/v1/assistants/:id/analytics': async (s) => ({
    url: `/api/v1/assistants/${await anAssistant(s)}/analytics`,
  }),
  'GET /api/v1/assistants/:id/conversations': async (s) => ({
    url: `/api/v1/assistants/${await anAssistant(s)}/conversations`,
  }),
  'GET /api/v1/assistants/:id/conversations/:cid/messages': async (s) => {
    const { id, cid } = await aConversation(s);
    return { url: `/api/v1/assistants/${id}/conversations/${cid}/messages` };
  },
  'POST /api/v1/assistants/:id/conversations/:cid/reply': async (s) => {
    const { id, cid } = await aConversation(s);
    return {
      url: `/api/v1/assistants/${id}/conversations/${cid}/reply`,
      payload: { text: 'An agent here.' },
    };
  },
  'POST /api/v1/assistants/:id/conversations/:cid/close': async (s) => {
    const { id, cid } = await aConversation(s);
    return { url: `/api/v1/assistants/${id}/conversations/${cid}/close` };
  },
  'GET /api/v1/guard/known-values': () => ({ url: '/api/v1/guard/known-values' }),
  'POST /api/v1/guard/known-values': (_s, n) => ({
    url: '/api/v1/guard/known-values',
    payload: { values: [{ value: `Customer ${n}`, entity: 'PERSON' }] },
  }),
  'DELETE /api/v1/guard/known-values/:id': async (s, n) => {
    const { addKnownValues, listKnownValues } = await import('../../src/guard/index.js');
    await addKnownValues(s.vigie, undefined, [{ value: `Doomed ${n}` }]);
    const all = await listKnownValues(s.vigie);
    return { url: `/api/v1/guard/known-values/${all[all.length - 1]!.id}` };
  },
  'GET /api/v1/studio/brand-kit': () => ({ url: '/api/v1/studio/brand-kit' }),
  'PUT /api/v1/studio/brand-kit': () => ({
    url: '/api/v1/studio/brand-kit',
    payload: { yaml: 'name: Vigie\nvoice:\n  tone: [clear]\n' },
  }),
  'GET /api/v1/studio/policy': () => ({ url: '/api/v1/studio/policy' }),
  'PUT /api/v1/studio/policy': () => ({
    url: '/api/v1/studio/policy',
    payload: { requireCleanPublishScan: false },
  }),
  'GET /api/v1/studio/providers': () => ({ url: '/api/v1/studio/providers' }),
  'PUT /api/v1/studio/providers/openai': () => ({
    url: '/api/v1/studio/providers/openai',
    payload: { baseURL: 'http://127.0.0.1:9/v1', model: 'test-model', apiKey: 'sk-matrix' },
  }),
  'PUT /api/v1/studio/providers/llamacpp': () => ({
    url: '/api/v1/studio/providers/llamacpp',
    payload: { modelPath: '/nonexistent/models/matrix.gguf' },
  }),
  'POST /api/v1/studio/drafts/stream': async () => {
    const { sampleBrief } = await import('../../src/studio/index.js');
    return { url: '/api/v1/studio/drafts/stream', payload: { brief: sampleBrief('social-post', 'en') } };
  },
  'POST /api/v1/studio/drafts': async () => {
    const { sampleBrief } = await import('../../src/studio/index.js');
    return { url: '/api/v1/studio/drafts', payload: { brief: sampleBrief('social-post', 'fr') } };
  },
  'GET /api/v1/studio/drafts': () => ({ url: '/api/v1/studio/drafts?limit=5' }),
  'GET /api/v1/studio/drafts/:id': async (s) => ({ url: `/api/v1/studio/drafts/${await studioDraft(s)}` }),
  'PUT /api/v1/studio/drafts/:id': async (s, _n, role) => ({
    url: `/api/v1/studio/drafts/${await studioDraft(s, { role: role ?? 'admin' })}`,
    payload: { markdown: '# A new title\n\nA shorter body.' },
  }),
  'GET /api/v1/studio/drafts/:id/diff': async (s) => ({
    url: `/api/v1/studio/drafts/${await studioDraft(s)}/diff?from=1&to=1`,
  }),
  'POST /api/v1/studio/drafts/:id/comments': async (s) => ({
    url: `/api/v1/studio/drafts/${await studioDraft(s)}/comments`,
    payload: { body: 'Please shorten the lead.' },
  }),
  'POST /api/v1/studio/drafts/:id/submit': async (s, _n, role) => ({
    url: `/api/v1/studio/drafts/${await studioDraft(s, { role: role ?? 'admin' })}/submit`,
    payload: {},
  }),
  'POST /api/v1/studio/drafts/:id/approve': async (s) => ({
    url: `/api/v1/studio/drafts/${await studioDraft(s, { stage: 'in_review' })}/approve`,
    payload: {},
  }),
  'POST /api/v1/studio/drafts/:id/request-changes': async (s) => ({
    url: `/api/v1/studio/drafts/${await studioDraft(s, { stage: 'in_review' })}/request-changes`,
    payload: { comment: 'Add the date.' },
  }),
  'POST /api/v1/studio/drafts/:id/export': async (s) => ({
    url: `/api/v1/studio/drafts/${await studioDraft(s, { stage: 'approved' })}/export`,
    payload: { format: 'md' },
  }),
  'GET /api/v1/insights/settings': () => ({ url: '/api/v1/insights/settings' }),
  'PUT /api/v1/insights/settings': () => ({ url: '/api/v1/insights/settings', payload: { kAnonymity: 10 } }),
  'GET /api/v1/segments': () => ({ url: '/api/v1/segments' }),
  'GET /api/v1/segments/export': () => ({ url: '/api/v1/segments/export' }),
  'POST /api/v1/segments/compute': () => ({ url: '/api/v1/segments/compute', payload: { kind: 'rfm' } }),
  'GET /api/v1/segments/:id': async (s) => ({ url: `/api/v1/segments/${await aSegment(s)}` }),
  'POST /api/v1/segments/:id/uses': async (s, n) => ({
    url: `/api/v1/segments/${await aSegment(s)}/uses`,
    payload: { campaign: `Matrix ${n}` },
  }),
  'GET /api/v1/segment-uses': () => ({ url: '/api/v1/segment-uses?status=review' }),
  'POST /api/v1/segment-uses/:id/decision': async (s, n) => {
    // Requested by the system (no protected attribute held, so it waits for review), decided by the caller.
    const { requestSegmentUse } = await import('../../src/integrity/insights/index.js');
    const { use } = await requestSegmentUse(s.vigie, undefined, await aSegment(s), { campaign: `Held ${n}` });
    return {
      url: `/api/v1/segment-uses/${use.id}/decision`,
      payload: { decision: 'approve', comment: 'Checked.' },
    };
  },
  'GET /api/v1/fairness-audits': () => ({ url: '/api/v1/fairness-audits?limit=5' }),
  'GET /api/v1/fairness-audits/:id': async (s, n) => {
    const { requestSegmentUse } = await import('../../src/integrity/insights/index.js');
    const { audit } = await requestSegmentUse(s.vigie, undefined, await aSegment(s), {
      campaign: `Audit ${n}`,
    });
    return { url: `/api/v1/fairness-audits/${audit.id}` };
  },
  'GET /api/v1/recommendations/:subject': async (s, n) => ({
    url: `/api/v1/recommendations/${await aCustomer(s, n)}?n=3`,
  }),
  'POST /api/v1/recommendations/compute': () => ({
    url: '/api/v1/recommendations/compute',
    payload: { n: 3 },
  }),
  'POST /api/v1/recommendations/exposure-audit': async (s, n) => {
    // A stored batch of one (the audit answers 409 without one); nobody consents, so no attribute.
    await s.vigie.db
      .insertInto('recommendations')
      .values({ subject: await aCustomer(s, n), items: '[]', computed_at: new Date().toISOString() })
      .execute();
    return { url: '/api/v1/recommendations/exposure-audit', payload: { item: 'sku-1' } };
  },
};

async function aSegment(s: TestServer): Promise<string> {
  const { computeSegments, listSegments } = await import('../../src/integrity/insights/index.js');
  const all = await listSegments(s.vigie);
  return all[0]?.id ?? (await computeSegments(s.vigie, undefined, { kind: 'rfm' }))[0]!.id;
}

/** A draft in a given state, written by the calling role's user or by a fresh editor (for reviews). */
async function studioDraft(
  s: TestServer,
  by: { role?: Role; stage?: 'draft' | 'in_review' | 'approved' } = {},
): Promise<string> {
  const studio = await import('../../src/studio/index.js');
  const author = by.role
    ? principalFor(
        (
          await s.vigie.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', `as-${by.role}`)
            .executeTakeFirstOrThrow()
        ).id,
        by.role,
      )
    : principalFor((await newUser(s)).id, 'editor');
  const d = await studio.createDraft(s.vigie, author, { brief: studio.sampleBrief('press-release', 'en') });
  if (by.stage === 'in_review' || by.stage === 'approved')
    await studio.transition(s.vigie, author, d.id, 'submit');
  if (by.stage === 'approved') {
    const reviewer = principalFor((await newUser(s)).id, 'reviewer');
    await studio.transition(s.vigie, reviewer, d.id, 'approve');
  }
  return d.id;
}

async function aCustomer(s: TestServer, n: number): Promise<string> {
  const { Readable } = await import('node:stream');
  const { importCustomers, subjectOf } = await import('../../src/integrity/vault/index.js');
  const csv = `external_id,email\nMX-${n},mx${n}@example.com\n`;
  await importCustomers(s.vigie, undefined, Readable.from([Buffer.from(csv)]), { format: 'csv' });
  return subjectOf(s.vigie, `MX-${n}`);
}

/** A quarantined event batch (no events: the matrix tests permissions, not the checks). */
async function aQuarantinedBatch(s: TestServer): Promise<string> {
  const { randomUUID } = await import('node:crypto');
  const id = randomUUID();
  await s.vigie.db
    .insertInto('event_batches')
    .values({
      id,
      source: 'api',
      received_at: new Date().toISOString(),
      count: 0,
      fingerprint: '0'.repeat(64),
      stats: '{}',
      status: 'quarantined',
      reasons: JSON.stringify([
        { code: 'coordinated-burst', data: { accounts: 12, items: 'sku-1', window: 60 } },
      ]),
      created_by: 'system',
      decided_by: null,
      decided_at: null,
    })
    .execute();
  return id;
}

async function anAssistant(s: TestServer): Promise<string> {
  const { createAssistant, listAssistants } = await import('../../src/assistant/index.js');
  const all = await listAssistants(s.vigie);
  return all[0]?.id ?? (await createAssistant(s.vigie, undefined, { name: 'Matrix bot' })).id;
}

async function aConversation(s: TestServer): Promise<{ id: string; cid: string }> {
  const { startConversation } = await import('../../src/assistant/index.js');
  const id = await anAssistant(s);
  return { id, cid: (await startConversation(s.vigie, id)).id };
}

function principalFor(userId: string, role: Role) {
  return {
    userId,
    username: role,
    role,
    permissions: new Set<never>(),
    via: 'token' as const,
    tokenId: 'matrix',
  };
}

describe('role x route matrix', () => {
  let s: TestServer;
  const bearer: Partial<Record<Role, string>> = {};
  let routes: RouteInfo[] = [];

  beforeAll(async () => {
    s = await startTestServer({ listen: false });
    for (const role of ROLES) {
      const u = await createUser(s.vigie, undefined, {
        username: `as-${role}`,
        password: 'role password 1234',
        role,
      });
      const { secret } = await createToken(s.vigie, principalFor(u.id, role), {
        name: `matrix-${role}`,
        role,
      });
      bearer[role] = secret;
    }
    routes = s.app.routeCatalog.filter((r) => r.url.startsWith('/api/v1/'));
  });
  afterAll(async () => s.close());

  it('knows every API route and each declares a permission or is public', () => {
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes
      .filter((r) => !r.public && !examples[`${r.method} ${r.url}`])
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    for (const r of routes) expect(r.public || Boolean(r.permission)).toBe(true);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const r of routes.filter((x) => !x.public)) {
      const ex = await examples[`${r.method} ${r.url}`]!(s, ++counter);
      const res = await s.app.inject({
        method: r.method as 'GET',
        url: ex.url,
        payload: ex.payload,
        headers: ex.headers,
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 403 or 2xx for every role, as the permission table says', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => !x.public)) {
      const allowed = PERMISSIONS[r.permission!] as readonly Role[];
      for (const role of ROLES) {
        const ex = await examples[`${r.method} ${r.url}`]!(s, ++counter, role);
        const res = await s.app.inject({
          method: r.method as 'GET',
          url: ex.url,
          payload: ex.payload,
          headers: { ...ex.headers, authorization: `Bearer ${bearer[role]}` },
        });
        const ok = allowed.includes(role)
          ? res.statusCode >= 200 && res.statusCode < 300
          : res.statusCode === 403;
        if (!ok) failures.push(`${role} ${r.method} ${r.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never answers a bad input with a 500', async () => {
    const admin = { authorization: `Bearer ${bearer.admin}` };
    const bad = [
      { method: 'POST', url: '/api/v1/users', payload: { username: '', role: 'king' } },
      {
        method: 'POST',
        url: '/api/v1/users',
        payload: 'not json',
        headers: { 'content-type': 'application/json' },
      },
      { method: 'PATCH', url: '/api/v1/users/not-a-uuid', payload: { role: 'admin' } },
      {
        method: 'PATCH',
        url: '/api/v1/users/00000000-0000-4000-8000-000000000000',
        payload: { role: 'admin' },
      },
      { method: 'GET', url: '/api/v1/audit/proof/99999' },
      { method: 'GET', url: '/api/v1/audit/proof/-1' },
      { method: 'GET', url: '/api/v1/audit/consistency?from=5&to=2' },
      { method: 'GET', url: '/api/v1/audit/entries?limit=100000' },
      { method: 'POST', url: '/api/v1/tokens', payload: { name: 'x', role: 'admin', expiresInDays: 9999 } },
      {
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: 'big', password: 'x'.repeat(2_000_000), role: 'editor' },
      },
      { method: 'GET', url: '/api/v1/nothing-here' },
    ];
    for (const b of bad) {
      const res = await s.app.inject({
        method: b.method as 'GET',
        url: b.url,
        payload: b.payload,
        headers: { ...admin, ...(b.headers ?? {}) },
      });
      expect(res.statusCode, `${b.method} ${b.url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${b.method} ${b.url}`).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('serves health, readiness, metrics and the OpenAPI document', async () => {
    expect((await s.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await s.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const metrics = await s.app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('vigie_http_request_duration_seconds');
    const doc = await s.app.inject({ url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/users');
    expect((await s.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('login rate limit', () => {
  it('answers 429 problem+json past the per-IP limit', async () => {
    const s = await startTestServer({ listen: false, loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await s.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'nobody', password: 'x' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await s.close();
    }
  });
});
