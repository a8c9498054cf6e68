import { phoneDetector } from './phone.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(phoneDetector, {
  valid: [
    { text: 'Our 2024 revenue grew by 12 345 euros.' },
    { text: 'Commande n° 2024-11-05 expédiée.', lang: 'fr', note: 'a date is not a phone number' },
    { text: 'Server 192.168.1.24 is down.', note: 'an IP address' },
    { text: 'Order 1234567 shipped.', note: 'a bare reference number' },
    { text: 'He lives at 224 4966 Bond Street.', note: 'house numbers' },
    { text: 'SSN 536-22-1234 on file.' },
    { text: 'SAS au capital de 10 000 €, RCS Paris 732 829 320.', lang: 'fr', note: 'a company number' },
  ],
  invalid: [
    {
      text: 'Appelez-moi au 06 12 34 56 78 ou au +33 6 12 34 56 78.',
      lang: 'fr',
      found: [
        { entity: 'PHONE', text: '06 12 34 56 78' },
        { entity: 'PHONE', text: '+33 6 12 34 56 78' },
      ],
    },
    { text: 'Standard : 01.23.45.67.89', lang: 'fr', found: [{ entity: 'PHONE', text: '01.23.45.67.89' }] },
    { text: 'Call (415) 555-2671 today.', found: [{ entity: 'PHONE', text: '(415) 555-2671' }] },
    { text: 'London office: +44 20 7946 0958', found: [{ entity: 'PHONE', text: '+44 20 7946 0958' }] },
    { text: 'Fax: 60-56-85-91', found: [{ entity: 'PHONE', text: '60-56-85-91' }] },
    { text: 'Desk: +41 (0)96 471 07 95', found: [{ entity: 'PHONE', text: '+41 (0)96 471 07 95' }] },
  ],
});
