/**
 * Realistic fake values that keep the shape of the original: a fake IBAN with a valid checksum, a
 * fake card that passes Luhn, a phone number with the same separators and prefix, a fake name. They
 * are derived from a hash of the value and an attempt number, so a run is reproducible.
 */
import { createHash } from 'node:crypto';
import { isValidIBAN } from 'ibantools';
import fakes from '../data/pii/surrogates.json' with { type: 'json' };

/** A small deterministic stream of pseudo-random integers from a seed (SHA-256 in counter mode). */
export class Stream {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private block = 0;

  constructor(private readonly seed: string) {}

  private byte(): number {
    if (this.pos >= this.buf.length) {
      this.buf = createHash('sha256')
        .update(`${this.seed}\u0000${this.block++}`)
        .digest();
      this.pos = 0;
    }
    return this.buf[this.pos++]!;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return ((this.byte() << 16) | (this.byte() << 8) | this.byte()) % n;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

function luhnCheckDigit(body: string): number {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** Replaces digits one by one, keeping separators and the first `keep` digits. */
function redigit(value: string, s: Stream, keep: number): string {
  let seen = 0;
  return value.replace(/\d/g, (d) => (seen++ < keep ? d : String(s.int(10))));
}

/** Writes `digits` back into the places of the digits of `shape`. */
function reshape(shape: string, digits: string): string {
  let i = 0;
  return shape.replace(/\d/g, () => digits[i++] ?? '0');
}

function card(value: string, s: Stream): string {
  const digits = value.replace(/\D/g, '');
  const body = redigit(digits.slice(0, -1), s, 1);
  return reshape(value, `${body}${luhnCheckDigit(body)}`);
}

function luhnNumber(value: string, s: Stream): string {
  const digits = value.replace(/\D/g, '');
  const body = redigit(digits.slice(0, -1), s, 0);
  return reshape(value, `${body}${luhnCheckDigit(body)}`);
}

/** ISO 13616 check digits: 98 - (BBAN + country + "00" as digits) mod 97. */
function ibanCheck(country: string, bban: string): string {
  const moved = `${bban}${country}00`.toUpperCase().replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const ch of moved) rest = (rest * 10 + Number(ch)) % 97;
  return String(98 - rest).padStart(2, '0');
}

/** French RIB key over bank (5), branch (5) and account (11, digits here) codes. */
function ribKey(bban21: string): string {
  const n = (from: number, to: number) => Number(bban21.slice(from, to));
  const rest = (89 * n(0, 5) + 15 * n(5, 10) + 3 * n(10, 21)) % 97;
  return String(97 - rest).padStart(2, '0');
}

function iban(value: string, s: Stream): string | undefined {
  const compact = value.replace(/\s/g, '').toUpperCase();
  const country = compact.slice(0, 2);
  // Some countries add a national check inside the BBAN: try until ibantools accepts the result.
  for (let attempt = 0; attempt < 300; attempt++) {
    let bban = compact
      .slice(4)
      .replace(/\d/g, () => String(s.int(10)))
      .replace(/[A-Z]/g, () => String.fromCharCode(65 + s.int(26)));
    if ((country === 'FR' || country === 'MC') && bban.length === 23) {
      const body = bban.slice(0, 21).replace(/[A-Z]/g, () => String(s.int(10)));
      bban = `${body}${ribKey(body)}`;
    }
    const fake = `${country}${ibanCheck(country, bban)}${bban}`;
    if (!isValidIBAN(fake)) continue;
    // Same grouping as the original.
    let i = 0;
    return value.replace(/[A-Za-z0-9]/g, () => fake[i++] ?? '');
  }
  return undefined;
}

function nir(value: string, s: Stream): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 15) return redigit(value, s, 1);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  let department = 1 + s.int(95);
  if (department === 20) department = 21; // 20 became 2A and 2B (Corsica)
  const body = `${digits[0]}${pad(s.int(100), 2)}${pad(1 + s.int(12), 2)}${pad(department, 2)}${pad(s.int(1000), 3)}${pad(1 + s.int(999), 3)}`;
  const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');
  return reshape(value, `${body}${key}`);
}

function ssn(value: string, s: Stream): string {
  let area = 1 + s.int(899);
  if (area === 666) area = 667;
  const digits = `${String(area).padStart(3, '0')}${String(1 + s.int(99)).padStart(2, '0')}${String(1 + s.int(9999)).padStart(4, '0')}`;
  return reshape(value, digits);
}

function ip(value: string, s: Stream): string {
  if (value.includes(':')) return `2001:db8::${(1 + s.int(0xfffe)).toString(16)}`;
  return `${s.pick(['192.0.2', '198.51.100', '203.0.113'])}.${1 + s.int(254)}`;
}

function mac(value: string, s: Stream): string {
  let first = true;
  return value.replace(/[0-9A-Fa-f]{2}/g, (pair) => {
    // Locally administered, unicast: never a real vendor's address.
    const byte = first ? (s.int(256) | 0x02) & 0xfe : s.int(256);
    first = false;
    const hex = byte.toString(16).padStart(2, '0');
    return pair === pair.toUpperCase() ? hex.toUpperCase() : hex;
  });
}

function matchCase(shape: string, value: string): string {
  if (shape.length > 1 && shape === shape.toUpperCase() && shape !== shape.toLowerCase())
    return value.toUpperCase();
  if (shape === shape.toLowerCase() && shape !== shape.toUpperCase()) return value.toLowerCase();
  return value;
}

function person(value: string, s: Stream): string {
  const words = value.trim().split(/\s+/u);
  const first = s.pick(fakes.firstNames);
  const last = s.pick(fakes.lastNames);
  const fake = words.length === 1 ? (/^(?:M|Mme|Dr)\b/.test(value) ? last : first) : `${first} ${last}`;
  return matchCase(value, fake);
}

function email(s: Stream): string {
  const first = s.pick(fakes.firstNames).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const last = s.pick(fakes.lastNames).toLowerCase();
  return `${first}.${last}@${s.pick(['example.com', 'example.org', 'example.net'])}`;
}

function address(value: string, s: Stream): string {
  const french = /\b(?:rue|avenue|boulevard|allée|chemin|place|impasse|quai)\b/i.test(value);
  const street = s.pick(french ? fakes.streetsFr : fakes.streetsEn);
  return `${1 + s.int(199)} ${street}`;
}

function phone(value: string, s: Stream): string {
  // Keep the international prefix or the trunk and first digit (06, +33 6), which give the format.
  const keep = value.trim().startsWith('+') ? 3 : 2;
  return redigit(value, s, keep);
}

function age(s: Stream): string {
  return String(20 + s.int(60));
}

/** A fake value for the entity, or undefined when the entity has no surrogate form. */
export function surrogate(entity: string, value: string, attempt: number): string | undefined {
  const s = new Stream(`${entity}\u0000${value}\u0000${attempt}`);
  switch (entity) {
    case 'PERSON':
      return person(value, s);
    case 'EMAIL':
      return email(s);
    case 'PHONE':
      return phone(value, s);
    case 'CREDIT_CARD':
      return card(value, s);
    case 'IBAN':
      return iban(value, s);
    case 'FR_SIREN':
    case 'FR_SIRET':
      return luhnNumber(value, s);
    case 'FR_NIR':
      return nir(value, s);
    case 'US_SSN':
      return ssn(value, s);
    case 'IP':
      return ip(value, s);
    case 'MAC':
      return mac(value, s);
    case 'AGE':
      return age(s);
    case 'ADDRESS':
      return address(value, s);
    case 'LOCATION':
      return matchCase(value, s.pick(fakes.cities));
    case 'ORGANIZATION':
      return s.pick(fakes.organisations);
    default:
      return undefined;
  }
}
