/**
 * Naming a customer on the command line: `--subject <id>` (the pseudonymous id, which may start with
 * a dash and so cannot be a positional argument) or `--email <address>` through the blind index.
 */
import { Option } from 'commander';
import { AppError, type Vigie } from '../../core/index.js';
import { findSubjects, subjectSchema } from '../../integrity/vault/index.js';
import { CLI_PRINCIPAL } from '../context.js';

export const subjectOption = () => new Option('--subject <id>', 'the customer subject id');
export const emailOption = () => new Option('--email <address>', 'find the customer by e-mail');

/** A subject given directly, or found through the e-mail blind index (exactly one match). */
export async function resolveSubject(vigie: Vigie, o: { subject?: string; email?: string }): Promise<string> {
  if (o.subject) {
    const parsed = subjectSchema.safeParse(o.subject);
    if (!parsed.success) throw new AppError('VALIDATION', '--subject: not a subject id');
    return parsed.data;
  }
  if (!o.email) throw new AppError('VALIDATION', 'give --subject or --email');
  const found = await findSubjects(vigie, CLI_PRINCIPAL, { email: o.email });
  if (found.length === 0) throw new AppError('NOT_FOUND', 'no customer has this e-mail');
  if (found.length > 1) throw new AppError('CONFLICT', 'several customers have this e-mail: use --subject');
  return found[0]!;
}
