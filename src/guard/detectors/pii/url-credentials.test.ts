import { ruleTester } from './support/rule-tester.js';
import { urlCredentialsDetector } from './url-credentials.js';

ruleTester(urlCredentialsDetector, {
  valid: [
    { text: 'See https://example.com/docs for details.' },
    { text: 'Écrivez à https://exemple.fr/contact?email=a@b.fr', lang: 'fr' },
    { text: 'git@github.com:org/repo.git' },
  ],
  invalid: [
    {
      text: 'Use https://admin:s3cret@intranet.example.com/ for now',
      found: [{ entity: 'URL_CREDENTIALS', text: 'admin:s3cret' }],
    },
    {
      text: 'La base : postgres://app:MotDePasse!@db.interne:5432/prod',
      lang: 'fr',
      found: [{ entity: 'URL_CREDENTIALS', text: 'app:MotDePasse!' }],
    },
  ],
});
