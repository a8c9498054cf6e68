/** Every sentence the assistant says on its own, in English and French. */
import type { Lang, RefusalReason } from '../types.js';

type Localised = Record<Lang, string>;

/** EU AI Act Art. 50(1): people must be told they are interacting with an AI system. */
export const disclosure: Localised = {
  en: 'You are chatting with an AI assistant. Its answers come from our help articles; you can ask for a person at any time.',
  fr: 'Vous échangez avec un assistant IA. Ses réponses proviennent de nos articles d’aide ; vous pouvez demander à parler à une personne à tout moment.',
};

export const decline: Localised = {
  en: 'I’m sorry, I don’t have a reliable answer to that in our help articles. Would you like me to put you in touch with a member of our team?',
  fr: 'Je suis désolé, je n’ai pas de réponse fiable à cette question dans nos articles d’aide. Souhaitez-vous que je vous mette en relation avec un membre de notre équipe ?',
};

export const refusals: Record<RefusalReason, Localised> = {
  injection: {
    en: 'I can only answer questions about our products and services from our help articles. I can’t change how I work or share my instructions.',
    fr: 'Je ne peux répondre qu’aux questions sur nos produits et services, à partir de nos articles d’aide. Je ne peux ni changer mon fonctionnement ni partager mes consignes.',
  },
  policy: {
    en: 'I can’t process this message. Please rephrase your question about our products and services.',
    fr: 'Je ne peux pas traiter ce message. Merci de reformuler votre question sur nos produits et services.',
  },
  secret: {
    en: 'Your message seems to contain a password or another secret, so I did not process it. Please never share secrets in this chat.',
    fr: 'Votre message semble contenir un mot de passe ou un autre secret : je ne l’ai pas traité. Ne partagez jamais de secrets dans cette conversation.',
  },
  'too-long': {
    en: 'Your message is too long for me to process. Please ask your question in a shorter message (at most {{max}} characters).',
    fr: 'Votre message est trop long pour que je le traite. Posez votre question en un message plus court ({{max}} caractères au plus).',
  },
  malformed: {
    en: 'I could not read your message. Please type your question as plain text.',
    fr: 'Je n’ai pas pu lire votre message. Merci de saisir votre question en texte simple.',
  },
  'output-policy': {
    en: 'I’m sorry, I can’t give a safe answer to that here. Would you like me to put you in touch with a member of our team?',
    fr: 'Je suis désolé, je ne peux pas donner de réponse sûre ici. Souhaitez-vous que je vous mette en relation avec un membre de notre équipe ?',
  },
};

/** Introduces the sources under an answer. */
export const sourcesLabel: Localised = { en: 'Sources', fr: 'Sources' };

export function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{(\w{1,30})\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}
