/**
 * Progress of long operations: for the sandbox a clack spinner on a terminal, plain
 * lines otherwise (CI logs, tests), nothing when quiet; for `grade` a progress bar.
 */
export interface Progress {
  step(message: string): void;
  done(message: string): void;
  fail(message: string): void;
}

/**
 * Picks the right progress display for the output stream.
 *
 * @example
 *   const progress = await createProgress({ tty: process.stdout.isTTY });
 *   progress.step('Starting broker 1…');
 */
export async function createProgress(options: { tty?: boolean; quiet?: boolean; write?: (line: string) => void } = {}): Promise<Progress> {
  if (options.quiet) return { step: () => undefined, done: () => undefined, fail: () => undefined };
  if (options.tty) {
    // Loaded only for a terminal: `--help` and plain runs never load @clack/prompts.
    const { spinner } = await import('@clack/prompts');
    const spin = spinner();
    let started = false;
    return {
      step(message) {
        if (started) spin.message(message);
        else spin.start(message);
        started = true;
      },
      done: (message) => (started ? spin.stop(message) : process.stdout.write(`${message}\n`)),
      fail: (message) => started && spin.error(message),
    };
  }
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  let started = false;
  return {
    step(message) {
      started = true;
      write(message);
    },
    done: write,
    // Only after a step: a refusal before any work needs no "did not start" line on top.
    fail: (message) => started && write(message),
  };
}

/** A bar that fills one step per `advance`, for a terminal. */
export interface ProgressBar {
  advance(message: string): void;
  stop(message: string): void;
}

/**
 * Starts a progress bar of `max` steps with `message` beside it.
 *
 * @example
 *   const bar = await startProgressBar(30, 'Checking 30 students');
 *   bar.advance('1/30 checked'); bar.stop('Checked 30 students');
 */
export async function startProgressBar(max: number, message: string): Promise<ProgressBar> {
  const { progress } = await import('@clack/prompts');
  const bar = progress({ max, style: 'heavy' });
  bar.start(message);
  return { advance: (text) => bar.advance(1, text), stop: (text) => bar.stop(text) };
}
