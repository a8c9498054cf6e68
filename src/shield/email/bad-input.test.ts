/**
 * Hostile and broken input: truncated and malformed MIME, wrong charsets, oversized messages, deep
 * nesting, archive bombs, IDN edge cases, and a property test over random and mutated messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { analyseEmail } from './analyse.js';
import { MAX_MESSAGE_BYTES } from './parse.js';
import { buildEml } from './test-eml.js';
import { listZip } from './zip.js';

const VERDICTS = ['clean', 'suspicious', 'phishing'];
const fixturesDir = new URL('../../../test/fixtures/phishing/', import.meta.url);
const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.eml'))
  .sort()
  .map((f) => readFileSync(new URL(f, fixturesDir)));

/** Analyses within a time bound: a verdict, or one of the two errors the callers know how to report. */
async function analyseBounded(raw: Buffer, ms = 5000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    const r = await Promise.race([analyseEmail(raw, { offline: true }), timeout]);
    expect(VERDICTS).toContain(r.verdict);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    return r.verdict;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'VALIDATION' || err.code === 'PAYLOAD_TOO_LARGE'))
      return err.code;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** A minimal ZIP writer (stored names, deflated data) to build archive bombs and encrypted archives. */
function zip(entries: Array<{ name: string; data: Buffer; encrypted?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const flags = e.encrypted ? 1 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('size limit', () => {
  it('refuses a message over MAX_MESSAGE_BYTES with PAYLOAD_TOO_LARGE', async () => {
    const big = Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x61);
    await expect(analyseEmail(big, { offline: true })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('malformed MIME and charsets', () => {
  const header = 'From: a@b.example\r\nTo: c@d.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n';
  it.each([
    ['empty input', ''],
    ['headers only, no body', header],
    ['garbage', '\u0000\u0001\u0002 not a message at all'],
    [
      'multipart without its closing boundary',
      `${header}Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello`,
    ],
    [
      'multipart without a boundary parameter',
      `${header}Content-Type: multipart/mixed\r\n\r\n--b\r\nhello\r\n--b--`,
    ],
    ['unknown charset', `${header}Content-Type: text/plain; charset="x-no-such-charset"\r\n\r\nh\u00e9llo`],
    [
      'wrong charset label (latin-1 bytes said to be UTF-8)',
      `${header}Content-Type: text/plain; charset=utf-8\r\n\r\nvotre compte a \u00e9t\u00e9 suspendu`,
    ],
    [
      'broken base64 body',
      `${header}Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not*base64===\r\n`,
    ],
    [
      'broken quoted-printable',
      `${header}Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=`,
    ],
    [
      'broken encoded-word in the subject',
      'From: a@b.example\r\nSubject: =?UTF-8?B?###?= =?x-bad?Q?=FF?=\r\n\r\nbody',
    ],
    ['header folded forever', `From: a@b.example\r\nSubject: x${'\r\n continued'.repeat(5000)}\r\n\r\nbody`],
  ])('%s', async (_name, text) => {
    await analyseBounded(Buffer.from(text, 'latin1'));
  });

  it.each([0.1, 0.3, 0.5, 0.7, 0.9])('a phishing sample truncated at %s of its length', async (ratio) => {
    for (const f of fixtures.slice(0, 10)) await analyseBounded(f.subarray(0, Math.floor(f.length * ratio)));
  });

  it('survives multiparts nested 300 deep', async () => {
    let body = 'Content-Type: text/plain\r\n\r\nverify your account';
    for (let i = 0; i < 300; i++)
      body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--\r\n`;
    await analyseBounded(
      Buffer.from(`From: a@b.example\r\nSubject: deep\r\nMIME-Version: 1.0\r\n${body}`),
      15_000,
    );
  });
});

describe('archives are listed, never extracted', () => {
  it('reads a 200 MB zip bomb from its central directory only', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const bomb = zip(
      Array.from({ length: 10 }, (_, i) => ({ name: i === 9 ? 'run.exe' : `part${i}.bin`, data: zeros })),
    );
    expect(bomb.length).toBeLessThan(300_000);
    expect(listZip(bomb)?.map((e) => e.name)).toContain('run.exe');
    const r = await analyseEmail(
      buildEml({
        text: 'see attached',
        attachments: [{ filename: 'docs.zip', contentType: 'application/zip', content: bomb }],
      }),
      { offline: true },
    );
    expect(r.reasons.map((x) => x.id)).toContain('attachments.executable');
  });

  it('flags a password-protected archive and lists a truncated one without failing', async () => {
    const locked = zip([{ name: 'invoice.pdf', data: Buffer.from('x'), encrypted: true }]);
    expect(listZip(locked)).toEqual([{ name: 'invoice.pdf', encrypted: true }]);
    expect(listZip(locked.subarray(0, locked.length - 10))).toBeUndefined();
    const r = await analyseEmail(
      buildEml({
        text: 'password: 1234',
        attachments: [{ filename: 'invoice.zip', contentType: 'application/zip', content: locked }],
      }),
      { offline: true },
    );
    expect(r.reasons.map((x) => x.id)).toContain('attachments.encrypted-archive');
  });
});

describe('IDN edge cases', () => {
  it.each([
    [
      'Cyrillic sender domain (decoded by the parser)',
      { from: 'PayPal <service@\u0440\u0430\u0443\u0440\u0430l.com>', text: 'x' },
      'impersonation.punycode',
    ],
    [
      'punycode link',
      { html: '<a href="https://xn--pypal-4ve.com/login">PayPal</a>' },
      'impersonation.punycode',
    ],
    ['invalid punycode label', { html: '<a href="https://xn--zz.example/">x</a>' }, undefined],
    ['over-long label', { html: `<a href="https://${'a'.repeat(80)}.example/">x</a>` }, undefined],
    ['IPv6 literal link', { html: '<a href="http://[2001:db8::1]/login">x</a>' }, 'links.raw-ip'],
    [
      'mixed-script display name (Cyrillic o)',
      { from: 'Micr\u043Esoft <a@b.example>', text: 'x' },
      'impersonation.display-name',
    ],
  ])('%s', async (_name, eml, reason) => {
    const r = await analyseEmail(buildEml(eml), { offline: true });
    expect(VERDICTS).toContain(r.verdict);
    if (reason) expect(r.reasons.map((x) => x.id)).toContain(reason);
  });
});

describe('property: any input gets a verdict or a known error, in bounded time', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        await analyseBounded(Buffer.from(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('mutated real messages (bytes replaced, cut, duplicated)', async () => {
    const mutation = fc.record({
      sample: fc.nat({ max: fixtures.length - 1 }),
      edits: fc.array(
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })),
        { maxLength: 40 },
      ),
      cut: fc.double({ min: 0.05, max: 1, noNaN: true }),
      repeat: fc.integer({ min: 1, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ sample, edits, cut, repeat }) => {
        const original = fixtures[sample]!;
        const bytes = Buffer.from(original);
        for (const [at, value] of edits) bytes[Math.floor(at * (bytes.length - 1))] = value;
        const cutBytes = bytes.subarray(0, Math.max(1, Math.floor(bytes.length * cut)));
        await analyseBounded(Buffer.concat(Array.from({ length: repeat }, () => cutBytes)));
      }),
      { numRuns: 120 },
    );
  });
});
