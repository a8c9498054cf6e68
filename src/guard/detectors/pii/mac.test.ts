import { macDetector } from './mac.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(macDetector, {
  valid: [
    { text: 'Time 12:30:45:10:11:12:13 in the log' },
    { text: 'Numéro 1234.5678.9012', lang: 'fr' },
    { text: 'Mixed 00:1A-2B:3C-4D:5E separators' },
  ],
  invalid: [
    { text: 'Device 00:1A:2B:3C:4D:5E joined', found: [{ entity: 'MAC', text: '00:1A:2B:3C:4D:5E' }] },
    {
      text: 'Adresse MAC : 00-1a-2b-3c-4d-5e',
      lang: 'fr',
      found: [{ entity: 'MAC', text: '00-1a-2b-3c-4d-5e' }],
    },
    { text: 'Cisco 001a.2b3c.4d5e port', found: [{ entity: 'MAC', text: '001a.2b3c.4d5e' }] },
  ],
});
