import { describe, expect, it } from 'vitest';
import type { DetectContext, Detector } from '../../types.js';
import { secretDetectors, secretRules } from './index.js';

/**
 * Test tokens are assembled at run time from a seeded generator, so no file of the repository holds
 * a string that a secret scanner (ours, GitHub's) would flag.
 */
function rand(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const URLSAFE = `${ALNUM}_-`;
let seed = 1;
function gen(alphabet: string, n: number): string {
  const r = rand(seed++);
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(r() * alphabet.length)];
  return out;
}
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '1234567890', name: 'Jo' })}.${gen(URLSAFE, 43)}`;
const pemBody = Array.from({ length: 6 }, () => gen(B64, 64)).join('\n');
const pem = (kind: string) =>
  `-----BEGIN ${kind}PRIVATE KEY-----\n${pemBody}\n-----END ${kind}PRIVATE KEY-----`;

interface Case {
  text: string;
  /** The exact substring reported (defaults to the secret being the whole token built). */
  secret: string;
}
const tp = (template: (s: string) => string, secret: string): Case => ({ text: template(secret), secret });

/** True and false positives per rule (gitleaks: each rule is validated with tps and fps). */
const table: Record<string, { tps: Case[]; fps: string[] }> = {
  'secret.aws-access-key': {
    tps: [
      tp((s) => `aws_access_key_id = ${s}`, `AKIA${gen(UPPER_DIGITS, 16)}`),
      tp((s) => `Voici la clé du compte : ${s} merci`, `ASIA${gen(UPPER_DIGITS, 16)}`),
    ],
    fps: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIA is a prefix', `XAKIA${gen(UPPER_DIGITS, 16)}X`],
  },
  'secret.aws-secret-key': {
    tps: [
      tp((s) => `AWS_SECRET_ACCESS_KEY=${s}`, gen(B64, 40)),
      tp((s) => `"aws_secret_access_key": "${s}"`, gen(B64, 40)),
    ],
    fps: [
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'secret access key rotation policy',
    ],
  },
  'secret.gcp-api-key': {
    tps: [tp((s) => `https://maps.example.com/api?key=${s}&x=1`, `AIza${gen(URLSAFE, 35)}`)],
    fps: ['AIza is how Google keys start', `AIza${gen(ALNUM, 20)}`],
  },
  'secret.gcp-oauth-secret': {
    tps: [tp((s) => `client_secret: ${s}`, `GOCSPX-${gen(URLSAFE, 28)}`)],
    fps: ['GOCSPX-short'],
  },
  'secret.azure-storage-key': {
    tps: [
      tp(
        (s) =>
          `DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=${s};EndpointSuffix=core.windows.net`,
        `${gen(B64, 86)}==`,
      ),
    ],
    fps: ['AccountKey=<your key here>', `AccountKey=${gen(B64, 20)}`],
  },
  'secret.azure-client-secret': {
    tps: [tp((s) => `AZURE_CLIENT_SECRET="${s}"`, `${gen(ALNUM, 3)}8Q~${gen(ALNUM, 34)}`)],
    fps: ['The Q~ sign appears in math', `abc8Q~${gen(ALNUM, 10)}`],
  },
  'secret.github-token': {
    tps: [
      tp((s) => `export GITHUB_TOKEN=${s}`, `ghp_${gen(ALNUM, 36)}`),
      tp((s) => `jeton : ${s}`, `github_pat_${gen(ALNUM, 82)}`),
    ],
    fps: ['ghp_ tokens are classic personal tokens', `ghp_${gen(ALNUM, 20)}`, `xghp_${gen(ALNUM, 36)}`],
  },
  'secret.gitlab-token': {
    tps: [tp((s) => `PRIVATE-TOKEN: ${s}`, `glpat-${gen(URLSAFE, 20)}`)],
    fps: ['glpat-short', 'Use a glpat- token for the API'],
  },
  'secret.slack-token': {
    tps: [
      tp(
        (s) => `SLACK_BOT_TOKEN=${s}`,
        `xoxb-${gen('0123456789', 12)}-${gen('0123456789', 12)}-${gen(ALNUM, 24)}`,
      ),
    ],
    fps: ['xoxb is the prefix of bot tokens', 'Send hugs xoxo'],
  },
  'secret.slack-webhook': {
    tps: [
      tp(
        (s) => `curl -X POST ${s}`,
        `https://hooks.slack.com/services/T${gen(UPPER_DIGITS, 8)}/B${gen(UPPER_DIGITS, 8)}/${gen(ALNUM, 24)}`,
      ),
    ],
    fps: ['https://hooks.slack.com/ is where webhooks live', 'https://api.slack.com/messaging/webhooks'],
  },
  'secret.stripe-key': {
    tps: [
      tp((s) => `STRIPE_SECRET_KEY=${s}`, `sk_live_${gen(ALNUM, 24)}`),
      tp((s) => `la clé Stripe ${s} fonctionne`, `rk_test_${gen(ALNUM, 24)}`),
    ],
    fps: ['pk_live_ keys are publishable', 'sk_live_short', 'risk_test_suite'],
  },
  'secret.openai-key': {
    tps: [
      tp((s) => `OPENAI_API_KEY=${s}`, `sk-proj-${gen(URLSAFE, 74)}T3BlbkFJ${gen(URLSAFE, 74)}`),
      tp((s) => `key: ${s}`, `sk-${gen(ALNUM, 20)}T3BlbkFJ${gen(ALNUM, 20)}`),
    ],
    fps: ['sk-proj-abc is a prefix', `sk-${gen(ALNUM, 48)}`],
  },
  'secret.anthropic-key': {
    tps: [tp((s) => `ANTHROPIC_API_KEY=${s}`, `sk-ant-api03-${gen(URLSAFE, 93)}AA`)],
    fps: ['sk-ant-api03- keys end with AA', `sk-ant-api03-${gen(ALNUM, 20)}AA`],
  },
  'secret.twilio-key': {
    tps: [tp((s) => `TWILIO_API_KEY=${s}`, `SK${gen(HEX, 32)}`)],
    fps: ['Ask the task team', `SK${gen(HEX, 20)}`, `SKETCH${gen(HEX, 32)}`],
  },
  'secret.sendgrid-key': {
    tps: [tp((s) => `SENDGRID_API_KEY=${s}`, `SG.${gen(URLSAFE, 22)}.${gen(URLSAFE, 43)}`)],
    fps: ['SG.com is a website', 'Voir SG.fr pour la banque'],
  },
  'secret.mailchimp-key': {
    tps: [tp((s) => `mailchimp key ${s}`, `${gen(HEX, 32)}-us21`)],
    fps: ['the campaign ran in -us21 region', `${gen(HEX, 12)}-us21`],
  },
  'secret.npm-token': {
    tps: [tp((s) => `//registry.npmjs.org/:_authToken=${s}`, `npm_${gen(ALNUM, 36)}`)],
    fps: ['npm_config_cache=/tmp', `npm_${gen(ALNUM, 10)}`],
  },
  'secret.huggingface-token': {
    tps: [
      tp((s) => `HF_TOKEN=${s}`, `hf_${gen('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 34)}`),
    ],
    fps: ['hf_hub_download is a function', 'chef_cuisine'],
  },
  'secret.shopify-token': {
    tps: [tp((s) => `X-Shopify-Access-Token: ${s}`, `shpat_${gen(ALNUM, 32)}`)],
    fps: ['shpat_ tokens are admin tokens', `shpat_${gen(ALNUM, 10)}`],
  },
  'secret.docker-token': {
    tps: [tp((s) => `docker login -u team -p ${s}`, `dckr_pat_${gen(URLSAFE, 27)}`)],
    fps: ['dckr_pat_ prefix', `dckr_pat_${gen(ALNUM, 10)}`],
  },
  'secret.vault-token': {
    tps: [tp((s) => `VAULT_TOKEN=${s}`, `hvs.${gen(URLSAFE, 95)}`)],
    fps: ['hvs.example', `hvs.${gen(ALNUM, 30)}`],
  },
  'secret.databricks-token': {
    tps: [tp((s) => `DATABRICKS_TOKEN=${s}`, `dapi${gen(HEX, 32)}`)],
    fps: ['dapibus is a Latin word', `dapi${gen(HEX, 10)}`],
  },
  'secret.private-key': {
    tps: [tp((s) => `key:\n${s}\n`, pem('RSA ')), tp((s) => `clé : ${s}`, pem(''))],
    fps: ['-----BEGIN PUBLIC KEY-----', 'Never share your private key with anyone.'],
  },
  'secret.jwt': {
    tps: [tp((s) => `Authorization: Bearer ${s}`, jwt)],
    fps: ['eyJhbGciOi is how tokens start', `eyJ${gen(ALNUM, 20)}.eyJ${gen(ALNUM, 20)}.${gen(ALNUM, 20)}`],
  },
  'secret.connection-string': {
    tps: [
      tp((s) => `DATABASE_URL=postgres://app:${s}@db.internal:5432/shop`, 'Tr0ub4dor-3x'),
      tp((s) => `mongodb+srv://admin:${s}@cluster0.example.net/crm`, 'S3cure!pass'),
      tp((s) => `redis://db:${s}@db.host:6379`, 'db9f83jd'),
    ],
    fps: [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is the input under test
      'postgres://app:${DB_PASSWORD}@db/shop',
      'postgres://app:password@localhost/shop',
      'postgres://db.internal:5432/shop',
      'mongodb://user:<password>@host',
    ],
  },
  'secret.connection-string-kv': {
    tps: [tp((s) => `Server=sql01;Database=crm;User Id=app;Password=${s};`, 'Pa55-word!9')],
    fps: ['Server=sql01;Database=crm;Integrated Security=true;', 'Server=sql01;Password={secret};'],
  },
  'secret.url-password': {
    tps: [
      tp((s) => `Clone https://marie:${s}@git.example.com/site.git`, 'hunter2025'),
      tp((s) => `ftp://deploy:${s}@ftp.example.fr/www`, 'Fr0mage!'),
    ],
    fps: ['https://example.com/login', 'https://user:****@example.com', 'see https://user@example.com'],
  },
  'secret.generic': {
    tps: [
      tp((s) => `api_key = "${s}"`, gen(ALNUM, 32)),
      tp((s) => `client_secret: ${s}`, gen(ALNUM, 24)),
      tp((s) => `Mon mot de passe est ${s} merci`, 'Soleil2024!'),
      tp((s) => `password: ${s}`, 'Summer#2025'),
      tp((s) => `Das Passwort lautet ${s}.`, 'Bergwiese77'),
      tp((s) => `Authorization: Bearer ${s}`, gen(ALNUM, 40)),
    ],
    fps: [
      'Reset your password: click the link below.',
      'Le mot de passe est trop court.',
      'password: required',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is the input under test
      'token = ${API_TOKEN}',
      'api_key = "your_api_key_here"',
      'The secret to great copy is clarity.',
      'Le jeton de présence est obligatoire.',
      'Our token economy is growing.',
      `AWS_SECRET_ACCESS_KEY=${gen(B64, 40)}`.replace(/^/, ''),
    ],
  },
};
// The AWS secret key above belongs to its own rule: it must not be reported twice.
const awsFp = table['secret.generic']!.fps.pop()!;

const ctx = (profile: DetectContext['profile']): DetectContext => ({ lang: 'en', profile });
const byId = new Map(secretDetectors.map((d) => [d.meta.id, d] as const));
const run = (d: Detector, text: string) => d.detect(text, ctx('input'));
const allFindings = (text: string) =>
  secretDetectors.flatMap((d) => run(d, text).map((f) => ({ ...f, id: d.meta.id })));

describe('secret detectors', () => {
  it('every rule in the data has a detector, true positives and false positives', () => {
    for (const rule of secretRules) {
      expect(byId.has(rule.id), rule.id).toBe(true);
      expect(table[rule.id]?.tps.length, `${rule.id} tps`).toBeGreaterThan(0);
      expect(table[rule.id]?.fps.length, `${rule.id} fps`).toBeGreaterThan(0);
      expect(rule.source.length, `${rule.id} source`).toBeGreaterThan(10);
    }
    expect(Object.keys(table).sort()).toEqual([...byId.keys()].sort());
  });

  for (const [id, { tps, fps }] of Object.entries(table)) {
    describe(id, () => {
      it.each(tps.map((c, i) => [i, c] as const))('finds true positive %i', (_i, c) => {
        const found = run(byId.get(id)!, c.text);
        expect(found).toHaveLength(1);
        expect(c.text.slice(found[0]!.start, found[0]!.end)).toBe(c.secret);
        expect(found[0]!.entity).toBe('SECRET');
        expect(JSON.stringify(found[0]!.data ?? {})).not.toContain(c.secret);
      });
      it.each(fps)('ignores %s', (text) => {
        expect(run(byId.get(id)!, text)).toEqual([]);
      });
    });
  }

  it('reports a provider secret once, under its own rule', () => {
    const found = allFindings(awsFp);
    expect(found.map((f) => f.id)).toEqual(['secret.aws-secret-key']);
    const key = `ghp_${gen(ALNUM, 36)}`;
    expect(allFindings(`token = ${key}`).map((f) => f.id)).toEqual(['secret.github-token']);
  });

  it('applies in every profile', () => {
    const text = `STRIPE_SECRET_KEY=sk_live_${gen(ALNUM, 24)}`;
    for (const profile of ['input', 'ingested', 'output', 'publish'] as const) {
      expect(byId.get('secret.stripe-key')!.detect(text, ctx(profile))).toHaveLength(1);
    }
  });

  it('finds nothing in ordinary marketing copy, English and French', () => {
    const copy = [
      'Our new API makes secret sauce recipes easy to share. Token of appreciation for our clients!',
      'Notre nouvelle offre : un mot de passe unique pour tous vos services, sans compromis.',
      'Contact: https://www.example.com/contact?utm_source=newsletter&utm_campaign=spring2025',
    ].join('\n');
    expect(allFindings(copy)).toEqual([]);
  });

  it('stays linear on adversarial input', () => {
    const evil = [
      `${'-----BEGIN PRIVATE KEY-----'.repeat(200)}`,
      `password=${'a1'.repeat(50_000)}`,
      `postgres://${'a:'.repeat(20_000)}`,
      `Server=x;${'a;'.repeat(20_000)}`,
      `${'eyJ'.repeat(10_000)}.eyJ`,
    ];
    const t0 = performance.now();
    for (const text of evil) allFindings(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
