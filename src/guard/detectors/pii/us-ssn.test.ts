import { ruleTester } from './support/rule-tester.js';
import { usSsnDetector } from './us-ssn.js';

ruleTester(usSsnDetector, {
  valid: [
    { text: 'SSN: 000-12-3456', note: 'area 000 is never issued' },
    { text: 'SSN: 666-12-3456', note: 'area 666 is never issued' },
    { text: 'SSN: 912-12-3456', note: 'areas 900-999 are never issued' },
    { text: 'SSN: 123-00-4567', note: 'group 00' },
    { text: 'SSN: 123-45-0000', note: 'serial 0000' },
    { text: 'Commande 536221234 expédiée', lang: 'fr', note: 'nine bare digits without a cue' },
  ],
  invalid: [
    { text: "Here's my SSN: 536-22-1234", found: [{ entity: 'US_SSN', text: '536-22-1234' }] },
    { text: 'Social security number 536221234', found: [{ entity: 'US_SSN', text: '536221234' }] },
    {
      text: 'Son numéro de sécurité sociale américain est 078-05-1121.',
      lang: 'fr',
      found: [{ entity: 'US_SSN', text: '078-05-1121' }],
    },
  ],
});
