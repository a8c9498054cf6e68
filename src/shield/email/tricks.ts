import type { RawReason } from './lures.js';
import { countInvisible } from './text.js';
import type { ParsedEmail } from './types.js';

const IMAGE_TYPE = /^image\/(?:png|jpe?g|gif|webp|bmp)$/;

/** HTML tricks: hidden text, invisible characters, forms, text as images, embedded encoded data. */
export function trickReasons(mail: ParsedEmail, text: string): RawReason[] {
  const facts = mail.htmlFacts;
  const subject = mail.subject;
  const fromName = mail.from?.name ?? '';
  const out: RawReason[] = [];
  if (facts.hiddenChars >= 40)
    out.push({
      id: 'html.hidden-text',
      group: 'html',
      points: 10,
      where: 'body',
      evidence: `${facts.hiddenChars} characters`,
    });
  const invisible =
    countInvisible(`${subject}${fromName}`) +
    Math.max(countInvisible(text.slice(0, 100_000)), facts.invisibleChars);
  if (invisible >= 3)
    out.push({
      id: 'html.invisible-chars',
      group: 'html',
      points: 10,
      where: 'body',
      evidence: `${invisible}`,
    });
  if (facts.forms > 0) {
    out.push({
      id: 'html.form',
      group: 'html',
      points: facts.passwordInputs > 0 ? 30 : 4,
      where: 'body',
      evidence: facts.passwordInputs > 0 ? ' asking for a password' : '',
    });
  }
  // The message says almost nothing in text but shows pictures (inline or attached): its words are
  // in the images, out of reach of filters (and of this analyser, which does no OCR).
  const pictures = facts.images + mail.attachments.filter((a) => IMAGE_TYPE.test(a.contentType)).length;
  const words = Math.max(facts.visibleChars, text.replace(/\s+/g, ' ').trim().length);
  if (pictures > 0 && words < 120) {
    out.push({
      id: 'html.text-as-image',
      group: 'html',
      points: 10,
      where: 'body',
      evidence: `${pictures} image(s), ${words} characters of text`,
    });
  }
  if (facts.base64Blobs > 0 || facts.obfuscatedScripts > 0)
    out.push({
      id: 'html.encoded-content',
      group: 'html',
      points: 12,
      where: 'body',
      evidence: `${facts.base64Blobs} base64 block(s), ${facts.obfuscatedScripts} decoding script(s)`,
    });
  if (facts.dataUris > 0)
    out.push({
      id: 'html.embedded-data',
      group: 'html',
      points: 5,
      where: 'body',
      evidence: `${facts.dataUris} data URI(s)`,
    });
  return out;
}
