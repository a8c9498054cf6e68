import { ipDetector } from './ip.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(ipDetector, {
  valid: [
    { text: 'Version 1.2.3.4.5 is out.' },
    { text: 'Le score 256.1.1.1 est impossible.', lang: 'fr' },
    { text: 'Meeting at 12:30:45 today.' },
    { text: 'MAC 00:1A:2B:3C:4D:5E is not an IP.' },
  ],
  invalid: [
    { text: 'Login from 192.168.1.24 blocked', found: [{ entity: 'IP', text: '192.168.1.24' }] },
    {
      text: 'Connexion depuis 2001:db8::8a2e:370:7334',
      lang: 'fr',
      found: [{ entity: 'IP', text: '2001:db8::8a2e:370:7334' }],
    },
    { text: 'host ::ffff:10.0.0.1 answered', found: [{ entity: 'IP', text: '::ffff:10.0.0.1' }] },
  ],
});
