import { addressDetector } from './address.js';
import { ruleTester } from './support/rule-tester.js';

ruleTester(addressDetector, {
  valid: [
    { text: 'We grew 12 percent in 2024.' },
    { text: 'Il reste 3 places dans la salle.', lang: 'fr' },
    { text: 'Chapter 12 Street Fighter review', note: 'no street form' },
    { text: "They're not answering at 780-999-2181" },
  ],
  invalid: [
    {
      text: 'Livraison au 12 rue de la Paix, 75002 Paris.',
      lang: 'fr',
      found: [{ entity: 'ADDRESS', text: '12 rue de la Paix, 75002 Paris' }],
    },
    {
      text: 'Sherlock lived at 221B Baker Street, London NW1 6XE.',
      found: [{ entity: 'ADDRESS', text: '221B Baker Street, London NW1 6XE' }],
    },
    {
      text: 'Siège : 5 bis, avenue des Champs-Élysées 75008 Paris',
      lang: 'fr',
      found: [{ entity: 'ADDRESS', text: '5 bis, avenue des Champs-Élysées 75008 Paris' }],
    },
    {
      text: 'Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500',
      found: [{ entity: 'ADDRESS', text: '1600 Pennsylvania Avenue NW, Washington, DC 20500' }],
    },
    {
      text: 'Our office: Hauptstraße 5, 10115 Berlin',
      found: [{ entity: 'ADDRESS', text: 'Hauptstraße 5, 10115 Berlin' }],
    },
    {
      text: 'Write to PSC 1234, Box 5678\nAPO AE 09123',
      found: [{ entity: 'ADDRESS', text: 'PSC 1234, Box 5678\nAPO AE 09123' }],
    },
    {
      text: '3657 Laukaantie 80\n Apt. 030\n KOKKOLA\n Finland 11507',
      found: [{ entity: 'ADDRESS', text: '3657 Laukaantie 80\n Apt. 030\n KOKKOLA\n Finland 11507' }],
    },
  ],
});
