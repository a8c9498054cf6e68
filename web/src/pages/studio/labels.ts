// Translation keys for Studio's vocabulary: i18next checks keys at compile time, so dynamic keys go
// through these tables.
import type { ContentType, DraftStatus, Involvement } from '../../api/studio';

export const STATUS_LABEL = {
  draft: 'studio.status.draft',
  in_review: 'studio.status.in_review',
  changes_requested: 'studio.status.changes_requested',
  approved: 'studio.status.approved',
  exported: 'studio.status.exported',
} as const satisfies Record<DraftStatus, string>;

export const TYPE_LABEL = {
  'press-release': 'studio.types.press-release',
  'web-page': 'studio.types.web-page',
  'social-post': 'studio.types.social-post',
  'marketing-email': 'studio.types.marketing-email',
  'customer-reply': 'studio.types.customer-reply',
} as const satisfies Record<ContentType, string>;

export const INVOLVEMENT_LABEL = {
  none: 'studio.involvement.none',
  assisted: 'studio.involvement.assisted',
  generated: 'studio.involvement.generated',
} as const satisfies Record<Involvement, string>;

export function isInvolvement(value: string | undefined): value is Involvement {
  return value === 'none' || value === 'assisted' || value === 'generated';
}
