/**
 * Exports a draft as Markdown, HTML or plain text with the AI disclosure its involvement requires,
 * and embeds a signed provenance manifest in HTML. The manifest's hash covers the document without
 * its manifest block, so `verifyExport` strips exactly that block before hashing.
 */

import type { KeyObject } from 'node:crypto';
import { AppError } from '../core/errors.js';
import type { BriefInput } from './brief.js';
import { applyDisclosure, type DisclosureFormat, type DisclosureWording } from './disclosure.js';
import type { Draft, Involvement, Section } from './draft.js';
import { escapeHtml, scriptSafeJson } from './html.js';
import {
  buildManifest,
  type Manifest,
  type SignedManifest,
  type Signer,
  signManifest,
  type VerifyResult,
  verifyManifest,
} from './provenance.js';

export type ExportFormat = DisclosureFormat;

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};
export const EXTENSIONS: Record<ExportFormat, string> = { md: 'md', html: 'html', text: 'txt' };
export const MANIFEST_SCRIPT_TYPE = 'application/vigie-provenance+json';

export interface ExportOptions {
  /** Defaults to the draft's own involvement. */
  involvement?: Involvement;
  wording?: DisclosureWording;
}

export interface ExportedDraft {
  content: string;
  mediaType: string;
  extension: string;
}

// Bounded and without nested quantifiers: a scheme and up to 2000 non-space characters.
const URL_IN_TEXT = /https?:\/\/[^\s<>"]{1,2000}/g;

/** Escapes text and makes its URLs links (trailing punctuation stays outside the link). */
function inlineHtml(text: string): string {
  let out = '';
  let cursor = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(/[.,;:!?)»]+$/u, '');
    const at = m.index ?? 0;
    out += escapeHtml(text.slice(cursor, at));
    out += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    cursor = at + url.length;
  }
  return (out + escapeHtml(text.slice(cursor))).replaceAll('\n', '<br>\n');
}

function sectionHtml(s: Section): string {
  const cls = ` class="${escapeHtml(s.name)}"`;
  switch (s.kind ?? 'paragraph') {
    case 'title':
      return `<h1${cls}>${inlineHtml(s.text)}</h1>`;
    case 'subtitle':
      return `<p${cls}><strong>${inlineHtml(s.text)}</strong></p>`;
    case 'heading':
      return `<h2${cls}>${inlineHtml(s.text)}</h2>`;
    case 'list':
      return `<ul${cls}>\n${s.text
        .split('\n')
        .map((item) => `<li>${inlineHtml(item)}</li>`)
        .join('\n')}\n</ul>`;
    case 'quote':
      return `<blockquote${cls}>${inlineHtml(s.text)}</blockquote>`;
    default:
      return `<p${cls}>${inlineHtml(s.text)}</p>`;
  }
}

export function draftToHtml(draft: Draft): string {
  const body = draft.sections
    .filter((s) => s.text.length > 0)
    .map(sectionHtml)
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${draft.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(draft.title)}</title>`,
    '</head>',
    '<body>',
    '<article>',
    body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function exportDraft(draft: Draft, format: ExportFormat, options: ExportOptions = {}): ExportedDraft {
  const involvement = options.involvement ?? draft.involvement;
  const base =
    format === 'html' ? draftToHtml(draft) : format === 'md' ? `${draft.markdown}\n` : `${draft.text}\n`;
  return {
    content: applyDisclosure(base, format, involvement, draft.lang, options.wording),
    mediaType: MEDIA_TYPES[format],
    extension: EXTENSIONS[format],
  };
}

function manifestBlock(manifest: Manifest): string {
  return `<script type="${MANIFEST_SCRIPT_TYPE}">${scriptSafeJson(JSON.stringify(manifest))}</script>\n`;
}

/** Puts the manifest in the HTML's <head> (or at its start): the only bytes the content hash skips. */
export function embedManifest(html: string, manifest: Manifest): string {
  if (html.includes(MANIFEST_SCRIPT_TYPE))
    throw new AppError('CONFLICT', 'This HTML already carries a manifest');
  const close = html.indexOf('</head>');
  const at = Math.max(close, 0);
  return `${html.slice(0, at)}${manifestBlock(manifest)}${html.slice(at)}`;
}

const OPEN_TAG = `<script type="${MANIFEST_SCRIPT_TYPE}">`;
const CLOSE_TAG = '</script>\n';
const MAX_MANIFEST_CHARS = 64 * 1024;

/** Splits an exported HTML document into its manifest and the bytes the manifest's hash covers. */
export function extractManifest(html: string): { manifest: unknown; content: string } | undefined {
  const start = html.indexOf(OPEN_TAG);
  if (start < 0 || html.indexOf(OPEN_TAG, start + 1) >= 0) return undefined;
  const end = html.indexOf(CLOSE_TAG, start);
  if (end < 0 || end - start > MAX_MANIFEST_CHARS) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(html.slice(start + OPEN_TAG.length, end));
  } catch {
    manifest = undefined;
  }
  return { manifest, content: html.slice(0, start) + html.slice(end + CLOSE_TAG.length) };
}

/**
 * Verifies an exported file: with a sidecar manifest when given, else the one embedded in HTML.
 * `vigie provenance verify` and the public verify page are one call to this.
 */
export function verifyExport(
  bytes: Uint8Array | string,
  manifest?: unknown,
  trustedPublicKey?: Parameters<typeof verifyManifest>[2],
): VerifyResult {
  if (manifest !== undefined) return verifyManifest(bytes, manifest, trustedPublicKey);
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  const text = buffer.toString('utf8');
  // A byte that is not valid UTF-8 would not survive the round trip: that file was modified.
  if (!Buffer.from(text, 'utf8').equals(buffer)) return { ok: false, reason: 'content-modified' };
  const embedded = extractManifest(text);
  if (!embedded) return { ok: false, reason: 'malformed' };
  return verifyManifest(embedded.content, embedded.manifest, trustedPublicKey);
}

export interface SignedExportOptions extends ExportOptions {
  brief?: BriefInput | null;
  author: string;
  reviewers?: string[];
  timestamps?: Record<string, string>;
  ledgerSeq?: number | null;
  /** The workspace signer, e.g. `(bytes) => keyring.sign(bytes)`. */
  sign: Signer;
  /** Its Ed25519 public key (raw base64, e.g. `keyring.signingPublicKey.publicKey`, or a KeyObject). */
  publicKey: string | KeyObject;
}

export interface SignedExport extends ExportedDraft {
  manifest: SignedManifest;
}

/**
 * The whole export in one call: disclosure, signed manifest over the exact bytes, and for HTML the
 * manifest embedded. `content` is what to publish; `manifest` is also the sidecar for md and text.
 */
export function exportSigned(draft: Draft, format: ExportFormat, options: SignedExportOptions): SignedExport {
  const involvement = options.involvement ?? draft.involvement;
  const exported = exportDraft(draft, format, { ...options, involvement });
  const manifest = signManifest(
    buildManifest({
      content: exported.content,
      mediaType: exported.mediaType,
      brief: options.brief ?? null,
      provider: draft.provider,
      model: draft.model,
      author: options.author,
      reviewers: options.reviewers ?? [],
      timestamps: options.timestamps ?? {},
      ledgerSeq: options.ledgerSeq ?? null,
      involvement,
    }),
    options.sign,
    options.publicKey,
  );
  const content = format === 'html' ? embedManifest(exported.content, manifest) : exported.content;
  return { ...exported, content, manifest };
}
