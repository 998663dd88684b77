/**
 * What every lesson program shares: writing events (JSON or human lines),
 * and stopping like `docker stop` on SIGTERM / Ctrl-C. (A program whose
 * tutor goes away is sent SIGTERM by its parent watch: bin/, watch-parent.ts.)
 */
import { setTimeout as delay } from 'node:timers/promises';
import { BUG_REPORT_HINT, UserError, describeError } from '../../errors.js';
import { formatEvent, stampEvent, type EventBody, type ProgramEvent, type StopReason } from '../events.js';

export interface Emitter {
  readonly json: boolean;
  /** Stamps, writes and returns an event. */
  emit(body: EventBody): ProgramEvent;
  /** A line for people only (stderr in human mode; nothing in --json mode). */
  note(line: string): void;
  /** Reports a failure and returns the exit code; in human mode a `UserError` is thrown for `main` to print. */
  fail(error: unknown): number;
}

/**
 * Creates the writer of a program's output. In --json mode stdout carries events only.
 *
 * @example
 *   const out = createEmitter({ json: true });
 *   out.emit({ type: 'stopped', signal: 'SIGTERM' }); // {"type":"stopped","signal":"SIGTERM","time":"…"}
 */
export function createEmitter(options: { json: boolean; stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream }): Emitter {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // A reader that went away (EPIPE) must not crash a consumer before it has left its group.
  stdout.on('error', () => undefined);
  return {
    json: options.json,
    emit(body) {
      const event = stampEvent(body);
      stdout.write(`${options.json ? JSON.stringify(event) : formatEvent(event)}\n`);
      return event;
    },
    note(line) {
      if (!options.json) stderr.write(`${line}\n`);
    },
    fail(error) {
      if (!options.json) throw error;
      if (error instanceof UserError) {
        this.emit({ type: 'error', code: error.code ?? 'error', message: error.message, fix: error.fix ?? '' });
        return error.exitCode;
      }
      this.emit({ type: 'error', code: 'bug', message: describeError(error).text.split('\n')[0] ?? 'Unexpected error.', fix: BUG_REPORT_HINT });
      return 70;
    },
  };
}

export interface StopWatch {
  /** Aborted as soon as a stop is asked for: long waits (storing) listen to it. */
  readonly signal: AbortSignal;
  /** Resolves with the reason once a stop is asked for. */
  readonly stopped: Promise<StopReason>;
  /** Removes the listeners (the program is done). */
  dispose(): void;
}

/** How long a program may take to leave its group before it exits anyway. */
export const STOP_GRACE_MS = 4000;

/**
 * Watches for SIGTERM and SIGINT. After
 * a stop is asked, the program gets `graceMs` to leave its group cleanly; then
 * it exits anyway (a second Ctrl-C exits at once).
 *
 * @example
 *   const stop = watchForStop();
 *   const reason = await stop.stopped; // 'SIGTERM'
 */
export function watchForStop(options: { graceMs?: number; onForcedExit?: () => void } = {}): StopWatch {
  const controller = new AbortController();
  let resolveStopped!: (reason: StopReason) => void;
  const stopped = new Promise<StopReason>((resolve) => (resolveStopped = resolve));
  const request = (reason: StopReason) => {
    if (controller.signal.aborted) {
      if (reason === 'SIGINT') process.exit(130);
      return;
    }
    controller.abort(reason);
    resolveStopped(reason);
    // Bounded: a broker that does not answer must not keep a stopped program alive.
    setTimeout(() => {
      options.onForcedExit?.();
      process.exit(reason === 'SIGINT' ? 130 : 143);
    }, options.graceMs ?? STOP_GRACE_MS).unref();
  };
  const onTerm = () => request('SIGTERM');
  const onInt = () => request('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  return {
    signal: controller.signal,
    stopped,
    dispose() {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
    },
  };
}

/**
 * Waits `ms`, unless the signal aborts first; true when the full time passed.
 *
 * @example
 *   const stored = await waitUnlessStopped(3000, stop.signal); // false after a SIGTERM
 */
export async function waitUnlessStopped(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a clean-up step, but never longer than `ms` (a hung disconnect must not block the exit).
 *
 * @example
 *   await withinMs(3000, () => consumer.disconnect());
 */
export async function withinMs(ms: number, step: () => Promise<unknown>): Promise<boolean> {
  const timer = delay(ms, false, { ref: false });
  return Promise.race([step().then(() => true, () => false), timer]);
}
