import { frSirenSiretDetector } from './fr-siren-siret.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(frSirenSiretDetector, {
  valid: [
    { text: 'SIREN 732 829 321', lang: 'fr', note: 'fails Luhn' },
    { text: 'Order 732829320 shipped', note: 'nine digits without a cue or grouping' },
    { text: 'SIRET : 732 829 320 00075', lang: 'fr', note: 'fails Luhn' },
  ],
  invalid: [
    {
      text: 'Société immatriculée au RCS sous le numéro 732 829 320.',
      lang: 'fr',
      found: [{ entity: 'FR_SIREN', text: '732 829 320', rule: 'pii.fr_siren' }],
    },
    {
      text: 'SIRET : 732 829 320 00074, NAF 7022Z',
      lang: 'fr',
      found: [{ entity: 'FR_SIRET', text: '732 829 320 00074', rule: 'pii.fr_siret' }],
    },
    { text: 'Company number (SIREN) 542107651', found: [{ entity: 'FR_SIREN', text: '542107651' }] },
  ],
});
