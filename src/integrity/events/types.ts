/**
 * What an event is at the boundary (zod) and once accepted into Vigie. The customer id arrives from
 * the caller's systems and is turned into the pseudonymous subject at once; it is never stored.
 */
import { z } from 'zod';
import { MAX_EXTERNAL_ID } from '../vault/subject.js';

export const EVENT_TYPES = ['view', 'click', 'purchase', 'rating', 'email_open'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const BATCH_STATUSES = ['accepted', 'quarantined', 'released', 'purged'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
/** The statuses whose events models may use. */
export const USABLE_STATUSES: readonly BatchStatus[] = ['accepted', 'released'];

export const MAX_EVENT_ID = 128;
export const MAX_CUSTOMER_ID = MAX_EXTERNAL_ID;
export const MAX_ITEM = 256;
/** Events in one batch (one API call, one slice of an imported file). */
export const MAX_BATCH_EVENTS = 100_000;
/** Events accepted in one API request body. */
export const MAX_API_EVENTS = 10_000;
/** Ratings and amounts beyond this are typing errors or attacks on the arithmetic. */
const MAX_VALUE = 1e9;
/** Events dated further ahead than this are refused (clocks drift, but not by days). */
const FUTURE_SLACK_MS = 86_400_000;
/** Nothing a customer did predates the Unix epoch: earlier dates are typing or conversion errors. */
const EARLIEST = Date.UTC(1970, 0, 1);

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // Control characters have no business in ids and break exports and logs.
    .refine((s) => !hasControl(s), 'control characters are not allowed');

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export const eventInputSchema = z
  .object({
    event_id: text(MAX_EVENT_ID),
    customer_id: text(MAX_CUSTOMER_ID),
    type: z.enum(EVENT_TYPES),
    item: text(MAX_ITEM),
    value: z.number().min(-MAX_VALUE).max(MAX_VALUE).nullable().optional(),
    occurred_at: z.iso
      .datetime({ offset: true })
      .refine((s) => Date.parse(s) <= Date.now() + FUTURE_SLACK_MS, 'is in the future')
      .refine((s) => Date.parse(s) >= EARLIEST, 'is before 1970'),
  })
  .strict()
  .superRefine((e, ctx) => {
    const hasValue = e.value !== null && e.value !== undefined;
    if (e.type === 'rating' && !hasValue)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a rating needs a value' });
    if (e.type === 'purchase' && hasValue && e.value! < 0)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'an amount cannot be negative' });
    if ((e.type === 'view' || e.type === 'click' || e.type === 'email_open') && hasValue)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a ${e.type} event has no value` });
  });
export type EventInput = z.input<typeof eventInputSchema>;

export const eventBatchSchema = z.array(eventInputSchema).min(1).max(MAX_BATCH_EVENTS);

/** An event once validated and pseudonymised: what checks and storage see. */
export interface PreparedEvent {
  eventId: string;
  subject: string;
  type: EventType;
  item: string;
  value: number | null;
  /** Milliseconds since the epoch, and the same instant as stored (ISO-8601 UTC, milliseconds). */
  at: number;
  occurredAt: string;
}

/** What `acceptedEvents` yields to the insights and recommender code. */
export interface AcceptedEvent {
  subject: string;
  type: EventType;
  item: string;
  value: number | null;
  occurredAt: string;
}
