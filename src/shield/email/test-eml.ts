/** Builds small raw messages for the tests: headers as given, UTF-8 bodies, base64 attachments. */
export interface EmlParts {
  from?: string;
  to?: string;
  replyTo?: string;
  returnPath?: string;
  subject?: string;
  text?: string;
  html?: string;
  /** Authentication-Results value, as the receiving server would record it. */
  auth?: string;
  headers?: string[];
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
}

const encodeWord = (v: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check
  /^[\x00-\x7f]*$/.test(v) ? v : `=?UTF-8?B?${Buffer.from(v).toString('base64')}?=`;

/** `Name <address>` with the name encoded when it is not ASCII. */
function addressHeader(value: string): string {
  const m = /^(.*?)\s*<([^>]*)>$/.exec(value);
  return m ? `${encodeWord(m[1]!.replace(/^"|"$/g, ''))} <${m[2]}>` : value;
}

function part(type: string, body: string): string {
  return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}\r\n`;
}

export function buildEml(p: EmlParts): Buffer {
  const lines = [
    ...(p.returnPath ? [`Return-Path: <${p.returnPath}>`] : []),
    ...(p.auth ? [`Authentication-Results: mx.test.example; ${p.auth}`] : []),
    ...(p.headers ?? []),
    `From: ${addressHeader(p.from ?? 'Alice <alice@sender.example>')}`,
    `To: ${p.to ?? 'Camille <camille@acme.example>'}`,
    ...(p.replyTo ? [`Reply-To: ${p.replyTo}`] : []),
    `Subject: ${encodeWord(p.subject ?? 'Hello')}`,
    'Date: Tue, 14 Oct 2025 08:00:00 +0000',
    'Message-ID: <test@sender.example>',
    'MIME-Version: 1.0',
  ];
  const bodies: string[] = [];
  if (p.text !== undefined) bodies.push(part('text/plain', p.text));
  if (p.html !== undefined) bodies.push(part('text/html', p.html));
  const alternative =
    bodies.length === 1
      ? bodies[0]!
      : `Content-Type: multipart/alternative; boundary="alt"\r\n\r\n${bodies.map((b) => `--alt\r\n${b}`).join('')}--alt--\r\n`;
  const attachments = p.attachments ?? [];
  const body =
    attachments.length === 0
      ? alternative
      : `Content-Type: multipart/mixed; boundary="mix"\r\n\r\n--mix\r\n${alternative}${attachments
          .map(
            (a) =>
              `--mix\r\nContent-Type: ${a.contentType}; name="${a.filename}"\r\nContent-Disposition: attachment; filename="${a.filename}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${a.content.toString('base64')}\r\n`,
          )
          .join('')}--mix--\r\n`;
  return Buffer.from(`${lines.join('\r\n')}\r\n${body ?? part('text/plain', '')}`);
}
