import { emailDetector } from './email.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(emailDetector, {
  valid: [
    { text: 'Write to us through the contact form.' },
    { text: 'Écrivez-nous via le formulaire de contact.', lang: 'fr' },
    { text: 'The handle @vigie is on every network.', note: 'a social handle is not an address' },
    { text: 'user@localhost has no top-level domain' },
    { text: 'a..b@example.com is malformed' },
  ],
  invalid: [
    {
      text: 'Contact jane.doe@example.com today.',
      found: [{ entity: 'EMAIL', text: 'jane.doe@example.com' }],
    },
    {
      text: 'Écrivez à jean-pierre.dupont@exemple.fr ou à contact@société.fr.',
      lang: 'fr',
      found: [
        { entity: 'EMAIL', text: 'jean-pierre.dupont@exemple.fr' },
        { entity: 'EMAIL', text: 'contact@société.fr' },
      ],
    },
    {
      text: '<mailto:ops+alerts@mail.example.co.uk>',
      found: [{ entity: 'EMAIL', text: 'ops+alerts@mail.example.co.uk' }],
    },
  ],
});
