import { locationDetector } from './location.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(locationDetector, {
  valid: [
    { text: 'Our SIRET is on the invoice.', note: 'an acronym, though Siret is a town' },
    { text: 'Have a nice day!' },
    { text: 'Une offre en or pour les marques.', lang: 'fr' },
    {
      text: 'Rendez-vous Salle Pleyel ; Le Monde en parle.',
      lang: 'fr',
      note: 'French words that are also towns',
    },
  ],
  invalid: [
    { text: 'I will be travelling to Estonia next week.', found: [{ entity: 'LOCATION', text: 'Estonia' }] },
    {
      text: 'Elle habite à Montreuil depuis 2019.',
      lang: 'fr',
      found: [{ entity: 'LOCATION', text: 'Montreuil' }],
    },
    { text: "I'm in Flateyri, at the conference", found: [{ entity: 'LOCATION', text: 'Flateyri' }] },
    {
      text: 'Nos bureaux à Paris et à Lyon.',
      lang: 'fr',
      found: [
        { entity: 'LOCATION', text: 'Paris' },
        { entity: 'LOCATION', text: 'Lyon' },
      ],
    },
  ],
});
