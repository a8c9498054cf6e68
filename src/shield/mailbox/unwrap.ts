import { detectLanguage } from '../../guard/index.js';
import { parseMime } from '../email/parse.js';

/** What a staff member's forward holds: who reported, in which language, and the suspicious mail. */
export interface Report {
  reporter: string | null;
  locale: 'en' | 'fr';
  /** The message to analyse: the attached original when there is one, else the forward itself. */
  suspect: Buffer;
  attached: boolean;
  messageId: string;
  /** An automatic message (RFC 3834): never answered, so two robots cannot loop. */
  automatic: boolean;
}

/** Lines where the staff member's own words stop and an inline forward begins. */
const FORWARD_START =
  /^\s*(-{2,}|_{5,}|>|(begin forwarded message|début du message réexpédié|de\s?:|from\s?:)\s*)/i;

function ownWords(text: string): string {
  const out: string[] = [];
  for (const line of text.slice(0, 20_000).split('\n')) {
    if (FORWARD_START.test(line)) break;
    out.push(line);
  }
  return out.join('\n');
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value)
    return String((value as { value: unknown }).value);
  return '';
}

/** The reporter's language: the Content-Language header, else the words they wrote, else the default. */
export function reporterLocale(contentLanguage: string, ownText: string, fallback: 'en' | 'fr'): 'en' | 'fr' {
  const tag = contentLanguage.trim().toLowerCase().slice(0, 2);
  if (tag === 'fr' || tag === 'en') return tag;
  return detectLanguage(ownText, fallback);
}

/**
 * Unwraps a forwarded report. Forwarded "as attachment" (message/rfc822), the attachment is the
 * suspicious mail and the wrapper only says who reported it; forwarded inline, the wrapper is all
 * there is, so it is analysed itself.
 */
export async function unwrapReport(raw: Buffer, fallback: 'en' | 'fr'): Promise<Report> {
  const mail = await parseMime(raw);
  const from = mail.from?.value?.[0]?.address?.toLowerCase() ?? '';
  const attachment = (mail.attachments ?? []).find(
    (a) => a.contentType?.toLowerCase() === 'message/rfc822' && a.content && a.content.length > 0,
  );
  return {
    reporter: /^[^\s@]{1,64}@[^\s@]{1,253}$/.test(from) ? from : null,
    locale: reporterLocale(
      headerText(mail.headers.get('content-language')),
      ownWords(mail.text ?? ''),
      fallback,
    ),
    suspect: attachment ? attachment.content : raw,
    attached: Boolean(attachment),
    messageId: (mail.messageId ?? '').slice(0, 500),
    automatic: isAutomatic(mail, from),
  };
}

/** Senders that are robots by name (RFC 3834 section 2, RFC 5321 section 4.5.1). */
const ROBOT_SENDER = /^(mailer-daemon|postmaster)@/;

/**
 * Mail a robot sent (auto-replies, lists, bulk, bounces and delivery reports): answering it could start
 * a loop or bounce a reply at a bystander, so it is analysed but never answered.
 */
function isAutomatic(mail: Awaited<ReturnType<typeof parseMime>>, from: string): boolean {
  const auto = headerText(mail.headers.get('auto-submitted')).trim().toLowerCase();
  const precedence = headerText(mail.headers.get('precedence')).trim().toLowerCase();
  const returnPath = mail.headerLines?.find((h) => h.key === 'return-path')?.line ?? '';
  const contentType = headerText(mail.headers.get('content-type')).trim().toLowerCase();
  return (
    (auto !== '' && auto !== 'no') ||
    mail.headers.has('list-id') ||
    ['bulk', 'list', 'junk'].includes(precedence) ||
    mail.headers.has('x-autoreply') ||
    mail.headers.has('x-autorespond') ||
    /^return-path:\s*<\s*>\s*$/i.test(returnPath.slice(0, 300)) ||
    contentType === 'multipart/report' ||
    ROBOT_SENDER.test(from)
  );
}
