/**
 * One-off questions outside a lesson (the tutor's own prompts are in terminal.ts):
 * a yes/no before something is erased, a hidden password. @clack/prompts draws them;
 * Ctrl-C or Escape throws Cancelled.
 */
import { confirm, isCancel, password } from '@clack/prompts';
import { Cancelled } from '../errors.js';

/** Streams to ask on; the process's own by default (tests pass their own). */
export interface PromptStreams {
  input?: NodeJS.ReadableStream | undefined;
  output?: NodeJS.WritableStream | undefined;
}

const io = (streams: PromptStreams) => ({
  ...(streams.input ? { input: streams.input as NodeJS.ReadStream } : {}),
  ...(streams.output ? { output: streams.output as NodeJS.WriteStream } : {}),
});

function answer<T>(value: T | symbol): T {
  if (isCancel(value)) throw new Cancelled();
  return value as T;
}

/**
 * A yes/no question, "no" preselected: what to ask before deleting anything.
 *
 * @example
 *   if (!(await askYesNo('Erase your progress in every lesson?'))) return 0;
 */
export async function askYesNo(message: string, streams: PromptStreams = {}): Promise<boolean> {
  return answer<boolean>(await confirm({ message, initialValue: false, ...io(streams) }));
}

/**
 * A masked answer (a keystore password); `validate` returns the sentence to show, or undefined.
 *
 * @example
 *   const secret = await askHidden('Password of auth/client1.p12', (v) => (v ? undefined : 'Type it.'));
 */
export async function askHidden(message: string, validate: (value: string) => string | undefined, streams: PromptStreams = {}): Promise<string> {
  return answer<string>(await password({ message, validate: (value) => validate(value ?? ''), ...io(streams) }));
}
