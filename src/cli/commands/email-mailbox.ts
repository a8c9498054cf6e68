import { type Command, Option } from 'commander';
import { AppError } from '../../core/index.js';
import { pollMailbox } from '../../shield/index.js';
import { CLI_PRINCIPAL, withVigie, workspaceExists } from '../context.js';
import type { Io } from '../io.js';

/** `vigie email poll`: the reported-phish mailbox, polled once now with the workspace's settings. */
export function registerMailboxCommands(email: Command, io: Io): void {
  email
    .command('poll')
    .description('poll the reported-phish mailbox once: analyse, store, answer the reporters')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action(async (o: { format: 'text' | 'json' }) => {
      if (!workspaceExists(io))
        throw new AppError('VALIDATION', 'no workspace here: run `vigie serve` first');
      const poll = await withVigie(io, (vigie) => pollMailbox(vigie, CLI_PRINCIPAL));
      if (o.format === 'json') {
        io.stdout.write(`${JSON.stringify({ poll }, null, 2)}\n`);
        return;
      }
      io.stdout.write(
        `${poll.fetched} fetched, ${poll.analysed} analysed, ${poll.rejected} rejected, ` +
          `${poll.replied} answered, ${poll.replyFailed} answers failed, ` +
          `${poll.replySkipped} not answered (daily limit), ${poll.skipped} already done\n`,
      );
    });
}
