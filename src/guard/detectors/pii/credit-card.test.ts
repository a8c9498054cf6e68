import { creditCardDetector } from './credit-card.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(creditCardDetector, {
  valid: [
    { text: 'Card 4111 1111 1111 1112 was declined.', note: 'fails Luhn' },
    { text: 'Tracking number 1234 5678 9012 3456', note: 'no issuer prefix' },
    { text: 'Numéro 0000 0000 0000 0000', lang: 'fr' },
    { text: 'Mixed 4111-1111 1111 1111 separators are not a card.' },
    { text: 'Référence 503802053770 de la commande', lang: 'fr', note: '12 digits without card context' },
  ],
  invalid: [
    { text: 'Card: 4111 1111 1111 1111', found: [{ entity: 'CREDIT_CARD', text: '4111 1111 1111 1111' }] },
    {
      text: 'Carte bancaire 5555-5555-5555-4444',
      lang: 'fr',
      found: [{ entity: 'CREDIT_CARD', text: '5555-5555-5555-4444' }],
    },
    { text: 'Amex 378282246310005 on file', found: [{ entity: 'CREDIT_CARD', text: '378282246310005' }] },
    { text: 'my card 503802053770 is blocked', found: [{ entity: 'CREDIT_CARD', text: '503802053770' }] },
  ],
});
