/** The behavioural events insights read: pseudonymous subject, never a customer id. */
export type InsightEventType = 'view' | 'click' | 'purchase' | 'rating' | 'email_open';

export interface InsightEvent {
  subject: string;
  type: InsightEventType;
  item: string;
  value: number | null;
  /** ISO 8601. */
  occurredAt: string;
}
