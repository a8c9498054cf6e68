/**
 * The analyser on every fixture: each phishing sample is at least `suspicious` and raises the reason it
 * was written to show; each tricky legitimate message stays `clean`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseEmail } from './analyse.js';

const phishingDir = new URL('../../../test/fixtures/phishing/', import.meta.url);
const legitDir = new URL('../../../test/fixtures/email/legit/', import.meta.url);
const list = (dir: URL) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();

/** What each sample was written to show (one reason id at least; more where the sample is about them). */
const EXPECTED: Record<string, string[]> = {
  'de-dhl-paket-zustellung': ['impersonation.display-name', 'lures.parcel'],
  'de-paypal-konto-eingeschraenkt': ['impersonation.display-name', 'lures.suspension'],
  'de-postfach-voll': ['links.text-mismatch', 'links.free-hosting'],
  'de-sparkasse-pushtan': ['impersonation.lookalike', 'lures.credentials'],
  'en-amazon-zero-width-hidden-text': [
    'html.invisible-chars',
    'html.hidden-text',
    'impersonation.display-name',
  ],
  'en-apple-id-locked': ['links.text-mismatch', 'impersonation.display-name'],
  'en-bank-image-only': ['html.text-as-image'],
  'en-bec-ceo-gift-cards': ['lures.gift-card', 'impersonation.reply-to', 'context.bec'],
  'en-bec-changed-bank-details': ['lures.payment-change', 'impersonation.reply-to', 'context.bec'],
  'en-bec-wire-transfer': ['lures.payment-change', 'context.bec'],
  'en-coinbase-unusual-signin': ['links.shortener', 'impersonation.display-name'],
  'en-dhl-customs-fee': ['lures.parcel', 'authentication.brand-unauthenticated'],
  'en-docusign-review-document': ['impersonation.lookalike', 'links.free-hosting'],
  'en-hmrc-tax-refund': ['lures.tax-refund', 'impersonation.display-name'],
  'en-html-attachment-base64-blob': ['attachments.html-smuggling'],
  'en-invoice-encrypted-zip': ['attachments.encrypted-archive', 'attachments.executable'],
  'en-m365-password-expiry': ['links.free-hosting', 'lures.address-as-name'],
  'en-mailbox-full-open-redirect': ['links.redirect', 'lures.suspension'],
  'en-mfa-qr-code': ['attachments.qr-link', 'html.text-as-image'],
  'en-netflix-payment-failed': ['impersonation.lookalike', 'lures.credentials'],
  'en-order-docm-macro': ['attachments.macro'],
  'en-paypal-account-limited': ['links.text-mismatch', 'impersonation.lookalike'],
  'en-punycode-paypal': ['impersonation.punycode'],
  'en-remittance-svg': ['attachments.html-smuggling'],
  'en-safelinks-wrapped-ipfs': ['links.free-hosting', 'authentication.compauth-fail'],
  'en-sharepoint-shared-file': ['lures.document-share', 'links.free-hosting'],
  'en-shipping-docs-iso': ['attachments.disk-image'],
  'en-spoofed-own-domain-dmarc-fail': ['authentication.dmarc-fail'],
  'en-teams-voicemail-html-attachment': ['attachments.html-login'],
  'en-wetransfer-files': ['impersonation.display-name', 'links.free-hosting'],
  'es-agencia-tributaria-reembolso': ['lures.tax-refund', 'links.suspicious-tld'],
  'es-bec-cambio-cuenta': ['lures.payment-change', 'context.bec'],
  'es-correos-paquete-retenido': ['lures.parcel', 'impersonation.lookalike'],
  'es-santander-cuenta-bloqueada': ['links.free-hosting', 'lures.suspension'],
  'fr-ameli-carte-vitale': ['impersonation.display-name', 'lures.credentials'],
  'fr-antai-amende-dmarc-fail': ['authentication.dmarc-fail', 'lures.fine'],
  'fr-bec-changement-rib': ['lures.payment-change', 'impersonation.reply-to'],
  'fr-bec-fraude-president': ['lures.payment-change', 'context.bec'],
  'fr-chronopost-qr': ['attachments.qr-link'],
  'fr-colissimo-frais': ['lures.parcel', 'impersonation.display-name'],
  'fr-credit-agricole-suspension': ['links.free-hosting', 'impersonation.display-name'],
  'fr-critair-vignette': ['impersonation.display-name', 'lures.fine'],
  'fr-impots-remboursement': ['impersonation.display-name', 'lures.tax-refund'],
  'fr-laposte-lookalike': ['impersonation.lookalike', 'lures.parcel'],
  'fr-microsoft-mdp-piece-jointe': ['attachments.html-login'],
  'fr-netflix-abonnement-suspendu': ['impersonation.display-name', 'html.invisible-chars'],
  'fr-orange-messagerie-pleine': ['links.raw-ip', 'impersonation.display-name'],
  'pt-banco-do-brasil-bloqueio': ['impersonation.display-name', 'authentication.compauth-fail'],
  'pt-correios-taxada': ['lures.parcel', 'links.free-hosting'],
  'pt-ctt-encomenda-taxas': ['lures.parcel', 'impersonation.display-name'],
  'pt-netflix-assinatura-suspensa': ['links.text-mismatch', 'links.shortener'],
  'pt-receita-restituicao': ['lures.tax-refund', 'links.free-hosting'],
};

describe('phishing fixtures', () => {
  const files = list(phishingDir);
  it('has at least 40 samples, each with its expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.map((f) => f.replace(/\.eml$/, '')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(files)('%s', async (file) => {
    const r = await analyseEmail(readFileSync(new URL(file, phishingDir)), { offline: true });
    expect(r.verdict).not.toBe('clean');
    const ids = r.reasons.map((x) => x.id);
    for (const id of EXPECTED[file.replace(/\.eml$/, '')] ?? []) expect(ids).toContain(id);
  });
});

describe('legitimate fixtures', () => {
  it.each(list(legitDir))('%s stays clean', async (file) => {
    const r = await analyseEmail(readFileSync(new URL(file, legitDir)), { offline: true });
    expect(r.verdict).toBe('clean');
  });
});
