import { Parser } from 'htmlparser2';
import { countInvisible } from './text.js';
import type { LinkInfo } from './types.js';
import { linkInfo } from './url.js';

export interface HtmlFacts {
  links: LinkInfo[];
  forms: number;
  passwordInputs: number;
  /** Characters of text inside elements hidden by inline style (display:none, font-size:0...). */
  hiddenChars: number;
  visibleChars: number;
  images: number;
  dataUris: number;
  scripts: number;
  /** Runs of 200+ base64 characters in scripts, attributes or text (smuggled pages, encoded payloads). */
  base64Blobs: number;
  /** Scripts that decode or write content at run time (atob, unescape, fromCharCode, document.write, eval). */
  obfuscatedScripts: number;
  /** Zero-width and bidi control characters in the text (html-to-text conversions may drop them). */
  invisibleChars: number;
  /** Where forms send what is typed into them. */
  formActions: string[];
}

const HIDDEN_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)|max-height\s*:\s*0|height\s*:\s*0(?:px)?\s*;\s*overflow\s*:\s*hidden/i;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const MAX_HTML = 2 * 1024 * 1024;
const MAX_SCRIPT = 256 * 1024;
const LINK_ATTRS = new Set(['href', 'src', 'action', 'background', 'srcset']);
// Bounded character class runs: linear scans, no nested quantifiers.
const BASE64_RUN = /[A-Za-z0-9+/]{200}/;
const OBFUSCATION =
  /\b(?:atob|unescape|fromCharCode|eval|decodeURIComponent)\s*\(|document\.write|window\.location|location\.(?:href|replace)/;

/** One pass over the HTML with a tolerant tokenizer: links with their visible text, and the tricks. */
export function analyseHtml(html: string): HtmlFacts {
  const facts: HtmlFacts = {
    links: [],
    forms: 0,
    passwordInputs: 0,
    hiddenChars: 0,
    visibleChars: 0,
    images: 0,
    dataUris: 0,
    scripts: 0,
    base64Blobs: 0,
    obfuscatedScripts: 0,
    formActions: [],
    invisibleChars: 0,
  };
  if (!html) return facts;
  const stack: Array<{ name: string; hidden: boolean }> = [];
  let anchor: { href: string; text: string } | undefined;
  let inScriptOrStyle = 0;
  let inScript = false;
  let script = '';
  const hidden = () => stack.some((s) => s.hidden);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const style = attrs.style ?? '';
        const isHidden = HIDDEN_STYLE.test(style) || 'hidden' in attrs;
        if (!VOID.has(name)) stack.push({ name, hidden: isHidden });
        if (name === 'a' && attrs.href) anchor = { href: attrs.href.trim(), text: '' };
        else if (name === 'form') {
          facts.forms++;
          if (attrs.action && facts.formActions.length < 10)
            facts.formActions.push(attrs.action.slice(0, 300));
        } else if (name === 'input' && (attrs.type ?? '').toLowerCase() === 'password')
          facts.passwordInputs++;
        else if (name === 'img') {
          facts.images++;
          if ((attrs.src ?? '').startsWith('data:')) facts.dataUris++;
        } else if (name === 'script' || name === 'style') inScriptOrStyle++;
        if (name === 'script') {
          facts.scripts++;
          inScript = true;
          script = '';
        }
        for (const [key, v] of Object.entries(attrs)) {
          if (v.startsWith('data:') && v.includes(';base64,') && name !== 'img') facts.dataUris++;
          // Link targets carry long tracking tokens legitimately: only other attributes count.
          else if (!LINK_ATTRS.has(key) && v.length >= 200 && BASE64_RUN.test(v)) facts.base64Blobs++;
        }
      },
      ontext(text) {
        if (inScript) {
          script += script.length < MAX_SCRIPT ? text : '';
          return;
        }
        if (inScriptOrStyle > 0) return;
        if (text.length >= 200 && BASE64_RUN.test(text)) facts.base64Blobs++;
        facts.invisibleChars += countInvisible(text);
        const visible = text.replace(/\s+/g, ' ').trim();
        if (!visible) return;
        if (hidden()) facts.hiddenChars += visible.length;
        else facts.visibleChars += visible.length;
        if (anchor) anchor.text += `${visible} `;
      },
      onclosetag(name) {
        if (name === 'a' && anchor) {
          const info = linkInfo(anchor.href, anchor.text.trim());
          if (info && facts.links.length < 500) facts.links.push(info);
          anchor = undefined;
        } else if (name === 'script' || name === 'style') inScriptOrStyle = Math.max(0, inScriptOrStyle - 1);
        if (name === 'script' && inScript) {
          inScript = false;
          if (OBFUSCATION.test(script)) facts.obfuscatedScripts++;
          if (BASE64_RUN.test(script)) facts.base64Blobs++;
        }
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]!.name === name) {
            stack.length = i;
            break;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html);
  parser.end();
  return facts;
}
