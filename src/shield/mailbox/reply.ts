import type { EmailAnalysis, EmailVerdict } from '../email/types.js';

/** The answer to a reporter, in their language, as plain text and simple HTML. */
export interface ReplyMail {
  subject: string;
  text: string;
  html: string;
}

type Locale = 'en' | 'fr';
export type RejectedWhy = 'too-large' | 'unreadable';

const MAX_REASONS = 8;

const WORDS: Record<
  Locale,
  {
    subject: Record<EmailVerdict | 'rejected', string>;
    lead: Record<EmailVerdict | 'rejected', string>;
    hello: string;
    reported: string;
    score: string;
    why: string;
    advice: Record<EmailVerdict | 'rejected', string>;
    footer: string;
    rejectedWhy: Record<RejectedWhy, string>;
    /** French puts a space before a colon. */
    colon: string;
  }
> = {
  en: {
    subject: {
      phishing: '[Vigie] Phishing: do not act on the message you reported',
      suspicious: '[Vigie] Suspicious: be careful with the message you reported',
      clean: '[Vigie] No threat found in the message you reported',
      rejected: '[Vigie] The message you reported could not be analysed',
    },
    lead: {
      phishing: 'Thank you: the message you reported is a phishing attempt.',
      suspicious: 'Thank you: the message you reported is suspicious.',
      clean: 'Thank you: we found no sign of phishing in the message you reported.',
      rejected: 'Thank you for your report. We could not analyse the message: {why}.',
    },
    hello: 'Hello,',
    reported: 'Reported message',
    score: 'Risk score',
    why: 'Why',
    advice: {
      phishing:
        'Do not click its links, open its attachments or answer it. If you already did, tell the security team now and change the password you may have typed.',
      suspicious:
        'Do not click its links or open its attachments until you have checked with the sender by another channel (phone, a known address).',
      clean:
        'Stay alert all the same: if something still seems odd, check with the sender by another channel.',
      rejected: 'The security team has been told and will look at it.',
    },
    footer:
      'This answer was sent automatically by Vigie. Links in the reported message were not opened, and addresses are written with [.] so that they cannot be clicked.',
    colon: ':',
    rejectedWhy: {
      'too-large': 'it is larger than the size limit',
      unreadable: 'it cannot be read as an e-mail',
    },
  },
  fr: {
    subject: {
      phishing: '[Vigie] Hameçonnage : n’agissez pas sur le message signalé',
      suspicious: '[Vigie] Suspect : prudence avec le message signalé',
      clean: '[Vigie] Aucune menace trouvée dans le message signalé',
      rejected: '[Vigie] Le message signalé n’a pas pu être analysé',
    },
    lead: {
      phishing: 'Merci : le message que vous avez signalé est une tentative d’hameçonnage.',
      suspicious: 'Merci : le message que vous avez signalé est suspect.',
      clean: 'Merci : nous n’avons trouvé aucun signe d’hameçonnage dans le message que vous avez signalé.',
      rejected: 'Merci pour votre signalement. Nous n’avons pas pu analyser le message : {why}.',
    },
    hello: 'Bonjour,',
    reported: 'Message signalé',
    score: 'Score de risque',
    why: 'Pourquoi',
    advice: {
      phishing:
        'Ne cliquez pas sur ses liens, n’ouvrez pas ses pièces jointes et n’y répondez pas. Si c’est déjà fait, prévenez tout de suite l’équipe sécurité et changez le mot de passe que vous auriez saisi.',
      suspicious:
        'Ne cliquez pas sur ses liens et n’ouvrez pas ses pièces jointes avant d’avoir vérifié auprès de l’expéditeur par un autre canal (téléphone, adresse connue).',
      clean:
        'Restez vigilant malgré tout : si quelque chose vous semble encore étrange, vérifiez auprès de l’expéditeur par un autre canal.',
      rejected: 'L’équipe sécurité a été prévenue et va s’en occuper.',
    },
    footer:
      'Cette réponse a été envoyée automatiquement par Vigie. Les liens du message signalé n’ont pas été ouverts, et les adresses sont écrites avec [.] pour qu’elles ne soient pas cliquables.',
    colon: '\u00a0:',
    rejectedWhy: {
      'too-large': 'il dépasse la taille maximale',
      unreadable: 'il ne peut pas être lu comme un e-mail',
    },
  },
};

/**
 * Makes addresses and URLs unclickable (the usual "defanging"): no mail client turns
 * `hxxps[:]//evil[.]example` into a link, so the reply can quote evidence without carrying a live one.
 */
export function defang(text: string): string {
  return text
    .replace(/\bhttp(s?)(?=:)/gi, 'hxxp$1')
    .replace(/:\/\//g, '[:]//')
    .replace(/([a-z0-9-])\.(?=[a-z0-9-])/gi, '$1[.]')
    .replace(/@/g, '[@]');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Composes the answer: the verdict, the score and the reasons already rendered in the reporter's language. */
export function composeReply(
  locale: Locale,
  outcome: { analysis: EmailAnalysis } | { rejected: RejectedWhy },
): ReplyMail {
  const w = WORDS[locale];
  const kind = 'analysis' in outcome ? outcome.analysis.verdict : 'rejected';
  const lead = w.lead[kind].replace('{why}', 'rejected' in outcome ? w.rejectedWhy[outcome.rejected] : '');
  const lines = [w.hello, '', lead];
  const html = [`<p>${escapeHtml(w.hello)}</p>`, `<p><strong>${escapeHtml(lead)}</strong></p>`];
  if ('analysis' in outcome) {
    const a = outcome.analysis;
    const subject = defang(clip(a.subject || '-', 200));
    lines.push('', `${w.reported}${w.colon} ${subject}`, `${w.score}${w.colon} ${a.score}/100`);
    html.push(
      `<p>${escapeHtml(w.reported)}${w.colon} ${escapeHtml(subject)}<br>${escapeHtml(w.score)}${w.colon} ${a.score}/100</p>`,
    );
    const reasons = a.reasons.slice(0, MAX_REASONS).map((r) => defang(clip(r.message, 600)));
    if (reasons.length > 0) {
      lines.push('', `${w.why}${w.colon}`, ...reasons.map((r) => `- ${r}`));
      html.push(
        `<p>${escapeHtml(w.why)}${w.colon}</p>`,
        `<ul>${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`,
      );
    }
  }
  lines.push('', w.advice[kind], '', '--', w.footer);
  html.push(`<p>${escapeHtml(w.advice[kind])}</p>`, `<p style="color:#666">${escapeHtml(w.footer)}</p>`);
  return {
    subject: w.subject[kind],
    text: `${lines.join('\n')}\n`,
    html: `<!doctype html><html lang="${locale}"><body>${html.join('\n')}</body></html>`,
  };
}
