import { type AddressObject, simpleParser } from 'mailparser';
import { AppError } from '../../core/errors.js';
import { analyseHtml } from './html.js';
import { pdfLinks } from './pdf.js';
import { decodeQrCodes } from './qr.js';
import type { AddressInfo, AttachmentInfo, LinkInfo, ParsedEmail } from './types.js';
import { extractTextLinks, linkInfo } from './url.js';

/** Larger messages are refused: the CLI and API report it clearly. */
export const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;
const MAX_LINKS = 500;
const MAX_ATTACHMENTS = 50;

function firstAddress(value: AddressObject | AddressObject[] | undefined): AddressInfo[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: AddressInfo[] = [];
  for (const obj of list) {
    for (const a of obj.value ?? []) {
      const address = (a.address ?? '').toLowerCase();
      out.push({
        address,
        name: a.name ?? '',
        domain: address.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : '',
      });
    }
  }
  return out;
}

function returnPathOf(headers: Map<string, unknown>): AddressInfo | undefined {
  const raw = headers.get('return-path');
  const text =
    typeof raw === 'string'
      ? raw
      : ((raw as { text?: string })?.text ??
        (raw as { value?: { address?: string }[] })?.value?.[0]?.address);
  if (!text) return undefined;
  const m = /<?([^<>\s@]{1,256}@[^<>\s]{1,256})>?/.exec(text);
  if (!m) return undefined;
  const address = m[1]!.toLowerCase();
  return { address, name: '', domain: address.slice(address.lastIndexOf('@') + 1) };
}

export type MimeMessage = Awaited<ReturnType<typeof simpleParser>>;

/** The bounded MIME parse every reader of raw messages shares: size limit first, one clear error. */
export async function parseMime(raw: Buffer): Promise<MimeMessage> {
  if (raw.length > MAX_MESSAGE_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `messages are limited to ${MAX_MESSAGE_BYTES / 1024 / 1024} MB`);
  }
  try {
    return await simpleParser(raw, {
      skipImageLinks: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 2 * 1024 * 1024,
    });
  } catch (err) {
    throw new AppError(
      'VALIDATION',
      `the message cannot be parsed: ${(err as Error).message.split('\n')[0]?.slice(0, 200)}`,
    );
  }
}

/** Parses a raw message (never fetching anything it references) into what the signals need. */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const mail = await parseMime(raw);
  const html = typeof mail.html === 'string' ? mail.html : '';
  const text = mail.text ?? '';
  const htmlFacts = analyseHtml(html);
  const attachments: AttachmentInfo[] = (mail.attachments ?? []).slice(0, MAX_ATTACHMENTS).map((a) => ({
    filename: (a.filename ?? '').slice(0, 255),
    contentType: (a.contentType ?? 'application/octet-stream').toLowerCase(),
    size: a.size ?? a.content?.length ?? 0,
    content: a.content ?? Buffer.alloc(0),
  }));
  const qrCodes = decodeQrCodes(attachments);
  const qrLinks = qrCodes.flatMap((q) => linkInfo(q.text, `QR code in ${q.filename}`, 'qr') ?? []);
  const pdfAttachmentLinks = attachments.flatMap((a) =>
    pdfLinks(a.content).flatMap((href) => linkInfo(href, `link in ${a.filename || 'PDF'}`, 'pdf') ?? []),
  );
  const links: LinkInfo[] = [
    ...htmlFacts.links,
    ...extractTextLinks(text),
    ...qrLinks,
    ...pdfAttachmentLinks,
  ].slice(0, MAX_LINKS);
  const ar = mail.headers.get('authentication-results');
  const authenticationResults = (Array.isArray(ar) ? ar : ar ? [ar] : []).map((v) =>
    typeof v === 'string' ? v : JSON.stringify(v),
  );
  // mailparser keeps only the last occurrence of some headers: read every Authentication-Results line.
  const allAr = mail.headerLines
    .filter((h) => h.key === 'authentication-results')
    .map((h) => h.line.replace(/^authentication-results:\s*/i, ''));
  return {
    from: firstAddress(mail.from)[0],
    replyTo: firstAddress(mail.replyTo),
    returnPath: returnPathOf(mail.headers as Map<string, unknown>),
    subject: (mail.subject ?? '').slice(0, 1000),
    messageId: (mail.messageId ?? '').slice(0, 500),
    date: mail.date ? mail.date.toISOString() : undefined,
    text,
    html,
    links,
    htmlFacts,
    attachments,
    qrCodes,
    authenticationResults: allAr.length > 0 ? allAr : authenticationResults,
    receivedSpf: mail.headerLines
      .filter((h) => h.key === 'received-spf')
      .map((h) => h.line.replace(/^received-spf:\s*/i, '').slice(0, 500)),
    headerCount: mail.headerLines.length,
  };
}
