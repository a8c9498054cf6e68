/**
 * Where insights get their inputs: the vault (consent per purpose, protected attributes) and the
 * events of accepted batches. Gathered in one object so tests and the bench can hand in small fakes.
 */
import type { Executor, Vigie } from '../../../core/index.js';
import { acceptedEventList } from '../../events/index.js';
import {
  consentingSubjects,
  type Purpose,
  type SubjectAttributeName,
  subjectAttribute,
} from '../../vault/index.js';
import type { InsightEvent, InsightEventType } from '../types.js';

export interface InsightSources {
  /** `db`: read inside a write transaction, so a consent withdrawn meanwhile is seen before storing. */
  consenting(vigie: Vigie, purpose: Purpose, db?: Executor): Promise<Set<string>>;
  attribute(
    vigie: Vigie,
    name: SubjectAttributeName,
    subjects: Iterable<string>,
  ): Promise<Map<string, string>>;
  events(vigie: Vigie, options: { types?: readonly InsightEventType[] }): Promise<InsightEvent[]>;
}

export const defaultSources: InsightSources = {
  consenting: (vigie, purpose, db) => consentingSubjects(db ? { db } : vigie, purpose),
  attribute: (vigie, name, subjects) => subjectAttribute(vigie, name, subjects),
  // Only accepted or released batches: quarantined events never reach a model.
  events: (vigie, options) => acceptedEventList(vigie, options.types ? { types: options.types } : {}),
};

/** Events of the subjects in `allowed` only: consent filtering happens before any computation. */
export async function consentedEvents(
  vigie: Vigie,
  sources: InsightSources,
  purpose: Purpose,
  types?: readonly InsightEventType[],
): Promise<{ subjects: Set<string>; events: InsightEvent[] }> {
  const subjects = await sources.consenting(vigie, purpose);
  const all = await sources.events(vigie, types ? { types } : {});
  return { subjects, events: all.filter((e) => subjects.has(e.subject)) };
}
