import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { matches } from './support/text.js';

const meta = piiMeta({
  name: 'url_credentials',
  description: {
    en: 'URLs that carry a user name and password (scheme://user:pass@host).',
    fr: 'URL qui contiennent un identifiant et un mot de passe (schema://user:pass@hôte).',
  },
  example: 'https://admin:s3cret@intranet.example.com/',
  found: { en: 'Credentials inside a URL', fr: 'Identifiants dans une URL' },
});

// Group 1 is the user-info (user:password); only that part is reported, the host stays readable.
const URL_WITH_USERINFO =
  /\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/([^\s:@/?#]{1,128}:[^\s@/?#]{1,256})@[\p{L}\p{N}.-]{1,253}/gu;

export const urlCredentialsDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    for (const m of matches(URL_WITH_USERINFO, text)) {
      const userinfo = m[1] ?? '';
      const start = m.index + m[0].indexOf('://') + 3;
      const end = start + userinfo.length;
      out.push({
        messageId: 'found',
        data: { entity: 'URL_CREDENTIALS' },
        start,
        end,
        entity: 'URL_CREDENTIALS',
        confidence: userinfo.endsWith(':') ? 0.5 : 0.95,
      });
    }
    return out;
  },
};
