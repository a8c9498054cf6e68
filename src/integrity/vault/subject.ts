import type { Vigie } from '../../core/index.js';

/** Longest customer key we accept (CRM ids are short; an e-mail is at most 254 characters). */
export const MAX_EXTERNAL_ID = 254;

/**
 * The pseudonymous id of a customer everywhere in Vigie: a keyed blind index of the customer key
 * from the import (CRM id, else the normalised e-mail). Without the workspace's index key it cannot
 * be linked back to the person; erasing the profile leaves it pointing at nothing.
 */
export function subjectOf(vigie: Pick<Vigie, 'keyring'>, externalId: string): string {
  // A key that is an e-mail is normalised as the import normalises it, so `Jean@X.fr` in an event
  // file is the same person as `jean@x.fr` in the profile import (and erasing one erases both).
  const key = externalId.includes('@') ? normaliseEmail(externalId) : externalId.trim();
  return vigie.keyring.blindIndex(key, { table: 'customers', column: 'external_id' });
}

/** E-mails compare case-insensitively (in practice every provider treats them so). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailIndex(vigie: Pick<Vigie, 'keyring'>, email: string): string {
  return vigie.keyring.blindIndex(normaliseEmail(email), { table: 'customers', column: 'email' });
}

/** `phone` must already be normalised to E.164 (see normalisePhone). */
export function phoneIndex(vigie: Pick<Vigie, 'keyring'>, e164: string): string {
  return vigie.keyring.blindIndex(e164, { table: 'customers', column: 'phone' });
}
