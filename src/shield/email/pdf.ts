/**
 * Links written in a PDF attachment's link annotations (`/URI (...)` or `/URI <hex>`), read from the raw
 * bytes without a PDF library: only annotations stored uncompressed are seen, which is how most
 * phishing PDFs (one page, one big button) are made. Compressed object streams are not inflated.
 */
const MAX_PDF_SCAN = 5 * 1024 * 1024;
const MAX_LINKS = 20;
const LITERAL = /\/URI\s{0,5}\((https?:\/\/[^)\s]{1,2000})\)/g;
const HEX = /\/URI\s{0,5}<([0-9a-fA-F\s]{14,4000})>/g;

export function isPdf(content: Buffer): boolean {
  return content.length > 8 && content.subarray(0, 1024).includes('%PDF-');
}

export function pdfLinks(content: Buffer): string[] {
  if (!isPdf(content)) return [];
  const text = content.subarray(0, MAX_PDF_SCAN).toString('latin1');
  const out = new Set<string>();
  for (const m of text.matchAll(LITERAL)) {
    out.add(m[1]!.replace(/\\(.)/g, '$1'));
    if (out.size >= MAX_LINKS) return [...out];
  }
  for (const m of text.matchAll(HEX)) {
    const decoded = Buffer.from(m[1]!.replace(/\s/g, ''), 'hex').toString('latin1');
    if (/^https?:\/\//i.test(decoded)) out.add(decoded);
    if (out.size >= MAX_LINKS) break;
  }
  return [...out];
}
