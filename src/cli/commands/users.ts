import { type Command, Option } from 'commander';
import {
  AppError,
  createUser,
  findUserByUsername,
  generatePassword,
  listUsers,
  ROLES,
  type UserView,
  updateUser,
} from '../../core/index.js';
import { CLI_PRINCIPAL, withVigie } from '../context.js';
import { type Format, type Io, output, readAll, table } from '../io.js';
import { formatOption } from './options.js';

const roleOption = () =>
  new Option('--role <role>', 'one of the six roles').choices(ROLES).makeOptionMandatory();

function userLine(u: UserView): string {
  return `${u.username} (${u.role}${u.disabled ? ', disabled' : ''}) id ${u.id}`;
}

async function userId(io: Io, username: string): Promise<string> {
  return withVigie(io, async (vigie) => {
    const row = await findUserByUsername(vigie.db, username);
    if (!row) throw new AppError('NOT_FOUND', `no user named ${username}`);
    return row.id;
  });
}

export function registerUserCommands(program: Command, io: Io): void {
  const user = program.command('user').description('manage users and roles');

  user
    .command('add <username>')
    .description('create a user; prints a generated password once unless --password-stdin')
    .addOption(roleOption())
    .option('--email <email>', 'e-mail address (stored encrypted)')
    .option('--display-name <name>', 'name shown in the console (stored encrypted)')
    .option('--password-stdin', 'read the password from standard input')
    .addOption(formatOption())
    .action(
      async (
        username: string,
        o: { role: string; email?: string; displayName?: string; passwordStdin?: boolean; format: Format },
      ) => {
        const password = o.passwordStdin
          ? (await readAll(io.stdin)).replace(/\r?\n$/, '')
          : generatePassword();
        const created = await withVigie(io, (vigie) =>
          createUser(vigie, CLI_PRINCIPAL, {
            username,
            password,
            role: o.role as never,
            email: o.email,
            displayName: o.displayName,
          }),
        );
        const shown = o.passwordStdin ? undefined : password;
        output(io, o.format, { user: created, password: shown }, (d) =>
          [
            `created ${userLine(d.user)}`,
            ...(d.password ? [`password (shown once): ${d.password}`] : []),
          ].join('\n'),
        );
      },
    );

  user
    .command('list')
    .description('list users')
    .addOption(formatOption())
    .action(async (o: { format: Format }) => {
      const users = await withVigie(io, (vigie) => listUsers(vigie));
      output(io, o.format, { users }, (d) =>
        table(d.users as unknown as Array<Record<string, unknown>>, [
          'username',
          'role',
          'disabled',
          'email',
          'lockedUntil',
          'id',
        ]),
      );
    });

  user
    .command('set-role <username> <role>')
    .description('change the role of a user (ends their sessions)')
    .addOption(formatOption())
    .action(async (username: string, role: string, o: { format: Format }) => {
      if (!(ROLES as readonly string[]).includes(role))
        throw new AppError('VALIDATION', `role must be one of ${ROLES.join(', ')}`);
      const id = await userId(io, username);
      const u = await withVigie(io, (vigie) => updateUser(vigie, CLI_PRINCIPAL, id, { role: role as never }));
      output(io, o.format, { user: u }, (d) => `updated ${userLine(d.user)}`);
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(
        disabled
          ? 'disable a user (kept, not deleted) and end their sessions at once'
          : 'enable a disabled user',
      )
      .addOption(formatOption())
      .action(async (username: string, o: { format: Format }) => {
        const id = await userId(io, username);
        const u = await withVigie(io, (vigie) => updateUser(vigie, CLI_PRINCIPAL, id, { disabled }));
        output(io, o.format, { user: u }, (d) => `${name}d ${userLine(d.user)}`);
      });
  }
}
