import { AppError, chunked, type Vigie } from '../../core/index.js';
import { openProfile } from './seal.js';

export type SubjectAttributeName = 'gender' | 'age_band' | 'birth_year';
const NAMES: readonly SubjectAttributeName[] = ['gender', 'age_band', 'birth_year'];
const BATCH = 500;

/**
 * A protected attribute of subjects (for bias audits), decrypted from their profiles. Subjects without
 * the attribute, or not in the vault, are absent from the map; values are strings.
 */
export async function subjectAttribute(
  vigie: Pick<Vigie, 'db' | 'keyring'>,
  attribute: SubjectAttributeName,
  subjects?: Iterable<string>,
): Promise<Map<string, string>> {
  if (!NAMES.includes(attribute)) throw new AppError('VALIDATION', `unknown attribute ${String(attribute)}`);
  const out = new Map<string, string>();
  const take = async (rows: Array<{ subject: string; key_enc: string; profile_enc: string }>) => {
    for (const row of rows) {
      const value = (await openProfile(vigie, row.subject, row))[attribute];
      if (value !== undefined && value !== null) out.set(row.subject, String(value));
    }
  };
  const base = () => vigie.db.selectFrom('customers').select(['subject', 'key_enc', 'profile_enc']);
  if (subjects === undefined) {
    let last = '';
    for (;;) {
      const rows = await base().where('subject', '>', last).orderBy('subject').limit(BATCH).execute();
      if (rows.length === 0) break;
      await take(rows);
      last = rows[rows.length - 1]!.subject;
    }
    return out;
  }
  const list = [...new Set(subjects)];
  for (const part of chunked(list, BATCH)) await take(await base().where('subject', 'in', part).execute());
  return out;
}
