/**
 * The small error vocabulary of kafka-tutor.
 *
 * A `UserError` is a mistake or a situation the user can fix: it carries the one
 * sentence they need and, when there is one, the command that fixes it. Only
 * `main` (src/cli.ts) turns errors into exit codes; anything that is not a
 * `UserError` is reported as a bug.
 *
 * @example
 *   throw new UserError('The folder auth/ does not exist.', {
 *     fix: 'mkdir auth && cp ~/Downloads/client45/* auth/',
 *   });
 */
export class UserError extends Error {
  readonly fix: string | undefined;
  readonly exitCode: number;
  /** A stable identifier for machines (e.g. `--json` output), such as `auth-missing`. */
  readonly code: string | undefined;

  constructor(message: string, options: { fix?: string; exitCode?: number; code?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.fix = options.fix;
    this.exitCode = options.exitCode ?? 1;
    this.code = options.code;
  }
}

/** The user stopped a prompt (Ctrl-C, Escape). Not an error: exit quietly. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'Cancelled';
  }
}

export const BUG_REPORT_HINT =
  'This is a bug in kafka-tutor, not something you did. Please report it to your course staff with the output above (run again with KAFKA_TUTOR_DEBUG=1 for details).';

export const NO_TTY = (flag: string) =>
  new UserError(`This command needs an interactive terminal, and this one is not.`, {
    fix: flag,
    exitCode: 2,
    code: 'no-tty',
  });

/** Turns any thrown value into the text a user sees, and an exit code. */
export function describeError(error: unknown): { text: string; exitCode: number } {
  if (error instanceof Cancelled) return { text: 'Cancelled. Your progress is saved.', exitCode: 130 };
  if (error instanceof UserError) {
    const fix = error.fix ? `\n  Fix: ${error.fix}` : '';
    return { text: `${error.message}${fix}`, exitCode: error.exitCode };
  }
  const detail = error instanceof Error ? (process.env.KAFKA_TUTOR_DEBUG ? error.stack ?? error.message : error.message) : String(error);
  return { text: `Unexpected error: ${detail}\n  ${BUG_REPORT_HINT}`, exitCode: 70 };
}
