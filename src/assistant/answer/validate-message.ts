/**
 * The first gate of a turn: a message must be text of bounded size with nothing a person would not
 * type (control characters, broken UTF-16). Anything else gets a clear refusal, not an exception,
 * because it is the customer who must read the reason.
 */
import type { RefusalReason } from '../types.js';

export const MAX_MESSAGE_CHARS = 2000;
/** Tab, line feed and carriage return are the only control characters a chat message needs. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export type MessageCheck = { ok: true; text: string } | { ok: false; reason: RefusalReason };

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function validateMessage(message: unknown, maxChars = MAX_MESSAGE_CHARS): MessageCheck {
  if (typeof message !== 'string') return { ok: false, reason: 'malformed' };
  if (message.length > maxChars) return { ok: false, reason: 'too-long' };
  const text = message.normalize('NFC').trim();
  if (!text || hasControlCharacter(text) || LONE_SURROGATE.test(text))
    return { ok: false, reason: 'malformed' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, reason: 'malformed' };
  return { ok: true, text };
}
