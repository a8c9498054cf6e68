/** Rating data from the attack generator as event batches, for tests and the bench. */
import type { Rating } from '../ratings.js';
import type { EventInput } from './types.js';

export function ratingEvents(ratings: readonly Rating[], prefix: string): EventInput[] {
  return ratings.map((r, i) => ({
    event_id: `${prefix}-${i}`,
    customer_id: `cust-${r.user}`,
    type: 'rating' as const,
    item: `item-${r.item}`,
    value: r.rating,
    occurred_at: new Date((r.timestamp ?? 0) * 1000).toISOString(),
  }));
}
