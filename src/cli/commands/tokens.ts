import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  AppError,
  createToken,
  findUserByUsername,
  listTokens,
  MAX_TOKEN_DAYS,
  ROLES,
  revokeToken,
} from '../../core/index.js';
import { CLI_PRINCIPAL, withVigie } from '../context.js';
import { type Format, type Io, output, table } from '../io.js';
import { formatOption } from './options.js';

/** `30d`, `12w` or a plain number of days. */
export function parseDays(value: string): number {
  const m = /^(\d{1,4})([dw]?)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 30d or 12w');
  const days = Number(m[1]) * (m[2] === 'w' ? 7 : 1);
  if (days < 1 || days > MAX_TOKEN_DAYS)
    throw new InvalidArgumentError(`expected 1 to ${MAX_TOKEN_DAYS} days`);
  return days;
}

export function registerTokenCommands(program: Command, io: Io): void {
  const token = program.command('token').description('manage API tokens');

  token
    .command('create')
    .description('create an API token; the secret is printed once and stored hashed')
    .requiredOption('--user <username>', 'owner of the token')
    .addOption(
      new Option('--role <role>', 'role the token acts with (never more than its owner has)')
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .requiredOption('--name <name>', 'what the token is for')
    .addOption(
      new Option('--expires-in <duration>', 'lifetime, e.g. 30d or 12w')
        .default(90, '90d')
        .argParser(parseDays),
    )
    .addOption(formatOption())
    .action(async (o: { user: string; role: string; name: string; expiresIn: number; format: Format }) => {
      const result = await withVigie(io, async (vigie) => {
        const owner = await findUserByUsername(vigie.db, o.user);
        if (!owner) throw new AppError('NOT_FOUND', `no user named ${o.user}`);
        return createToken(vigie, CLI_PRINCIPAL, {
          name: o.name,
          role: o.role as never,
          userId: owner.id,
          expiresInDays: o.expiresIn,
        });
      });
      output(io, o.format, result, (d) =>
        [
          `created token ${d.token.id} (${d.token.role}, expires ${d.token.expiresAt})`,
          `secret (shown once): ${d.secret}`,
        ].join('\n'),
      );
    });

  token
    .command('list')
    .description('list API tokens (never their secrets)')
    .addOption(formatOption())
    .action(async (o: { format: Format }) => {
      const tokens = await withVigie(io, (vigie) => listTokens(vigie));
      output(io, o.format, { tokens }, (d) =>
        table(d.tokens as unknown as Array<Record<string, unknown>>, [
          'id',
          'name',
          'username',
          'role',
          'prefix',
          'expiresAt',
          'revokedAt',
        ]),
      );
    });

  token
    .command('revoke <id>')
    .description('revoke an API token at once')
    .addOption(formatOption())
    .action(async (id: string, o: { format: Format }) => {
      await withVigie(io, (vigie) => revokeToken(vigie, CLI_PRINCIPAL, id));
      output(io, o.format, { revoked: id }, (d) => `revoked token ${d.revoked}`);
    });
}
