import type { Detector } from '../../types.js';
import { addressDetector } from './address.js';
import { birthDateAgeDetector } from './birth-date-age.js';
import { creditCardDetector } from './credit-card.js';
import { emailDetector } from './email.js';
import { frNirDetector } from './fr-nir.js';
import { frSirenSiretDetector } from './fr-siren-siret.js';
import { ibanDetector } from './iban.js';
import { ipDetector } from './ip.js';
import { knownValuesDetector } from './known-values.js';
import { locationDetector } from './location.js';
import { macDetector } from './mac.js';
import { organisationDetector } from './organisation.js';
import { personDetector } from './person.js';
import { phoneDetector } from './phone.js';
import { urlCredentialsDetector } from './url-credentials.js';
import { usSsnDetector } from './us-ssn.js';

/** Every PII detector, in the order the scan pipeline runs them. */
export const piiDetectors: Detector[] = [
  knownValuesDetector,
  emailDetector,
  urlCredentialsDetector,
  ibanDetector,
  creditCardDetector,
  frNirDetector,
  usSsnDetector,
  frSirenSiretDetector,
  phoneDetector,
  ipDetector,
  macDetector,
  birthDateAgeDetector,
  personDetector,
  addressDetector,
  locationDetector,
  organisationDetector,
];
