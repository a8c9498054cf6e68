import { personDetector } from './person.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(personDetector, {
  valid: [
    { text: 'The Marketing Team will review the Brand Guidelines.' },
    { text: 'Notre équipe accompagne les marques dans leur transformation.', lang: 'fr' },
    { text: 'Will you send the report in May?', note: 'Will and May are words here' },
    { text: 'I will be travelling to Canada next week.' },
    { text: 'He lives on Joaquin Suarez 2906.', note: 'a street named after a person' },
    { text: 'Carry Me Back To Canada', note: '"Me" is not the French title here' },
    { text: 'Hello World! Bonjour Paris !', note: 'a greeting before a word that is no name' },
    { text: 'Découvrez nos Études de Cas et le Livre Blanc.', lang: 'fr', note: 'title-case nouns' },
    { text: 'Responsable Partenariats\nDirectrice Marketing', lang: 'fr', note: 'job titles' },
    { text: 'Pensez à la carte Vitale.', lang: 'fr' },
  ],
  invalid: [
    { text: 'Bonjour Mme Lefèvre,', lang: 'fr', found: [{ entity: 'PERSON', text: 'Lefèvre' }] },
    {
      text: 'Jean-Pierre Dupont vous rappellera demain.',
      lang: 'fr',
      found: [{ entity: 'PERSON', text: 'Jean-Pierre Dupont' }],
    },
    { text: 'Dear Sarah, thanks for the brief.', found: [{ entity: 'PERSON', text: 'Sarah' }] },
    { text: 'Dear Hafþór, thanks.', found: [{ entity: 'PERSON', text: 'Hafþór' }] },
    { text: 'Thanks, Mike', found: [{ entity: 'PERSON', text: 'Mike' }] },
    { text: 'Bonjour Clémence,', lang: 'fr', found: [{ entity: 'PERSON', text: 'Clémence' }] },
    {
      text: "Je m'appelle Camille Martin.",
      lang: 'fr',
      found: [{ entity: 'PERSON', text: 'Camille Martin' }],
    },
    { text: 'My name is John Smith.', found: [{ entity: 'PERSON', text: 'John Smith' }] },
    { text: 'Please ask Dr. Wells about it.', found: [{ entity: 'PERSON', text: 'Wells' }] },
    {
      text: 'Best regards,\nMarie Curie\nHead of Research',
      found: [{ entity: 'PERSON', text: 'Marie Curie' }],
    },
    { text: 'my name is lena andersson', found: [{ entity: 'PERSON', text: 'lena andersson' }] },
    {
      text: 'Our founders: Kónya, Becker and Vasquez.',
      found: [
        { entity: 'PERSON', text: 'Kónya' },
        { entity: 'PERSON', text: 'Becker' },
        { entity: 'PERSON', text: 'Vasquez' },
      ],
    },
    { text: 'Cher Antoine, voici le devis.', lang: 'fr', found: [{ entity: 'PERSON', text: 'Antoine' }] },
    {
      text: 'Cordialement,\nSophie Moreau\nResponsable Partenariats',
      lang: 'fr',
      found: [{ entity: 'PERSON', text: 'Sophie Moreau' }],
    },
    {
      text: 'Rendez-vous avec Mme Lefèvre et M. Durand mardi.',
      lang: 'fr',
      found: [
        { entity: 'PERSON', text: 'Lefèvre' },
        { entity: 'PERSON', text: 'Durand' },
      ],
    },
  ],
});
