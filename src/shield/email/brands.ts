import { readFileSync } from 'node:fs';
import { remove as removeConfusableLetters } from 'confusables';
import { normaliseForMatching } from './text.js';
import type { Protection } from './types.js';

type Brand = Protection['brands'][number];
const removeConfusables = (text: string): string => removeConfusableLetters(text);

let builtin: Brand[] | undefined;

/** Brands most impersonated in phishing, with their official domains (data/brands.json). */
export function builtinBrands(): Brand[] {
  builtin ??= (
    JSON.parse(readFileSync(new URL('./data/brands.json', import.meta.url), 'utf8')) as { brands: Brand[] }
  ).brands;
  return builtin;
}

// Short or everyday words count only in a sender's display name, never in a body.
const AMBIGUOUS = new Set([
  'orange',
  'free',
  'apple',
  'meta',
  'teams',
  'amazon',
  'google',
  'ups',
  'edf',
  'ants',
  'caixa',
  'outlook',
  'correos',
  'sfr',
  'amex',
  'itau',
  'usps',
  'bbva',
  'spotify',
  'vinted',
  'zoom',
  'aeat',
  'antai',
  'finanzamt',
]);

/** Text prepared once for brand lookups (normalising per brand made this the hottest path). */
export function brandText(text: string, inBody: boolean): string {
  // Display names are short: undo look-alike letters there ("Micrоsoft" with a Cyrillic o).
  return normaliseForMatching(inBody ? text : removeConfusables(text.slice(0, 300)));
}

const aliasKeys = new WeakMap<Brand, Array<{ key: string; everyday: boolean }>>();

function keysOf(brand: Brand): Array<{ key: string; everyday: boolean }> {
  let keys = aliasKeys.get(brand);
  if (!keys) {
    keys = [brand.name, ...brand.aliases].map((alias) => {
      const key = normaliseForMatching(alias);
      return { key, everyday: AMBIGUOUS.has(key.trim()) || key.trim().length < 5 };
    });
    aliasKeys.set(brand, keys);
  }
  return keys;
}

/** The brand's name when `prepared` (from `brandText`) names it. */
export function mentionsBrand(prepared: string, brand: Brand, inBody: boolean): string | undefined {
  for (const { key, everyday } of keysOf(brand)) {
    if (inBody && everyday) continue;
    // In a display name an everyday word counts only where the name starts with it ("Apple Support",
    // not "Lockergnome Apple Core").
    if (everyday ? prepared.startsWith(key) : prepared.includes(key)) return brand.name;
  }
  return undefined;
}

export function belongsTo(registrable: string, brand: Brand): boolean {
  return brand.domains.some((d) => registrable === d || registrable.endsWith(`.${d}`));
}
