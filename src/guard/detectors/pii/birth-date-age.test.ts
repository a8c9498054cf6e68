import { birthDateAgeDetector } from './birth-date-age.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(birthDateAgeDetector, {
  valid: [
    { text: 'The meeting is on 12/03/2025.', note: 'a date without a birth cue' },
    { text: 'Nous existons depuis 42 ans.', lang: 'fr', note: 'a duration, not an age' },
    { text: 'We have 42 years of experience.' },
    { text: 'La garantie dure 2 ans.', lang: 'fr' },
  ],
  invalid: [
    {
      text: 'Born on 12 March 1985 in Leeds.',
      found: [{ entity: 'DATE_OF_BIRTH', text: '12 March 1985', rule: 'pii.date_of_birth' }],
    },
    {
      text: 'Né le 12/03/1985 à Lyon.',
      lang: 'fr',
      found: [{ entity: 'DATE_OF_BIRTH', text: '12/03/1985' }],
    },
    {
      text: 'Date de naissance : 1er janvier 1990',
      lang: 'fr',
      found: [{ entity: 'DATE_OF_BIRTH', text: '1er janvier 1990' }],
    },
    { text: 'DOB: 1985-03-12', found: [{ entity: 'DATE_OF_BIRTH', text: '1985-03-12' }] },
    { text: 'Patient aged 42 complains of pain.', found: [{ entity: 'AGE', text: '42', rule: 'pii.age' }] },
    { text: 'A 65-year-old male.', found: [{ entity: 'AGE', text: '65' }] },
    { text: "J'ai 42 ans et je vis à Lyon.", lang: 'fr', found: [{ entity: 'AGE', text: '42' }] },
    { text: 'Elle est âgée de 31 ans.', lang: 'fr', found: [{ entity: 'AGE', text: '31' }] },
  ],
});
