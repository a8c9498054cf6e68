/**
 * Sample briefs, one per content type and language: used by the tests, the benchmark, and as
 * examples a user can start from (`vigie draft --brief` takes the same shape as YAML).
 */
import type { BriefInput, ContentType, Platform } from './brief.js';
import type { Lang } from './draft.js';

const en: Omit<BriefInput, 'type'> = {
  lang: 'en',
  topic: 'Studio, an AI drafting assistant with built-in safeguards',
  audience: {
    name: 'communications leads',
    readingLevel: 'general',
    vocabulary: ['brand safety', 'AI governance'],
    channels: ['linkedin', 'email'],
    cares: ['saving review time', 'protecting customer data'],
  },
  keyMessages: [
    'Studio drafts press releases, web pages and social posts in the brand’s own voice',
    'Customer data is pseudonymised before any text reaches a model',
    'Every draft is checked for leaks and unsupported claims before a human approves it',
  ],
  facts: [
    {
      id: 'F-TEAMS',
      statement: 'More than 120 communications teams took part in the beta.',
      source: 'Beta programme report, 2026',
    },
    { id: 'F-REVIEW', statement: 'Beta teams cut review time by 45%.', source: 'Beta study, October 2026' },
  ],
  tone: ['confident', 'friendly'],
  callToAction: { text: 'Book a demo', url: 'https://vigie.example/demo' },
  links: [{ label: 'Product page', url: 'https://vigie.example/studio' }],
  company: {
    name: 'Vigie',
    boilerplate:
      'Vigie helps marketing and communications teams use AI at full speed without becoming the weak link of their company’s security.',
    website: 'https://vigie.example',
    mediaContact: { name: 'Claire Martin', email: 'press@vigie.example', phone: '+33 1 23 45 67 89' },
  },
  sender: { name: 'Vigie SAS', postalAddress: '12 rue de la Paix, 75002 Paris, France' },
  dateline: { city: 'Paris', date: '2026-11-29' },
  quote: {
    speaker: 'Camille Durand',
    title: 'Chief Executive Officer',
    text: 'Communicators should not have to choose between speed and safety.',
  },
  recipient: { name: 'Alex' },
};

const fr: Omit<BriefInput, 'type'> = {
  lang: 'fr',
  topic: 'Studio, un assistant de rédaction par IA doté de garde-fous intégrés',
  audience: {
    name: 'les directions de la communication',
    readingLevel: 'general',
    vocabulary: ['sécurité de marque', 'gouvernance IA'],
    channels: ['linkedin', 'email'],
    cares: ['gagner du temps de relecture', 'protéger les données clients'],
  },
  keyMessages: [
    'Studio rédige communiqués, pages web et publications sociales dans la voix de la marque',
    'Les données clients sont pseudonymisées avant que le moindre texte n’atteigne un modèle',
    'Chaque brouillon est vérifié (fuites, allégations non étayées) avant qu’un humain ne l’approuve',
  ],
  facts: [
    {
      id: 'F-EQUIPES',
      statement: 'Plus de 120 équipes de communication ont participé à la bêta.',
      source: 'Rapport du programme bêta, 2026',
    },
    {
      id: 'F-RELECTURE',
      statement: 'Les équipes bêta ont réduit leur temps de relecture de 45 %.',
      source: 'Étude bêta, octobre 2026',
    },
  ],
  tone: ['chaleureux', 'confiant'],
  callToAction: { text: 'Réserver une démo', url: 'https://vigie.example/fr/demo' },
  links: [{ label: 'Page produit', url: 'https://vigie.example/fr/studio' }],
  company: {
    name: 'Vigie',
    boilerplate:
      'Vigie aide les équipes marketing et communication à utiliser l’IA à pleine vitesse sans devenir le maillon faible de la sécurité de leur entreprise.',
    website: 'https://vigie.example/fr',
    mediaContact: { name: 'Claire Martin', email: 'presse@vigie.example', phone: '+33 1 23 45 67 89' },
  },
  sender: { name: 'Vigie SAS', postalAddress: '12 rue de la Paix, 75002 Paris, France' },
  dateline: { city: 'Paris', date: '2026-11-29' },
  quote: {
    speaker: 'Camille Durand',
    title: 'présidente-directrice générale',
    text: 'Les communicants ne devraient pas avoir à choisir entre vitesse et sécurité.',
  },
  recipient: { name: 'Alex' },
};

export function sampleBrief(type: ContentType, lang: Lang, platform?: Platform): BriefInput {
  const base = lang === 'fr' ? fr : en;
  return structuredClone({ ...base, type, ...(type === 'social-post' ? { platform: platform ?? 'x' } : {}) });
}
