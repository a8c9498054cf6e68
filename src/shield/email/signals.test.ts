/**
 * One table per signal family: each invalid case names the reason it must raise, each valid case the
 * reasons it must not. English and French (and the other lure languages) side by side.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseEmail } from './analyse.js';
import { reasonMessages } from './messages.js';
import { buildEml, type EmlParts } from './test-eml.js';

interface Case {
  name: string;
  eml: EmlParts;
  /** Reason ids that must be present. */
  expect?: string[];
  /** Reason ids that must be absent. */
  absent?: string[];
}

const page = (inner: string) => `<html><body>${inner}</body></html>`;

const impersonation: Case[] = [
  // invalid
  {
    name: 'EN brand display name from an unrelated domain',
    eml: { from: 'PayPal <service@billing-center-4471.example>', subject: 'Receipt', text: 'Your receipt.' },
    expect: ['impersonation.display-name'],
  },
  {
    name: 'FR brand display name from an unrelated domain',
    eml: { from: 'La Poste <suivi@colis-avis-22.example>', subject: 'Votre colis', text: 'Bonjour.' },
    expect: ['impersonation.display-name'],
  },
  {
    name: 'display name hidden with zero-width characters still reads as the brand',
    eml: { from: 'Pay\u200bPal <x@random-88.example>', subject: 'Hello', text: 'Hi' },
    expect: ['impersonation.display-name'],
  },
  {
    name: 'an address in the display name that is not the sender',
    eml: { from: '"support@paypal.com" <x@random-88.example>', subject: 'Hello', text: 'Hi' },
    expect: ['impersonation.name-address'],
  },
  {
    name: 'lookalike sender domain (homoglyph)',
    eml: { from: 'Service <service@paypa1.com>', subject: 'Hello', text: 'Hi' },
    expect: ['impersonation.lookalike'],
  },
  {
    name: 'punycode sender domain',
    eml: { from: 'Service <service@xn--pypal-4ve.com>', subject: 'Hello', text: 'Hi' },
    expect: ['impersonation.punycode'],
  },
  {
    name: 'reply-to diverted to free webmail',
    eml: { from: 'Jean <jean@fournisseur.example>', replyTo: 'jean.compta@gmail.com', text: 'Bonjour' },
    expect: ['impersonation.reply-to'],
  },
  // valid
  {
    name: 'the brand writing from its own domain',
    eml: { from: 'PayPal <service@paypal.com>', subject: 'Receipt', text: 'Your receipt.' },
    absent: ['impersonation.display-name', 'impersonation.lookalike'],
  },
  {
    name: 'a newsletter whose name contains an everyday brand word (Apple) not at the start',
    eml: { from: 'Lockergnome Apple Core <news@lockergnome.example>', text: 'Tips of the week' },
    absent: ['impersonation.display-name'],
  },
  {
    name: 'webmail providers are not lookalikes of each other',
    eml: { from: 'Laura <laura@outlook.es>', text: 'Hola' },
    absent: ['impersonation.lookalike'],
  },
  {
    name: 'FR reply-to on the same organisation',
    eml: {
      from: 'Jean <jean@mail.fournisseur.example>',
      replyTo: 'compta@fournisseur.example',
      text: 'Bonjour',
    },
    absent: ['impersonation.reply-to'],
  },
];

const links: Case[] = [
  {
    name: 'anchor text shows a brand domain but leads elsewhere',
    eml: { html: page('<a href="https://evil-77.example/login">https://www.paypal.com/signin</a>') },
    expect: ['links.text-mismatch'],
  },
  {
    name: 'raw IP link',
    eml: { html: page('<a href="http://198.51.100.7/orange/">Identifiez-vous</a>') },
    expect: ['links.raw-ip'],
  },
  {
    name: 'shortener',
    eml: { text: 'Voir https://bit.ly/3abcd' },
    expect: ['links.shortener'],
  },
  {
    name: 'free hosting with a login path',
    eml: { html: page('<a href="https://acme-login.weebly.com/signin">Log in</a>') },
    expect: ['links.free-hosting', 'links.sensitive-path'],
  },
  {
    name: 'open redirector hides the target (Google /url)',
    eml: { html: page('<a href="https://www.google.com/url?q=https://mailbox-77.example/owa">Release</a>') },
    expect: ['links.redirect'],
  },
  {
    name: 'Safe Links are unwrapped to their target, and the target is judged',
    eml: {
      html: page(
        '<a href="https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fipfs.io%2Fipfs%2Fbafy%2Fowa.html&data=x">Open</a>',
      ),
    },
    expect: ['links.free-hosting'],
    absent: ['links.redirect'],
  },
  // valid
  {
    name: 'anchor text and target on the same site',
    eml: { html: page('<a href="https://www.example.org/news">www.example.org</a>') },
    absent: ['links.text-mismatch', 'links.redirect'],
  },
  {
    name: 'FR link to the sender’s own site',
    eml: {
      from: 'Banque <noreply@banque-exemple.example>',
      html: page('<a href="https://www.banque-exemple.example/compte/connexion">Mon espace</a>'),
    },
    absent: ['links.sensitive-path', 'links.text-mismatch'],
  },
];

const lures: Case[] = [
  {
    name: 'EN credentials',
    eml: { text: 'Please verify your account today.' },
    expect: ['lures.credentials'],
  },
  { name: 'FR credentials', eml: { text: 'Merci de vérifier votre compte.' }, expect: ['lures.credentials'] },
  { name: 'EN suspension', eml: { text: 'Your account has been suspended.' }, expect: ['lures.suspension'] },
  { name: 'FR suspension', eml: { text: 'Votre compte a été suspendu.' }, expect: ['lures.suspension'] },
  { name: 'PT parcel', eml: { text: 'Sua encomenda foi taxada.' }, expect: ['lures.parcel'] },
  { name: 'ES parcel', eml: { text: 'Su paquete está retenido en aduanas.' }, expect: ['lures.parcel'] },
  { name: 'DE suspension', eml: { text: 'Ihr Konto wurde gesperrt.' }, expect: ['lures.suspension'] },
  {
    name: 'EN gift cards',
    eml: { text: 'Buy 5 gift cards and scratch the back.' },
    expect: ['lures.gift-card'],
  },
  {
    name: 'FR bank details change',
    eml: { text: 'Voici notre nouveau RIB.' },
    expect: ['lures.payment-change'],
  },
  {
    name: 'FR tax refund',
    eml: { text: "Vous êtes éligible à un remboursement d'impôt." },
    expect: ['lures.tax-refund'],
  },
  { name: 'FR fine', eml: { text: 'Avis de contravention : amende de 35 €.' }, expect: ['lures.fine'] },
  {
    name: 'EN document share',
    eml: { text: 'Olivia shared a file with you.' },
    expect: ['lures.document-share'],
  },
  {
    name: 'greeting by e-mail address',
    eml: { text: 'Hello camille@acme.example,\nyour mailbox' },
    expect: ['lures.address-as-name'],
  },
  // valid
  {
    name: 'EN everyday message',
    eml: { text: 'The meeting moved to 3 pm. See you there.' },
    absent: ['lures.credentials'],
  },
  {
    name: 'FR everyday message',
    eml: { text: 'La réunion est déplacée à 15 h. À tout à l’heure.' },
    absent: ['lures.credentials', 'lures.urgency'],
  },
  {
    name: 'a greeting with a first name only is no signal (personalisation is not a red flag)',
    eml: { text: 'Bonjour Camille,\nvoici le compte rendu.' },
    absent: ['lures.address-as-name'],
  },
];

const tricks: Case[] = [
  {
    name: 'hidden text',
    eml: { html: page(`<p>Hi</p><div style="display:none">${'filler words '.repeat(10)}</div>`) },
    expect: ['html.hidden-text'],
  },
  {
    name: 'zero-width characters',
    eml: { text: 'Ne\u200btf\u200bli\u200bx' },
    expect: ['html.invisible-chars'],
  },
  {
    name: 'password form in the body',
    eml: { html: page('<form action="https://x.example/p"><input type="password"></form>') },
    expect: ['html.form'],
  },
  {
    name: 'text as image',
    eml: { html: page('<a href="https://x.example"><img src="https://x.example/b.png"></a>') },
    expect: ['html.text-as-image'],
  },
  {
    name: 'script decoding a base64 payload',
    eml: { html: page(`<script>document.write(atob("${'QUJD'.repeat(60)}"))</script><p>Bonjour</p>`) },
    expect: ['html.encoded-content'],
  },
  // valid
  {
    name: 'a plain HTML newsletter',
    eml: { html: page(`<p>${'News of the week. '.repeat(20)}</p><img src="https://news.example/logo.png">`) },
    absent: ['html.text-as-image', 'html.hidden-text', 'html.encoded-content'],
  },
];

const att = (filename: string, contentType: string, content: Buffer | string) => ({
  filename,
  contentType,
  content: Buffer.isBuffer(content) ? content : Buffer.from(content),
});

const attachments: Case[] = [
  {
    name: 'executable',
    eml: { text: 'x', attachments: [att('setup.exe', 'application/octet-stream', 'MZ')] },
    expect: ['attachments.executable'],
  },
  {
    name: 'double extension',
    eml: { text: 'x', attachments: [att('facture.pdf.exe', 'application/octet-stream', 'MZ')] },
    expect: ['attachments.double-extension'],
  },
  {
    name: 'HTML attachment with a login form',
    eml: {
      text: 'x',
      attachments: [
        att('VM.htm', 'text/html', '<form action="https://c.example/p"><input type="password"></form>'),
      ],
    },
    expect: ['attachments.html-login'],
  },
  {
    name: 'SVG that redirects (HTML smuggling)',
    eml: {
      text: 'x',
      attachments: [
        att('r.svg', 'image/svg+xml', '<svg><script>window.location="https://x.example"</script></svg>'),
      ],
    },
    expect: ['attachments.html-smuggling'],
  },
  {
    name: 'PDF with a link annotation to free hosting',
    eml: {
      text: 'Votre facture est disponible.',
      attachments: [
        att(
          'facture.pdf',
          'application/pdf',
          '%PDF-1.4\n1 0 obj << /Type /Annot /A << /S /URI /URI (https://factures-22.weebly.com/login) >> >>',
        ),
      ],
    },
    expect: ['attachments.pdf-link', 'links.free-hosting'],
  },
  {
    name: 'PDF with a hex-encoded link annotation',
    eml: {
      text: 'Invoice attached.',
      attachments: [
        att(
          'inv.pdf',
          'application/pdf',
          `%PDF-1.7\n<< /URI <${Buffer.from('https://198.51.100.9/pay').toString('hex')}> >>`,
        ),
      ],
    },
    expect: ['attachments.pdf-link', 'links.raw-ip'],
  },
  {
    name: 'disk image',
    eml: { text: 'x', attachments: [att('docs.iso', 'application/octet-stream', 'x')] },
    expect: ['attachments.disk-image'],
  },
  // valid
  {
    name: 'a PDF invoice',
    eml: { text: 'Facture ci-jointe.', attachments: [att('facture.pdf', 'application/pdf', '%PDF-1.4')] },
    absent: ['attachments.executable', 'attachments.html', 'attachments.macro'],
  },
  {
    name: 'a legacy .doc without a VBA project',
    eml: { text: 'Report', attachments: [att('report.doc', 'application/msword', Buffer.alloc(64))] },
    absent: ['attachments.macro'],
  },
];

const authentication: Case[] = [
  {
    name: 'DMARC fail recorded by the receiving server',
    eml: { auth: 'spf=fail smtp.mailfrom=bulk.example; dkim=none; dmarc=fail header.from=acme.example' },
    expect: ['authentication.dmarc-fail', 'authentication.spf-fail'],
  },
  {
    name: 'Microsoft composite authentication fail',
    eml: {
      auth: 'spf=pass smtp.mailfrom=x.example; dkim=none; dmarc=none action=none header.from=x.example;compauth=fail reason=601',
    },
    expect: ['authentication.compauth-fail'],
  },
  {
    name: 'a brand name without authentication',
    eml: {
      from: 'DHL Express <n@track-1.example>',
      auth: 'spf=softfail smtp.mailfrom=track-1.example; dkim=none; dmarc=none',
    },
    expect: ['authentication.brand-unauthenticated'],
  },
  // valid
  {
    name: 'everything passes',
    eml: { auth: 'spf=pass smtp.mailfrom=sender.example; dkim=pass header.d=sender.example; dmarc=pass' },
    absent: ['authentication.dmarc-fail', 'authentication.spf-fail', 'authentication.dkim-fail'],
  },
];

const context: Case[] = [
  {
    name: 'EN brand + credential lure + link elsewhere',
    eml: {
      from: 'Netflix <info@billing-77.example>',
      html: page(
        '<p>Please update your payment details.</p><a href="https://billing-77.example/pay">Update</a>',
      ),
    },
    expect: ['context.brand-lure-link'],
  },
  {
    name: 'FR lure + risky destination',
    eml: {
      html: page('<p>Votre compte sera suspendu.</p><a href="https://compte-22.weebly.com/">Valider</a>'),
    },
    expect: ['context.lure-risky-link'],
  },
  {
    name: 'FR BEC: new bank details with a reply diverted to webmail',
    eml: {
      from: 'Compta <compta@fournisseur.example>',
      replyTo: 'compta.f@gmail.com',
      text: 'Voici nos nouvelles coordonnées bancaires.',
    },
    expect: ['context.bec'],
  },
  {
    name: 'EN callback scam: brand renewal and a phone number',
    eml: {
      from: 'McAfee <billing@renewals-55.example>',
      text: 'Your subscription has been renewed for $399.99. If you did not authorize this, call us at +1 (555) 010-4477.',
    },
    expect: ['context.brand-lure-link'],
  },
  // valid
  {
    name: 'FR genuine bank notification from its own domain',
    eml: {
      from: 'Crédit Agricole <noreply@credit-agricole.fr>',
      html: page(
        '<p>Votre relevé est disponible.</p><a href="https://www.credit-agricole.fr/">Mon espace</a>',
      ),
    },
    absent: ['context.brand-lure-link', 'context.lure-risky-link'],
  },
];

const tables: Record<string, Case[]> = {
  impersonation,
  links,
  lures,
  tricks,
  attachments,
  authentication,
  context,
};

for (const [family, cases] of Object.entries(tables)) {
  describe(`signals: ${family}`, () => {
    it.each(cases)('$name', async ({ eml, expect: present = [], absent = [] }) => {
      const r = await analyseEmail(buildEml(eml), { offline: true });
      const ids = r.reasons.map((x) => x.id);
      for (const id of present) expect(ids).toContain(id);
      for (const id of absent) expect(ids).not.toContain(id);
      for (const reason of r.reasons) {
        expect(reason.where).not.toBe('');
        expect(reason.message).not.toBe(reason.id);
      }
    });
  });
}

describe('reasons in the reader’s language', () => {
  it('renders the same reason in English and French with its evidence', async () => {
    const raw = buildEml({ from: 'PayPal <service@billing-center-4471.example>', text: 'x' });
    const en = await analyseEmail(raw, { offline: true, locale: 'en' });
    const fr = await analyseEmail(raw, { offline: true, locale: 'fr' });
    const pick = (r: typeof en) =>
      r.reasons.find((x) => x.id === 'impersonation.display-name')?.message ?? '';
    expect(pick(en)).toMatch(/Real companies write from their own domain/);
    expect(pick(fr)).toMatch(/Une vraie entreprise écrit depuis son propre domaine/);
    expect(pick(fr)).toContain('billing-center-4471.example');
  });
});

describe('lessons', () => {
  const lures = JSON.parse(readFileSync(new URL('./data/lures.json', import.meta.url), 'utf8')) as {
    categories: Record<string, unknown>;
  };
  it.each(Object.keys(lures.categories))('lure category %s has its lesson', (category) => {
    expect(reasonMessages[`lures.${category}`]).toBeDefined();
  });
  it.each(Object.entries(reasonMessages))(
    '%s reads in English and French and shows its evidence',
    (_id, m) => {
      for (const text of [m.en, m.fr]) {
        expect(text).toContain('{evidence}');
        expect(text.length).toBeLessThan(260);
      }
      expect(m.en).not.toBe(m.fr);
    },
  );
});
