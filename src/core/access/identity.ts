import type { Executor } from '../db/index.js';
import type { Principal } from './permissions.js';

/**
 * Who a person is for four-eyes checks: the user behind a session or a token (so a token cannot
 * approve its owner's request), `cli` for the local operator.
 */
export function identityOf(actor: Principal | undefined): string {
  if (!actor) return 'system';
  return actor.via === 'cli' ? 'cli' : `user:${actor.userId}`;
}

/** The person behind a stored actor (`actorOf`): a token acts for its owner, anything else is itself. */
export async function personBehind(db: Executor, actor: string): Promise<string> {
  if (!actor.startsWith('token:')) return actor;
  const row = await db
    .selectFrom('api_tokens')
    .select('user_id')
    .where('id', '=', actor.slice('token:'.length))
    .executeTakeFirst();
  return row ? `user:${row.user_id}` : actor;
}

/**
 * Four eyes: may `decider` decide on what `requester` (an identity) asked for or sent? Never one's
 * own; the CLI operator is anonymous, so what came from the CLI needs a named user to decide it.
 * Work of the system itself (no requester) may be decided by anyone allowed to.
 */
export function isSomeoneElse(decider: Principal | undefined, requester: string): boolean {
  if (requester === 'system') return true;
  const who = identityOf(decider);
  return who !== requester && (requester !== 'cli' || who.startsWith('user:'));
}
