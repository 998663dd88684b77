/**
 * The programs a lesson runs in the background (consumers, consume-commit),
 * by the name the lesson gives them. Records every event with the time the
 * engine saw it, shows the student each one prefixed by the program's name,
 * and stops them all when the lesson ends, however it ends.
 */
import { formatEvent, type ProgramEvent } from '../kafka/events.js';
import type { ProgramKind } from './types.js';

/** What the engine needs of a started program (src/engine/process/ provides it). */
export interface RunningProgram {
  /** Calls `listener` for every event from now on. */
  onEvent(listener: (event: ProgramEvent) => void): void;
  /** Resolves when the process has exited. */
  exited: Promise<unknown>;
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<unknown>;
}

export type StartProgram = (kind: ProgramKind, args: string[], options: { env: Record<string, string> }) => RunningProgram;

export interface SeenEvent {
  event: ProgramEvent;
  /** Engine clock (ms) when the event arrived. */
  at: number;
}

export interface ProgramRun {
  name: string;
  kind: ProgramKind;
  group: string | undefined;
  startedAt: number;
  events: SeenEvent[];
  /** Set when the engine stopped it: when, how, and the events seen until then. */
  stop?: { at: number; signal: 'SIGTERM' | 'SIGKILL'; eventsBefore: number };
  exited: boolean;
}

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * @example
 *   const programs = new ProgramPool(startProgram, (line) => terminal.print(line));
 *   programs.spawn('earliest', 'consume', ['client1', '--group', g, '--json'], { env });
 *   await programs.waitFor('earliest', (e) => e.type === 'assigned', { timeoutMs: 20_000 });
 *   await programs.stopAll();
 */
export class ProgramPool {
  readonly #start: StartProgram;
  readonly #show: (line: string) => void;
  readonly #now: () => number;
  readonly #runs = new Map<string, ProgramRun[]>();
  readonly #live = new Map<ProgramRun, RunningProgram>();
  readonly #listeners = new Set<() => void>();

  constructor(start: StartProgram, show: (line: string) => void, now: () => number = Date.now) {
    this.#start = start;
    this.#show = show;
    this.#now = now;
  }

  spawn(name: string, kind: ProgramKind, args: string[], options: { env: Record<string, string>; group?: string }): ProgramRun {
    const run: ProgramRun = { name, kind, group: options.group, startedAt: this.#now(), events: [], exited: false };
    const program = this.#start(kind, args, { env: options.env });
    this.#runs.set(name, [...(this.#runs.get(name) ?? []), run]);
    this.#live.set(run, program);
    program.onEvent((event) => {
      run.events.push({ event, at: this.#now() });
      this.#show(`[${name}] ${formatEvent(event)}`);
      this.#listeners.forEach((notify) => notify());
    });
    void program.exited.finally(() => {
      run.exited = true;
      this.#live.delete(run);
      this.#listeners.forEach((notify) => notify());
    });
    return run;
  }

  /** The latest run of a program (restarts keep the same name). */
  current(name: string): ProgramRun | undefined {
    return this.#runs.get(name)?.at(-1);
  }

  /** The names of every program started so far (running or not). */
  get names(): string[] {
    return [...this.#runs.keys()];
  }

  /** Every run of a program, oldest first. */
  history(name: string): ProgramRun[] {
    return this.#runs.get(name) ?? [];
  }

  /**
   * Resolves with the first event of the current run matching `predicate`
   * (already seen or still to come), or undefined on timeout or exit.
   */
  waitFor(name: string, predicate: (event: ProgramEvent) => boolean, options: WaitOptions): Promise<ProgramEvent | undefined> {
    return this.waitUntil(() => {
      const run = this.current(name);
      const found = run?.events.find((seen) => predicate(seen.event))?.event;
      return found ?? (run === undefined || run.exited ? null : undefined);
    }, options).then((value) => value ?? undefined);
  }

  /** Re-evaluates `check` on every event until it returns a value (or null: give up). */
  waitUntil<T>(check: () => T | null | undefined, options: WaitOptions): Promise<T | null | undefined> {
    return new Promise((resolve) => {
      const done = (value: T | null | undefined) => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const listener = () => {
        const value = check();
        if (value !== undefined) done(value);
      };
      const onAbort = () => done(undefined);
      const timer = setTimeout(() => done(undefined), options.timeoutMs);
      options.signal?.addEventListener('abort', onAbort);
      this.#listeners.add(listener);
      listener();
    });
  }

  /** Stops the current run of a program and waits for it to exit; undefined when it was not running. */
  async stop(name: string, signal: 'SIGTERM' | 'SIGKILL'): Promise<ProgramRun | undefined> {
    const run = this.current(name);
    const program = run && this.#live.get(run);
    if (!run || !program) return undefined;
    run.stop = { at: this.#now(), signal, eventsBefore: run.events.length };
    await program.stop(signal);
    return run;
  }

  /** Stops everything still running: on success, failure, timeout, Ctrl-C and crash. */
  async stopAll(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    await Promise.allSettled([...this.#live.values()].map((program) => program.stop(signal)));
  }

  get running(): number {
    return this.#live.size;
  }
}
