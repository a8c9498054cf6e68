import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ZodError } from 'zod';
import { AppError } from '../core/index.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerCustomerCommands } from './commands/customers.js';
import { registerDomainCommands } from './commands/domains.js';
import { registerEmailCommands } from './commands/email.js';
import { registerEventCommands } from './commands/events.js';
import { registerGuardCommands } from './commands/guard.js';
import { registerInsightsCommands } from './commands/insights.js';
import { registerIntegrityCommands } from './commands/integrity.js';
import { registerKeyCommands } from './commands/keys.js';
import { registerStudioCommands } from './commands/studio.js';
import { registerTokenCommands } from './commands/tokens.js';
import { registerUserCommands } from './commands/users.js';
import { registerWorkspaceCommands } from './commands/workspace.js';
import { CheckFailed, type Io } from './io.js';

export const VERSION = '0.1.0';

export function buildProgram(io: Io): Command {
  const program = new Command('vigie')
    .description('Vigie: AI for marketing and communications, with security built in')
    .version(VERSION)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's own usage errors: one line, then exit code 2.
      outputError: (s, write) => write(`${s.trim().split('\n')[0]}\n`),
    });
  registerWorkspaceCommands(program, io);
  registerUserCommands(program, io);
  registerTokenCommands(program, io);
  registerKeyCommands(program, io);
  registerAuditCommands(program, io);
  registerGuardCommands(program, io);
  registerIntegrityCommands(program, io);
  registerInsightsCommands(program, io);
  registerEventCommands(program, io);
  registerCustomerCommands(program, io);
  registerEmailCommands(program, io);
  registerDomainCommands(program, io);
  registerStudioCommands(program, io);
  // Subcommands inherit the error behaviour.
  const inherit = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput(program.configureOutput());
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

function oneLine(err: unknown): string {
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return issue
      ? `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`
      : 'invalid input';
  }
  if (err instanceof AppError || err instanceof InvalidArgumentError) return err.message;
  return `internal error: ${(err as Error)?.message ?? String(err)}`;
}

/** Runs the CLI: 0 success, 1 the check found what it looks for, 2 usage or input error. */
export async function run(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    // Commander has printed its own parsing errors; an InvalidArgumentError reaching here was thrown
    // by one of our actions and is printed below like any other bad input.
    if (err instanceof CommanderError && !(err instanceof InvalidArgumentError)) {
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version'
        ? 0
        : 2;
    }
    if (err instanceof CheckFailed) {
      if (err.message) io.stderr.write(`${err.message}\n`);
      return 1;
    }
    io.stderr.write(`vigie: ${oneLine(err).split('\n')[0]}\n`);
    return 2;
  }
}
