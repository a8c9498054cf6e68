import type { Principal } from './permissions.js';

/**
 * Who a person is for four-eyes checks: the user behind a session or a token (so a token cannot
 * approve its owner's request), `cli` for the local operator.
 */
export function identityOf(actor: Principal | undefined): string {
  if (!actor) return 'system';
  return actor.via === 'cli' ? 'cli' : `user:${actor.userId}`;
}
