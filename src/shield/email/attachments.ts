import { analyseHtml } from './html.js';
import type { RawReason } from './lures.js';
import type { AttachmentInfo, LinkInfo } from './types.js';
import { listZip } from './zip.js';

const EXECUTABLE = new Set([
  'exe',
  'scr',
  'com',
  'pif',
  'bat',
  'cmd',
  'msi',
  'msp',
  'jar',
  'js',
  'jse',
  'vbs',
  'vbe',
  'wsf',
  'wsh',
  'ps1',
  'psm1',
  'hta',
  'lnk',
  'cpl',
  'reg',
  'dll',
  'apk',
  'appx',
  'msix',
  'url',
  'scf',
  'chm',
  'xll',
  'one',
  'application',
]);
const MACRO = new Set([
  'docm',
  'dotm',
  'xlsm',
  'xltm',
  'xlam',
  'pptm',
  'potm',
  'ppam',
  'ppsm',
  'xls',
  'doc',
  'ppt',
]);
const WEB = new Set(['html', 'htm', 'shtml', 'xhtml', 'svg', 'svgz', 'mht', 'mhtml']);
const DISK = new Set(['iso', 'img', 'vhd', 'vhdx', 'dmg']);
const ARCHIVE = new Set(['zip', 'rar', '7z']);
const DOCS = new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'txt', 'ppt', 'pptx']);

function ext(name: string): string {
  const i = name.lastIndexOf('.');
  return i >= 0
    ? name
        .slice(i + 1)
        .toLowerCase()
        .trim()
    : '';
}

// Legacy Office files (OLE) hold macros in a storage named _VBA_PROJECT (UTF-16 directory names).
const OLE_VBA = Buffer.from('_VBA_PROJECT', 'utf16le');
const MAX_HTML_ATTACHMENT = 2 * 1024 * 1024;

/** What an attached web page or SVG does: a login form, or code that decodes and writes a page. */
function inspectWebAttachment(a: AttachmentInfo): { login: boolean; smuggling: boolean; action: string } {
  const html = a.content.subarray(0, MAX_HTML_ATTACHMENT).toString('utf8');
  const facts = analyseHtml(html);
  const action =
    facts.formActions.map((x) => x.replace(/^https?:\/\//, '').split('/')[0]).find(Boolean) ?? '';
  return {
    login: facts.passwordInputs > 0 || facts.forms > 0,
    smuggling: facts.obfuscatedScripts > 0 || facts.base64Blobs > 0,
    action,
  };
}

/** Dangerous attachments by name, type and structure; archives are listed, never extracted. */
export function attachmentReasons(
  attachments: AttachmentInfo[],
  qrCodes: Array<{ filename: string; text: string }> = [],
  links: LinkInfo[] = [],
): RawReason[] {
  const out: RawReason[] = [];
  const add = (id: string, points: number, evidence: string) => {
    if (!out.some((r) => r.id === id))
      out.push({ id, group: 'attachments', points, where: 'attachment', evidence });
  };
  for (const a of attachments) {
    const name = a.filename || '(unnamed)';
    const e = ext(name);
    const parts = name.toLowerCase().split('.');
    if (parts.length >= 3 && DOCS.has(parts[parts.length - 2]!) && (EXECUTABLE.has(e) || WEB.has(e)))
      add('attachments.double-extension', 30, name);
    if (EXECUTABLE.has(e) || a.contentType === 'application/x-msdownload')
      add('attachments.executable', 40, name);
    if (WEB.has(e) || a.contentType === 'text/html' || a.contentType === 'image/svg+xml') {
      const page = inspectWebAttachment(a);
      if (page.login) add('attachments.html-login', 40, page.action ? `${name} → ${page.action}` : name);
      else if (page.smuggling) add('attachments.html-smuggling', 35, name);
      else add('attachments.html', 25, name);
    }
    if (DISK.has(e)) add('attachments.disk-image', 30, name);
    const entries = ARCHIVE.has(e) || e.endsWith('m') || e.endsWith('x') ? listZip(a.content) : undefined;
    if (MACRO.has(e) && (e.endsWith('m') || (!entries && a.content.includes(OLE_VBA))))
      add('attachments.macro', 30, name);
    if (entries) {
      if (entries.some((x) => /vbaproject\.bin$/i.test(x.name))) add('attachments.macro', 30, name);
      if (entries.some((x) => x.encrypted)) add('attachments.encrypted-archive', 25, name);
      const inner = entries.find(
        (x) => EXECUTABLE.has(ext(x.name)) || DISK.has(ext(x.name)) || WEB.has(ext(x.name)),
      );
      if (inner && ARCHIVE.has(e)) add('attachments.executable', 35, `${name} › ${inner.name.slice(0, 80)}`);
    }
  }
  // A document whose only job is a button to a web page: the link is judged by the link signals too.
  const pdfLink = links.find((l) => l.source === 'pdf');
  if (pdfLink) add('attachments.pdf-link', 5, `${pdfLink.text.replace(/^link in /, '')} → ${pdfLink.host}`);
  for (const q of qrCodes) {
    const target = /^https?:\/\/([^/?#\s]{1,253})/i.exec(q.text)?.[1];
    if (target) add('attachments.qr-link', 20, `${q.filename} → ${target.toLowerCase()}`);
  }
  return out;
}
