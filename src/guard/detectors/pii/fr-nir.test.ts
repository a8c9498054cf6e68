import { frNirDetector } from './fr-nir.js';
import { ruleTester } from './support/rule-tester.js';

// Keys computed as 97 - (first 13 digits mod 97), the INSEE rule.
ruleTester(frNirDetector, {
  valid: [
    { text: 'N° de sécurité sociale : 1 85 05 78 006 084 36', lang: 'fr', note: 'wrong key (should be 91)' },
    { text: 'Order 385057800608491 shipped', note: 'sex digit 3 with a wrong key' },
    { text: 'Ticket 1 85 13 78 006 084 91', note: 'month 13 does not exist' },
  ],
  invalid: [
    {
      text: 'N° de sécurité sociale : 1 85 05 78 006 084 91',
      lang: 'fr',
      found: [{ entity: 'FR_NIR', text: '1 85 05 78 006 084 91' }],
    },
    {
      text: 'Her French social security number is 269029934173285.',
      found: [{ entity: 'FR_NIR', text: '269029934173285' }],
    },
  ],
});
