/**
 * The command line: a thin layer that parses flags and hands over to the core.
 * Nothing runs at import time; `createCli()` can be tested without a process.
 * Heavy modules (kafkajs, prompts) are imported inside command actions only,
 * so `--help` and `--version` stay fast.
 */
import { Command, CommanderError } from 'commander';
import { describeError } from './errors.js';
import { registerCommands } from './commands/index.js';
import { packageVersion } from './package-root.js';

export interface CliResult {
  exitCode: number;
}

/** Commander says "error: …\n(Did you mean x?)"; a user reads one line better. */
function oneLine(text: string): string {
  return `${text.trim().replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)')}\n`;
}

/**
 * Builds the command tree. `result.exitCode` is set by whichever action runs.
 *
 * @example
 *   const { program, result } = createCli();
 *   await program.parseAsync(['node', 'kafka-tutor', 'config']);
 */
export function createCli(): { program: Command; result: CliResult } {
  const result: CliResult = { exitCode: 0 };
  const program = new Command('kafka-tutor')
    .description('A tutor for the Kafka publish/subscribe tutorial: guided lessons, a self-check for graders, and a local Kafka sandbox.')
    .version(packageVersion(), '-v, --version', 'print the version of kafka-tutor')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (text, write) => write(oneLine(text)) })
    .exitOverride();
  registerCommands(program, result);
  return { program, result };
}

/** Runs the CLI and returns the process exit code. Only here do errors become exit codes. */
export async function main(argv: string[]): Promise<number> {
  // `kafka-tutor doctor | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { program, result } = createCli();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its one-line error (with "Did you mean …?") or the help.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { text, exitCode } = describeError(error);
    process.stderr.write(`${text}\n`);
    return exitCode;
  }
}
