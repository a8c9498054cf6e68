/**
 * Generic secrets: a value assigned to a key word (api_key, secret, token, password, mot de passe,
 * Passwort...) that looks like a credential: high entropy for keys and tokens, mixed character classes
 * for passwords. Values that a provider rule already reports are left to that rule.
 */
import type { Detection, Detector } from '../../types.js';
import { isPlaceholder, shannonEntropy } from './checks.js';
import { type CompiledSecretRule, lowerOnce } from './compile.js';
import { SECRET_ENTITY, secretMeta } from './provider.js';

const PASSWORD_WORDS = /^(?:password|passwd|passphrase|pwd|mot[ _-]de[ _-]passe|mdp|passwort|kennwort)$/i;

// Key word, an identifier tail (`_ID`, `Key`), an assignment (=, :, =>, is, est, ist), then the value.
// Every repetition is bounded and the parts are separated by distinct characters.
const ASSIGNMENT =
  /(?<![\p{L}\p{N}])(?<kw>api[_ .-]?key|apikey|api[_ .-]?secret|access[_ .-]?key|secret[_ .-]?key|private[_ .-]?key|client[_ .-]?secret|app[_ .-]?secret|auth[_ .-]?token|access[_ .-]?token|refresh[_ .-]?token|secret|token|jeton|cl[eé] (?:d['’]api|secr[eè]te|api)|password|passwd|passphrase|pwd|mot[ _-]de[ _-]passe|mdp|passwort|kennwort)[\p{L}\p{N}_.-]{0,20}["'`]?\s{0,3}(?:=>|:=|[:=]|\s(?:is|est|ist|lautet)(?:\s{0,2}:)?)\s{0,3}["'`]?(?<value>[^\s"'`,;<>()[\]{}]{6,200})/giu;

const BEARER = /\bBearer\s{1,3}(?<value>[A-Za-z0-9._~+/=-]{20,4000})/g;

const MAX_FINDINGS = 100;

function charClasses(v: string): number {
  return (
    Number(/[a-z]/.test(v)) +
    Number(/[A-Z]/.test(v)) +
    Number(/[0-9]/.test(v)) +
    Number(/[^A-Za-z0-9]/.test(v))
  );
}

export function looksLikePassword(value: string): boolean {
  if (value.length < 6 || value.length > 128 || isPlaceholder(value)) return false;
  if (/^https?:/i.test(value)) return false;
  if (/^\d+$/.test(value)) return value.length >= 6;
  return charClasses(value) >= 2 && /[^A-Za-z]/.test(value);
}

export function looksLikeKey(value: string): boolean {
  if (value.length < 16 || isPlaceholder(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false;
  return shannonEntropy(value) >= (value.length >= 20 ? 3.5 : 3.2);
}

function trimValue(value: string): string {
  // Sentence punctuation after the value; '!' and '?' stay, as passwords often end with them.
  return value.replace(/[.:]+$/u, (tail) => (tail.length === value.length ? tail : ''));
}

const meta = secretMeta(
  {
    id: 'secret.generic',
    label: { en: 'credential assigned to a key word', fr: 'identifiant secret assigné à un mot-clé' },
    example: 'api_key = "a long random string", mot de passe : Soleil2024!',
  },
  'warn',
);

export function genericSecretDetector(providers: CompiledSecretRule[]): Detector {
  return {
    meta,
    detect(text) {
      const out: Detection[] = [];
      let providerSpans: Array<{ start: number; end: number }> | undefined;
      const coveredByProvider = (start: number, end: number): boolean => {
        providerSpans ??= providers.flatMap((p) => p.find(text, lowerOnce(text)));
        return providerSpans.some((s) => s.start < end && start < s.end);
      };
      const push = (start: number, value: string, password: boolean) => {
        if (out.length >= MAX_FINDINGS || coveredByProvider(start, start + value.length)) return;
        out.push({
          messageId: 'found',
          data: { kind: password ? 'password' : 'key' },
          start,
          end: start + value.length,
          entity: SECRET_ENTITY,
          confidence: password ? 0.7 : 0.8,
        });
      };
      for (const m of text.matchAll(ASSIGNMENT)) {
        const raw = m.groups?.value ?? '';
        const value = trimValue(raw);
        const password = PASSWORD_WORDS.test(m.groups?.kw ?? '');
        if (!(password ? looksLikePassword(value) : looksLikeKey(value))) continue;
        push(m.index + m[0].length - raw.length, value, password);
      }
      for (const m of text.matchAll(BEARER)) {
        const value = m.groups?.value ?? '';
        if (looksLikeKey(value)) push(m.index + m[0].length - value.length, value, false);
      }
      return out;
    },
  };
}
