import { organisationDetector } from './organisation.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(organisationDetector, {
  valid: [
    { text: 'I DONT KNOW WHAT TO PRESS NEXT', note: 'shouting, not a company' },
    { text: 'I want to add Laila Hansen as a beneficiary', note: '"as" is not the Norwegian AS' },
    { text: 'Le marketing de contenu en 2025.', lang: 'fr' },
    {
      text: 'Our CEO will present the Product Roadmap. Press contact: Mark.',
      note: 'no company across a sentence end',
    },
  ],
  invalid: [
    {
      text: 'During 2017, Allstate Insurance Group invested heavily.',
      found: [{ entity: 'ORGANIZATION', text: 'Allstate Insurance Group' }],
    },
    {
      text: 'Marie travaille chez Durand Conseil SAS.',
      lang: 'fr',
      found: [{ entity: 'ORGANIZATION', text: 'Durand Conseil SAS' }],
    },
    { text: 'I work for Socrata', found: [{ entity: 'ORGANIZATION', text: 'Socrata' }] },
    {
      text: 'La Banque de France publie ses chiffres.',
      lang: 'fr',
      found: [{ entity: 'ORGANIZATION', text: 'Banque de France' }],
    },
    {
      text: 'Sophie Moreau\nDurand & Fils SARL\n',
      lang: 'fr',
      found: [{ entity: 'ORGANIZATION', text: 'Durand & Fils SARL' }],
    },
    {
      text: 'Rościsław Dudek of Lexisnexis is the CEO of the year.',
      found: [{ entity: 'ORGANIZATION', text: 'Lexisnexis' }],
    },
    {
      text: 'Berkshire Hathaway is a design agency based in Omaha.',
      found: [{ entity: 'ORGANIZATION', text: 'Berkshire Hathaway' }],
    },
  ],
});
