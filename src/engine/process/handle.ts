/**
 * A running lesson program as the engine and `check` see it: its `--json`
 * events (as a list, a stream and callbacks), waiting for an event with a
 * clear timeout message, writing lines to `produce`, and stopping it.
 */
import { formatEvent, type ProgramEvent } from '../../kafka/events.js';

export type ProgramKind = 'consume' | 'consume-commit' | 'produce';

/** How a program ended: its exit code (null when a signal ended it) and everything it reported. */
export interface ProgramExit {
  exitCode: number | null;
  signal: string | null;
  events: ProgramEvent[];
  /** What it wrote to stderr (its human notes; a crash's message). */
  stderr: string;
}

/** A `waitFor` that did not see its event: what was expected and what happened instead. */
export class ProgramWaitError extends Error {
  readonly expected: string;
  readonly happened: string;
  constructor(expected: string, happened: string) {
    super(`Expected ${expected}, but ${happened.replace(/\.$/, '')}.`);
    this.name = 'ProgramWaitError';
    this.expected = expected;
    this.happened = happened;
  }
}

export interface WaitForOptions {
  timeoutMs: number;
  /** What the event means, for the timeout message, e.g. 'the consumer to be assigned its partitions'. */
  what: string;
}

/** The process underneath a handle (start-program.ts provides it). */
export interface ProgramProcess {
  pid: number | undefined;
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
  writeLine(text: string): void;
  closeInput(): void;
}

const describeRecent = (events: ProgramEvent[]) =>
  events.length === 0 ? 'it reported nothing' : `its last events were: ${events.slice(-3).map((e) => formatEvent(e).split('\n')[0]).join(' | ')}`;

/**
 * @example
 *   const consumer = startProgram('consume', ['client1', '--group', group, '--from', 'earliest']);
 *   await consumer.waitFor((e) => e.type === 'assigned', { timeoutMs: 20_000, what: 'the consumer to be assigned a partition' });
 *   const { exitCode, events } = await consumer.stop('SIGTERM');
 */
export class ProgramHandle {
  readonly kind: ProgramKind;
  readonly #process: ProgramProcess;
  readonly #events: ProgramEvent[] = [];
  readonly #listeners = new Set<(event: ProgramEvent) => void>();
  readonly #changed = new Set<() => void>();
  #exit: ProgramExit | undefined;
  #stderr = '';
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<ProgramExit>;
  #resolveExit!: (exit: ProgramExit) => void;

  constructor(kind: ProgramKind, process: ProgramProcess) {
    this.kind = kind;
    this.#process = process;
    this.exited = new Promise((resolve) => (this.#resolveExit = resolve));
  }

  get pid(): number | undefined {
    return this.#process.pid;
  }

  /** Every event so far, oldest first. */
  get seen(): readonly ProgramEvent[] {
    return this.#events;
  }

  /** The exit, once the process has exited. */
  get exit(): ProgramExit | undefined {
    return this.#exit;
  }

  /** Calls `listener` for every event from now on; returns the function that stops it. */
  onEvent(listener: (event: ProgramEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Every event, the ones already seen first, until the process exits. */
  get events(): AsyncIterable<ProgramEvent> {
    return { [Symbol.asyncIterator]: () => this.#iterate() };
  }

  async *#iterate(): AsyncGenerator<ProgramEvent> {
    for (let next = 0; ; next++) {
      while (next >= this.#events.length) {
        if (this.#exit) return;
        await new Promise<void>((resolve) => this.#changed.add(resolve));
      }
      yield this.#events[next] as ProgramEvent;
    }
  }

  /** The line a person reads for each event so far (the same text the program prints in human mode). */
  lines(): string[] {
    return this.#events.map(formatEvent);
  }

  /**
   * The first event (seen already or still to come) matching `predicate`;
   * rejects with a `ProgramWaitError` on timeout or when the program exits first.
   */
  waitFor<E extends ProgramEvent = ProgramEvent>(predicate: (event: ProgramEvent) => boolean, options: WaitForOptions): Promise<E> {
    return new Promise<E>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        this.#changed.delete(check);
        outcome();
      };
      const check = () => {
        const found = this.#events.find(predicate);
        if (found) return finish(() => resolve(found as E));
        if (this.#exit) return finish(() => reject(new ProgramWaitError(options.what, this.#describeExit(this.#exit as ProgramExit))));
        this.#changed.add(check);
      };
      const timer = setTimeout(() => finish(() => reject(new ProgramWaitError(options.what, `after ${(options.timeoutMs / 1000).toFixed(1)} s ${describeRecent(this.#events)}`))), options.timeoutMs);
      check();
    });
  }

  #describeExit(exit: ProgramExit): string {
    const error = exit.events.find((e) => e.type === 'error');
    const how = exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.exitCode}`;
    if (error?.type === 'error') return `the ${this.kind} program ${how}: ${error.message}`;
    const note = exit.stderr.trim().split('\n').at(-1);
    return `the ${this.kind} program ${how}, and ${describeRecent(exit.events)}${note ? ` (stderr: ${note})` : ''}`;
  }

  /** Sends one line to `produce` (its stdin). */
  writeLine(text: string): void {
    this.#process.writeLine(text);
  }

  /** Ends `produce`'s input: it sends what it has and exits. */
  closeInput(): void {
    this.#process.closeInput();
  }

  /**
   * Stops the program and resolves when it exited. SIGTERM, like `docker stop`:
   * it leaves its group and commits nothing more. SIGKILL, like `docker kill`.
   */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<ProgramExit> {
    if (!this.#exit) this.#process.kill(signal);
    return this.exited;
  }

  /** Called by start-program.ts for each event line. */
  receive(event: ProgramEvent): void {
    this.#events.push(event);
    for (const listener of this.#listeners) listener(event);
    this.#notify();
  }

  /** Called by start-program.ts for stderr text. */
  receiveStderr(text: string): void {
    this.#stderr += text;
  }

  /** Called by start-program.ts once the process is gone and its output is read. */
  settle(exitCode: number | null, signal: string | null): void {
    if (this.#exit) return;
    this.#exit = { exitCode, signal, events: [...this.#events], stderr: this.#stderr };
    this.#resolveExit(this.#exit);
    this.#notify();
  }

  #notify(): void {
    const waiting = [...this.#changed];
    this.#changed.clear();
    waiting.forEach((wake) => wake());
  }
}
