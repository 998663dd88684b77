/**
 * The student's terminal, as the engine sees it: prompts (@clack/prompts with
 * injectable streams, so tests can type), key presses, and lines printed by
 * background programs (held back while a prompt is open, so they never garble it).
 */
import * as clack from '@clack/prompts';
import type { Readable, Writable } from 'node:stream';
import { Cancelled } from '../errors.js';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export interface TerminalStreams {
  input: Readable;
  output: Writable;
}

/**
 * Prompts and output for one session of the tutor.
 *
 * @example
 *   const terminal = createTerminal({ input: process.stdin, output: process.stdout });
 *   const go = await terminal.confirm('Start the lesson?');
 */
export interface Terminal {
  select<T extends string>(message: string, options: Choice<T>[], initial?: T): Promise<T>;
  confirm(message: string, initial?: boolean): Promise<boolean>;
  /** `defaultValue` is the answer when the student just presses Enter. */
  text(message: string, options?: { placeholder?: string; defaultValue?: string; validate?: (value: string) => string | undefined }): Promise<string>;
  /** A hidden answer (a keystore password): masked on screen, never echoed back. */
  password(message: string, options?: { validate?: (value: string) => string | undefined }): Promise<string>;
  /** Waits for one key; `h` calls `onHint` and keeps waiting; Ctrl-C cancels. */
  waitForKey(options?: { timeoutMs?: number; onHint?: () => void }): Promise<'key' | 'timeout'>;
  /** A line from a background program; held while a prompt is open. */
  print(line: string): void;
  info(text: string): void;
  step(text: string): void;
  success(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  note(text: string, title?: string): void;
  intro(text: string): void;
  outro(text: string): void;
}

function answer<T>(value: T | symbol): T {
  // Ctrl-C or Escape in a prompt: progress is saved after every step, so leaving is safe.
  if (clack.isCancel(value)) throw new Cancelled();
  return value as T;
}

/**
 * The real terminal (or test streams) behind every prompt and line of a lesson.
 *
 * @example
 *   const terminal = createTerminal({ input: process.stdin, output: process.stdout });
 */
export function createTerminal(streams: TerminalStreams): Terminal {
  const { input, output } = streams;
  const io = { input, output };
  let prompting = false;
  const held: string[] = [];
  const write = (line: string) => output.write(`${line}\n`);
  const flush = () => held.splice(0).forEach(write);
  async function prompt<T>(run: () => Promise<T | symbol>): Promise<T> {
    prompting = true;
    try {
      return answer(await run());
    } finally {
      prompting = false;
      flush();
    }
  }
  return {
    select: <T extends string>(message: string, options: Choice<T>[], initial?: T) =>
      prompt<T>(() => clack.select<T>({ ...io, message, options: options as clack.Option<T>[], ...(initial === undefined ? {} : { initialValue: initial }) })),
    confirm: (message, initial = true) => prompt<boolean>(() => clack.confirm({ ...io, message, initialValue: initial })),
    text: (message, options = {}) =>
      prompt<string>(() => clack.text({ ...io, message, ...(options.placeholder ? { placeholder: options.placeholder } : {}), ...(options.defaultValue ? { defaultValue: options.defaultValue } : {}), validate: (v) => options.validate?.(v ?? '') })),
    password: (message, options = {}) => prompt<string>(() => clack.password({ ...io, message, validate: (v) => options.validate?.(v ?? '') })),
    waitForKey: (options = {}) => waitForKey(input, options),
    print: (line) => (prompting ? held.push(line) : write(line)),
    info: (text) => clack.log.info(text, io),
    step: (text) => clack.log.step(text, io),
    success: (text) => clack.log.success(text, io),
    warn: (text) => clack.log.warn(text, io),
    error: (text) => clack.log.error(text, io),
    note: (text, title) => clack.note(text, title, io),
    intro: (text) => clack.intro(text, io),
    outro: (text) => clack.outro(text, io),
  };
}

function waitForKey(input: Readable, options: { timeoutMs?: number; onHint?: () => void }): Promise<'key' | 'timeout'> {
  const tty = input as Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  return new Promise((resolve, reject) => {
    const raw = Boolean(tty.isTTY && tty.setRawMode);
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => done(() => resolve('timeout')), options.timeoutMs);
    function done(settle: () => void) {
      if (timer) clearTimeout(timer);
      input.off('data', onData);
      if (raw) tty.setRawMode!(false);
      input.pause();
      settle();
    }
    function onData(chunk: Buffer | string) {
      const text = chunk.toString();
      if (text.includes('\x03')) return done(() => reject(new Cancelled()));
      if (text.trim().toLowerCase() === 'h' && options.onHint) return options.onHint();
      done(() => resolve('key'));
    }
    if (raw) tty.setRawMode!(true);
    input.on('data', onData);
    input.resume();
  });
}
