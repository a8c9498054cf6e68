import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DnsLookupError, type DnsQuery } from '../dns.js';
import { analysePosture, type PostureResult } from './analyse.js';
import { parseDmarc } from './dmarc.js';
import { evaluateSpf } from './spf.js';

type Zone = Record<string, Partial<Record<'A' | 'AAAA' | 'MX' | 'NS' | 'TXT' | 'CNAME', string[]>>>;

/** A fixture resolver: answers from the zone, `[]` for anything absent, SERVFAIL for `servfail.` names. */
function zoneQuery(zone: Zone): DnsQuery {
  return async (name, type) => {
    if (name.includes('servfail')) throw new DnsLookupError('ESERVFAIL');
    return zone[name.toLowerCase()]?.[type] ?? [];
  };
}

function dkimKey(bits: number): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
}
const KEY_2048 = dkimKey(2048);
const KEY_1024 = dkimKey(1024);

// Realistic records, shaped on Google Workspace and Microsoft 365 setups.
const GOOGLE_SPF: Zone = {
  '_spf.google.com': {
    TXT: [
      'v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all',
    ],
  },
  '_netblocks.google.com': { TXT: ['v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ~all'] },
  '_netblocks2.google.com': { TXT: ['v=spf1 ip6:2001:4860:4000::/36 ~all'] },
  '_netblocks3.google.com': { TXT: ['v=spf1 ip4:172.217.0.0/19 ~all'] },
};
const MX: Zone[string] = { MX: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'] };

function domainZone(records: Record<string, string[] | undefined>, extra: Zone = {}): Zone {
  const zone: Zone = { ...GOOGLE_SPF, ...extra };
  for (const [name, txt] of Object.entries(records))
    if (txt) zone[name] = { ...(zone[name] ?? {}), TXT: txt };
  return zone;
}

interface Case {
  name: string;
  domain: string;
  zone: Zone;
  verdict: PostureResult['verdict'];
  statuses: Partial<Record<string, string>>;
  messages?: string[];
  fixes?: { name: string; value: string }[];
}

const cases: Case[] = [
  {
    name: 'Google Workspace with DMARC reject, DKIM, MTA-STS, TLS-RPT and BIMI',
    domain: 'vigie.fr',
    zone: domainZone(
      {
        'vigie.fr': ['v=spf1 include:_spf.google.com -all', 'google-site-verification=abc'],
        '_dmarc.vigie.fr': ['v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc@vigie.fr; adkim=s; aspf=s'],
        'google._domainkey.vigie.fr': [KEY_2048],
        '_mta-sts.vigie.fr': ['v=STSv1; id=20260101T000000'],
        '_smtp._tls.vigie.fr': ['v=TLSRPTv1; rua=mailto:tls@vigie.fr'],
        'default._bimi.vigie.fr': ['v=BIMI1; l=https://vigie.fr/logo.svg'],
      },
      { 'vigie.fr': MX },
    ),
    verdict: 'protected',
    statuses: {
      spf: 'pass',
      dmarc: 'pass',
      dkim: 'pass',
      'mta-sts': 'pass',
      'tls-rpt': 'pass',
      bimi: 'pass',
    },
    messages: [
      'spf.lookups',
      'spf.all-fail',
      'dmarc.p-reject',
      'dkim.found',
      'mta-sts.found',
      'tls-rpt.found',
      'bimi.found',
    ],
    fixes: [],
  },
  {
    name: 'nothing published, no MX',
    domain: 'exemple.fr',
    zone: {},
    verdict: 'spoofable',
    statuses: {
      spf: 'fail',
      dmarc: 'fail',
      dkim: 'warn',
      'mta-sts': 'info',
      'tls-rpt': 'info',
      bimi: 'info',
    },
    messages: ['mx.none', 'spf.missing', 'dmarc.missing', 'dkim.none-found'],
    fixes: [
      { name: 'exemple.fr', value: 'v=spf1 -all' },
      {
        name: '_dmarc.exemple.fr',
        value: 'v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; rua=mailto:dmarc-reports@exemple.fr',
      },
    ],
  },
  {
    name: 'DMARC p=none (monitoring only), SPF soft fail',
    domain: 'example.com',
    zone: domainZone(
      {
        'example.com': ['v=spf1 mx include:_spf.google.com ~all'],
        '_dmarc.example.com': ['v=DMARC1; p=none; rua=mailto:d@example.com'],
      },
      { 'example.com': MX },
    ),
    verdict: 'spoofable',
    statuses: { spf: 'warn', dmarc: 'fail', 'mta-sts': 'warn', 'tls-rpt': 'warn' },
    messages: ['spf.all-softfail', 'dmarc.p-none', 'mta-sts.missing', 'tls-rpt.missing'],
    fixes: [
      { name: 'example.com', value: 'v=spf1 mx include:_spf.google.com -all' },
      {
        name: '_dmarc.example.com',
        value: 'v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; rua=mailto:d@example.com',
      },
    ],
  },
  {
    name: 'quarantine on half the mail',
    domain: 'example.com',
    zone: domainZone({
      'example.com': ['v=spf1 -all'],
      '_dmarc.example.com': ['v=DMARC1; p=quarantine; pct=50; rua=mailto:d@example.com'],
    }),
    verdict: 'partially-protected',
    statuses: { spf: 'pass', dmarc: 'warn' },
    messages: ['dmarc.p-quarantine', 'dmarc.pct'],
  },
  {
    name: 'reject with a weaker subdomain policy',
    domain: 'example.com',
    zone: domainZone({
      'example.com': ['v=spf1 -all'],
      '_dmarc.example.com': ['v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com'],
    }),
    verdict: 'partially-protected',
    statuses: { dmarc: 'warn' },
    messages: ['dmarc.sp-weaker'],
  },
  {
    name: 'subdomain inherits the organisational sp=none',
    domain: 'news.example.com',
    zone: domainZone({
      'news.example.com': ['v=spf1 -all'],
      '_dmarc.example.com': ['v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com'],
    }),
    verdict: 'spoofable',
    statuses: { dmarc: 'fail' },
    messages: ['dmarc.inherited', 'dmarc.p-none'],
  },
  {
    name: 'SPF +all lets everyone send',
    domain: 'example.com',
    zone: domainZone({
      'example.com': ['v=spf1 ip4:192.0.2.0/24 +all'],
      '_dmarc.example.com': ['v=DMARC1; p=reject; rua=mailto:d@example.com'],
    }),
    verdict: 'partially-protected',
    statuses: { spf: 'fail' },
    messages: ['spf.all-pass'],
    fixes: [{ name: 'example.com', value: 'v=spf1 ip4:192.0.2.0/24 -all' }],
  },
  {
    name: 'two SPF records are merged into one',
    domain: 'example.com',
    zone: domainZone({ 'example.com': ['v=spf1 include:_spf.google.com ~all', 'v=spf1 ip4:192.0.2.1 -all'] }),
    verdict: 'spoofable',
    statuses: { spf: 'fail' },
    messages: ['spf.multiple'],
    fixes: [
      { name: 'example.com', value: 'v=spf1 include:_spf.google.com ip4:192.0.2.1 -all' },
      {
        name: '_dmarc.example.com',
        value: 'v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; rua=mailto:dmarc-reports@example.com',
      },
    ],
  },
  {
    name: 'DMARC syntax error: unknown policy, v= not first',
    domain: 'example.com',
    zone: domainZone({
      'example.com': ['v=spf1 -all'],
      '_dmarc.example.com': ['v=DMARC1; p=rejected; rua=mailto:d@example.com'],
    }),
    verdict: 'spoofable',
    statuses: { dmarc: 'fail' },
    messages: ['dmarc.syntax'],
  },
  {
    name: 'report address in another organisation without consent, relaxed alignment',
    domain: 'example.com',
    zone: domainZone({
      'example.com': ['v=spf1 -all'],
      '_dmarc.example.com': ['v=DMARC1; p=reject; rua=mailto:x@reports.example.net'],
    }),
    verdict: 'protected',
    statuses: { dmarc: 'warn' },
    messages: ['dmarc.rua-unauthorised', 'dmarc.relaxed'],
    fixes: [{ name: 'example.com._report._dmarc.reports.example.net', value: 'v=DMARC1' }],
  },
  {
    name: 'weak and revoked DKIM keys, Microsoft 365 selector behind a CNAME',
    domain: 'example.com',
    zone: domainZone(
      {
        'example.com': ['v=spf1 include:spf.protection.outlook.com -all'],
        '_dmarc.example.com': ['v=DMARC1; p=reject; rua=mailto:d@example.com; adkim=s; aspf=s'],
        'spf.protection.outlook.com': ['v=spf1 ip4:40.92.0.0/15 -all'],
        's1._domainkey.example.com': ['v=DKIM1; p='],
        'k1._domainkey.example.com': [KEY_1024],
        'selector1-example-com._domainkey.example.onmicrosoft.com': [KEY_2048],
      },
      {
        'selector1._domainkey.example.com': {
          CNAME: ['selector1-example-com._domainkey.example.onmicrosoft.com'],
        },
      },
    ),
    verdict: 'protected',
    statuses: { dkim: 'warn' },
    messages: ['dkim.revoked', 'dkim.weak-key', 'dkim.found'],
  },
  {
    name: 'BIMI without an enforcing DMARC',
    domain: 'example.com',
    zone: domainZone({
      'example.com': ['v=spf1 -all'],
      'default._bimi.example.com': ['v=BIMI1; l=https://example.com/bimi.svg'],
    }),
    verdict: 'spoofable',
    statuses: { bimi: 'warn' },
    messages: ['bimi.needs-dmarc'],
  },
];

describe('analysePosture', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = await analysePosture(c.domain, zoneQuery(c.zone));
      expect(r.verdict).toBe(c.verdict);
      expect(r.summary.id).toBe(`verdict.${c.verdict}`);
      const byId = Object.fromEntries(r.checks.map((k) => [k.id, k.status]));
      for (const [id, status] of Object.entries(c.statuses)) expect([id, byId[id]]).toEqual([id, status]);
      const ids = r.checks.flatMap((k) => k.messages.map((m) => m.id));
      for (const m of c.messages ?? []) expect(ids).toContain(m);
      if (c.fixes) {
        const fixes = r.fixes.filter(
          (f) =>
            !f.name.startsWith('_mta-sts') && !f.name.startsWith('_smtp') && !f.name.includes('_domainkey'),
        );
        expect(fixes.map((f) => ({ name: f.name, value: f.value }))).toEqual(c.fixes);
      }
      for (const m of r.checks.flatMap((k) => k.messages)) {
        expect(m.en).not.toMatch(/\{\w+\}/);
        expect(m.fr).not.toMatch(/\{\w+\}/);
        expect(m.fr).not.toBe(m.en);
      }
    });
  }

  it('speaks French too', async () => {
    const r = await analysePosture('exemple.fr', zoneQuery({}));
    expect(r.summary.fr).toBe('N’importe qui peut aujourd’hui envoyer un e-mail qui passe pour exemple.fr.');
    expect(r.summary.en).toBe('Anyone can send e-mail that passes as exemple.fr today.');
  });

  it('refuses to judge when the DNS lookups fail, rather than calling the domain spoofable', async () => {
    await expect(analysePosture('servfail.example', zoneQuery({}))).rejects.toMatchObject({
      code: 'NOT_READY',
    });
  });

  it('refuses an invalid domain', async () => {
    await expect(analysePosture('not a domain', zoneQuery({}))).rejects.toThrow(/Invalid domain/);
  });
});

describe('evaluateSpf', () => {
  const chain = (n: number): Zone => {
    const zone: Zone = {};
    for (let i = 0; i < n; i++)
      zone[`i${i}.example.net`] = { TXT: [`v=spf1 include:i${i + 1}.example.net -all`] };
    zone[`i${n}.example.net`] = { TXT: ['v=spf1 ip4:192.0.2.1 -all'] };
    return zone;
  };
  const cases: {
    name: string;
    record: string;
    zone: Zone;
    lookups: number;
    voids?: number;
    all?: string;
    permerror?: boolean;
    message?: string;
  }[] = [
    {
      name: 'ip only',
      record: 'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all',
      zone: {},
      lookups: 0,
      all: '-all',
    },
    {
      name: 'a, mx, include',
      record: 'v=spf1 a mx include:_spf.google.com -all',
      zone: { ...GOOGLE_SPF, 'example.com': { A: ['192.0.2.1'], ...MX } },
      lookups: 6,
      all: '-all',
    },
    {
      name: 'eleven nested includes',
      record: 'v=spf1 include:i0.example.net -all',
      zone: chain(10),
      lookups: 11,
      all: '-all',
    },
    {
      name: 'include loop',
      record: 'v=spf1 include:a.example.net -all',
      zone: {
        'a.example.net': { TXT: ['v=spf1 include:b.example.net -all'] },
        'b.example.net': { TXT: ['v=spf1 include:a.example.net -all'] },
      },
      lookups: 3,
      permerror: true,
      message: 'spf.loop',
    },
    {
      name: 'include of a name without SPF',
      record: 'v=spf1 include:nospf.example.net -all',
      zone: {},
      lookups: 1,
      voids: 1,
      permerror: true,
      message: 'spf.include-missing',
    },
    {
      name: 'three void lookups',
      record: 'v=spf1 a:x1.example.net a:x2.example.net mx:x3.example.net -all',
      zone: {},
      lookups: 3,
      voids: 3,
    },
    {
      name: 'redirect supplies the all',
      record: 'v=spf1 redirect=_spf.example.com',
      zone: { '_spf.example.com': { TXT: ['v=spf1 ip4:192.0.2.1 -all'] } },
      lookups: 1,
      all: '-all',
    },
    {
      name: 'syntax error',
      record: 'v=spf1 ip4:192.0.2.1 includ:x.example.net -all',
      zone: {},
      lookups: 0,
      permerror: true,
      message: 'spf.syntax',
    },
    {
      name: 'ptr and macros',
      record: 'v=spf1 ptr exists:%{i}._spf.example.com ?all',
      zone: {},
      lookups: 2,
      all: '?all',
      message: 'spf.macro',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const ev = await evaluateSpf(zoneQuery(c.zone), 'example.com', c.record);
      expect(ev.lookups).toBe(c.lookups);
      if (c.voids !== undefined) expect(ev.voidLookups).toBe(c.voids);
      if (c.all) expect(ev.all).toBe(c.all);
      expect(ev.permerror).toBe(c.permerror ?? false);
      if (c.message) expect(ev.messages.map((m) => m.id)).toContain(c.message);
    });
  }
  it('reports more than 10 lookups as a failure with a fix', async () => {
    const zone = { ...chain(10), 'example.com': { TXT: ['v=spf1 include:i0.example.net -all'] } };
    const r = await analysePosture('example.com', zoneQuery(zone));
    const spf = r.checks.find((c) => c.id === 'spf')!;
    expect(spf.status).toBe('fail');
    expect(spf.messages.find((m) => m.id === 'spf.too-many-lookups')?.data).toEqual({ count: 11 });
  });
});

describe('parseDmarc', () => {
  it('reads tags and defaults', () => {
    expect(
      parseDmarc(
        'v=DMARC1; p=quarantine; rua=mailto:a@example.com,mailto:b@example.net; ruf=mailto:f@example.com; adkim=s',
      ),
    ).toEqual({
      p: 'quarantine',
      sp: undefined,
      pct: 100,
      rua: ['mailto:a@example.com', 'mailto:b@example.net'],
      ruf: ['mailto:f@example.com'],
      adkim: 's',
      aspf: 'r',
      usable: true,
      errors: [],
    });
  });
  const invalid = [
    'p=reject; v=DMARC1',
    'v=DMARC1; pct=150; p=reject',
    'v=DMARC1; p=reject; adkim=x',
    'v=DMARC1; rua=mailto:a@example.com',
    'v=DMARC1; p=reject; rua=a@example.com',
  ];
  for (const record of invalid)
    it(`finds an error in ${record}`, () => expect(parseDmarc(record).errors.length).toBeGreaterThan(0));
});
