/**
 * What every lesson program shares: writing events (JSON or human lines),
 * stopping like `docker stop`, and the IO a program runs with: the child's
 * (stdout, signals, its own profile: child.ts) or `check`'s in-process one
 * (src/engine/process/in-process.ts). Both run the same program functions.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { BUG_REPORT_HINT, UserError, describeError } from '../../errors.js';
import type { ClusterProfile, Credentials } from '../../profile/types.js';
import type { WatermarkReader } from './backlog.js';
import { formatEvent, formatSent, stampEvent, type EventBody, type ProgramEvent, type SentBatch, type StopReason } from '../events.js';

export interface Emitter {
  readonly json: boolean;
  /** Stamps, writes and returns an event. */
  emit(body: EventBody): ProgramEvent;
  /** Writes one `sent` event per message of a produced batch (the first `limit` only, when given), all with one time and in one write. */
  emitSent(batch: SentBatch, limit?: number): void;
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
    emitSent({ topic, lines, partitions, offsets }, limit = lines.count) {
      const count = Math.min(limit, lines.count);
      if (count <= 0) return;
      // Built by hand: a batch has thousands of these; the result is emit's, line for line (runtime.test.ts).
      const head = `{"type":"sent","time":"${new Date().toISOString()}","topic":${JSON.stringify(topic)},"partition":`;
      let text = '';
      for (let i = 0; i < count; i++) {
        const partition = partitions[i]!;
        const offset = offsets[i]!;
        const value = lines.text(i);
        text += options.json ? `${head}${partition},"offset":${offset},"value":${JSON.stringify(value)}}\n` : `${formatSent({ topic, partition, offset, value })}\n`;
      }
      stdout.write(text);
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

/** The cluster a program talks to: its resolved profile and opened credentials. */
export interface OpenedProfile {
  profile: ClusterProfile;
  credentials: Credentials;
  /** A topic's high-watermark reader on a client the caller already has open (`check`'s); undefined for a topic it does not serve, and a program then opens its own. */
  watermarks?: ((topic: string) => WatermarkReader | undefined) | undefined;
  /**
   * How long a consumer's fetch waits on a topic with nothing new (kafkajs `maxWaitTimeInMs`; default 500 ms).
   * `assigned` waits for the first fetch after a join, so `check`'s consumers wait less: they are assigned sooner and live shorter.
   */
  fetchWaitMs?: number | undefined;
}

/** Everything a program function gets besides its options. */
export interface ProgramIO {
  /** Where its events (and, in human mode, its notes) go. */
  out: Emitter;
  /** When it is asked to stop (SIGTERM, SIGINT, or an abort from `check`). */
  stop: StopWatch;
  /** The profile and credentials: a child resolves its flags and opens the keystore; `check` hands over the ones it opened once. */
  open(): Promise<OpenedProfile>;
}

/**
 * A stop asked from inside this process: aborting `signal` with a StopReason is
 * the SIGTERM of a child (the program leaves its group and commits nothing more).
 *
 * @example
 *   const abort = new AbortController();
 *   const stop = stopOnAbort(abort.signal);
 *   abort.abort('SIGTERM'); // await stop.stopped → 'SIGTERM'
 */
export function stopOnAbort(signal: AbortSignal): StopWatch {
  const stopped = new Promise<StopReason>((resolve) => {
    const done = () => resolve((signal.reason as StopReason | undefined) ?? 'SIGTERM');
    if (signal.aborted) done();
    else signal.addEventListener('abort', done, { once: true });
  });
  return { signal, stopped, dispose: () => undefined };
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
