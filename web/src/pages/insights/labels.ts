import type { TFunction } from 'i18next';
import type { Segment } from './api';

const RFM = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new_customers',
  'at_risk',
  'hibernating',
  'need_attention',
] as const;
type RfmName = (typeof RFM)[number];
const isRfm = (v: unknown): v is RfmName => typeof v === 'string' && (RFM as readonly string[]).includes(v);

/** A segment's name in the reader's language, from its definition (the stored name is English). */
export function segmentLabel(
  t: TFunction,
  s: { name: string; definition: Segment['definition'] | null },
): string {
  const d = s.definition;
  if (!d) return s.name;
  if (d.kind === 'rfm' && isRfm(d.segment))
    return t('insights.names.rfm', { segment: t(`insights.rfm.${d.segment}`) });
  if (d.kind === 'cluster' && typeof d.cluster === 'number')
    return t('insights.names.cluster', { n: d.cluster + 1, k: d.k });
  if (d.kind === 'propensity')
    return t('insights.names.propensity', { threshold: d.threshold, days: d.horizonDays });
  return s.name;
}

/** The label of the segment an audit or a use refers to (its id when the segment was deleted). */
export const referencedSegmentLabel = (
  t: TFunction,
  x: { segmentId: string; segmentName: string | null; segmentDefinition: Record<string, unknown> | null },
): string =>
  x.segmentName ? segmentLabel(t, { name: x.segmentName, definition: x.segmentDefinition }) : x.segmentId;

const GROUP_VALUES = {
  gender: ['female', 'male', 'non_binary', 'other', 'undisclosed'],
  age_band: ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'],
} as const;
type GroupAttribute = keyof typeof GROUP_VALUES;

const isValueOf = <A extends GroupAttribute>(
  attribute: A,
  value: string,
): value is (typeof GROUP_VALUES)[A][number] =>
  (GROUP_VALUES[attribute] as readonly string[]).includes(value);

/** A protected attribute's value (an audit's group, a profile field) in the reader's language; unknown values as they are. */
export function groupLabel(
  t: TFunction,
  attribute: GroupAttribute | null | undefined,
  value: string,
): string {
  if (attribute === 'gender' && isValueOf('gender', value)) return t(`insights.groupValues.gender.${value}`);
  if (attribute === 'age_band' && isValueOf('age_band', value))
    return t(`insights.groupValues.age_band.${value}`);
  return value;
}
