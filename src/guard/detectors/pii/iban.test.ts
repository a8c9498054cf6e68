import { ibanDetector } from './iban.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(ibanDetector, {
  valid: [
    { text: 'IBAN FR76 3000 6000 0112 3456 7890 188', lang: 'fr', note: 'wrong check digits' },
    { text: 'Reference GB00 TEST 1234 5678 9012 34' },
    { text: 'Le code FR12 est un département.', lang: 'fr' },
  ],
  invalid: [
    {
      text: 'Virement sur FR76 3000 6000 0112 3456 7890 189 merci',
      lang: 'fr',
      found: [{ entity: 'IBAN', text: 'FR76 3000 6000 0112 3456 7890 189' }],
    },
    {
      text: 'My IBAN is DE89370400440532013000.',
      found: [{ entity: 'IBAN', text: 'DE89370400440532013000' }],
    },
    {
      text: 'my iban is gb82west12345698765432',
      found: [{ entity: 'IBAN', text: 'gb82west12345698765432' }],
    },
    {
      text: 'IBAN: GB82 WEST 1234 5698 7654 32 THANKS',
      found: [{ entity: 'IBAN', text: 'GB82 WEST 1234 5698 7654 32' }],
    },
  ],
});
