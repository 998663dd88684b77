/**
 * The lesson programs (`consume-commit`, …) as `check` runs them: separate
 * processes, as the student runs them, read through their `--json` events.
 * The credentials reach them through the same flags and environment as
 * `check` itself; a password only ever through the environment.
 */
import type { ProgramEvent } from '../kafka/events.js';
import type { ProgramKind } from '../engine/types.js';
import type { LessonContext } from './context.js';
import { waitUntil } from './wait.js';
import { spawnProgram } from './spawn.js';

export interface Program {
  events: ProgramEvent[];
  /** Resolves with the first event that passes `test` (seen before or after the call). */
  waitFor<E extends ProgramEvent>(test: (event: ProgramEvent) => event is E, what: string, timeoutMs: number): Promise<E>;
  /** Sends the signal and resolves once the process has exited. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  exited: boolean;
}

/** The cluster flags for a child, so that it connects exactly as this run does. */
export function clusterArgs(ctx: Pick<LessonContext, 'profile' | 'flags' | 'clientId'>): string[] {
  const { profile, flags } = ctx;
  // With a config file the child must read it too (it may name the keystore); otherwise the resolved values suffice.
  if (profile.configFile !== undefined) {
    return Object.entries({ bootstrap: flags.bootstrap, auth: flags.auth, 'client-id': flags.clientId, config: flags.config ?? profile.configFile })
      .filter((e): e is [string, string] => e[1] !== undefined)
      .flatMap(([k, v]) => [`--${k}`, v]);
  }
  return ['--bootstrap', profile.brokers.join(','), '--auth', profile.authDir, '--client-id', ctx.clientId];
}

/**
 * Starts a lesson program with `--json` and records its events; it is stopped
 * when the lesson ends, however it ends.
 *
 * @example
 *   const p = startLessonProgram(ctx, 'consume-commit', [ctx.topic, group, '--store-ms', '5000']);
 *   const storing = await p.waitFor((e): e is EventOf<'storing-started'> => e.type === 'storing-started', 'Start storing', 10_000);
 */
export function startLessonProgram(ctx: LessonContext, kind: ProgramKind, args: string[]): Program {
  const events: ProgramEvent[] = [];
  const changed = new Set<() => void>();
  const child = spawnProgram(kind, [...args, '--json', ...clusterArgs(ctx)], { env: process.env as Record<string, string> });
  const program: Program = {
    events,
    exited: false,
    waitFor<E extends ProgramEvent>(test: (event: ProgramEvent) => event is E, what: string, timeoutMs: number): Promise<E> {
      let found: E | undefined;
      return waitUntil(
        () => {
          found = events.find(test);
          if (found) return true;
          const error = events.find((e) => e.type === 'error');
          if (error?.type === 'error') throw Object.assign(new Error(error.message), { fix: error.fix, code: error.code, fromProgram: true });
          if (program.exited) throw new Error(`kafka-tutor ${kind} exited before ${what}.`);
          return false;
        },
        changed,
        { timeoutMs, what, signal: ctx.signal },
      ).then(() => found as E);
    },
    async stop(signal) {
      if (!program.exited) await child.stop(signal);
    },
  };
  child.onEvent((event) => {
    events.push(event);
    changed.forEach((f) => f());
  });
  void child.exited.finally(() => {
    program.exited = true;
    changed.forEach((f) => f());
  });
  ctx.defer(() => program.stop('SIGKILL'));
  return program;
}
