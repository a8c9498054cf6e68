/** E-mail analysis: shared types. Reasons carry a message id and safe evidence; text comes from messages.ts. */
export type EmailVerdict = 'clean' | 'suspicious' | 'phishing';

export type SignalGroup =
  | 'impersonation'
  | 'links'
  | 'lures'
  | 'html'
  | 'attachments'
  | 'authentication'
  /** Combinations of signals from other groups (lure + risky link, brand + lure + link, BEC). */
  | 'context';

export interface Reason {
  /** Stable id, e.g. `links.text-mismatch`. */
  id: string;
  group: SignalGroup;
  points: number;
  /** Where it was seen: a header name, `link`, `body`, `attachment`. */
  where: string;
  /** What triggered it, safe to show: domains, file names, matched lure phrases. Never the body. */
  evidence: string;
  /** In the reader's language. */
  message: string;
}

export interface AddressInfo {
  address: string;
  name: string;
  domain: string;
}

export interface LinkInfo {
  href: string;
  /** Visible text of the anchor (HTML) or the URL itself (plain text). */
  text: string;
  host: string;
  registrable: string;
  /** Open redirectors the link goes through before its real host (google.com/url...). */
  via: string[];
  /** Where it was found: an HTML anchor, plain text, a QR code in an image, or a PDF attachment. */
  source: 'html' | 'text' | 'qr' | 'pdf';
}

export interface AttachmentInfo {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface ParsedEmail {
  from: AddressInfo | undefined;
  replyTo: AddressInfo[];
  returnPath: AddressInfo | undefined;
  subject: string;
  messageId: string;
  date: string | undefined;
  text: string;
  html: string;
  links: LinkInfo[];
  htmlFacts: import('./html.js').HtmlFacts;
  attachments: AttachmentInfo[];
  /** Text of QR codes found in images (links among them are also in `links`). */
  qrCodes: Array<{ filename: string; text: string }>;
  authenticationResults: string[];
  /** Received-SPF lines (topmost first), used offline when there is no Authentication-Results. */
  receivedSpf: string[];
  headerCount: number;
}

export interface Protection {
  /** Brands the workspace protects, with their legitimate sending domains. */
  brands: Array<{ name: string; aliases: string[]; domains: string[] }>;
  /** People whose names are used in CEO fraud (display names). */
  vips: string[];
  /**
   * The workspace's receiving servers (authserv-id, RFC 8601). When set, offline analysis trusts only
   * Authentication-Results headers they wrote: anyone can add such a header before the mail reaches us.
   */
  authservIds?: string[];
}

export interface AuthSummary {
  source: 'live' | 'resolver' | 'header' | 'none';
  spf: string;
  dkim: string;
  dmarc: string;
  arc: string;
  /** Microsoft's composite authentication (compauth) when the receiving server recorded it. */
  compauth: string;
  /** Domain whose DMARC policy applied (the From domain). */
  domain: string;
}

export interface EmailAnalysis {
  score: number;
  verdict: EmailVerdict;
  reasons: Reason[];
  subject: string;
  from: string;
  auth: AuthSummary;
  messageSha256: string;
  stats: { bytes: number; ms: number; links: number; attachments: number };
}
