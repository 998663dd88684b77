/**
 * The lesson programs (`consume-commit`, …) as `check` runs them: separate
 * processes, as a student runs them, through the engine's process layer. The
 * profile reaches them through the environment (a password never in argv),
 * and each is stopped when the lesson ends, however it ends.
 */
import { profileEnv, startProgram, type ProgramHandle, type ProgramKind } from '../engine/process/index.js';
import type { LessonContext } from './context.js';

/**
 * @example
 *   const p = startLessonProgram(ctx, 'consume-commit', [ctx.topic, group, '--store-ms', '20000']);
 *   await p.waitFor((e) => e.type === 'storing-started', { timeoutMs: timeLeft(ctx), what: '"Start storing"' });
 */
export function startLessonProgram(ctx: Pick<LessonContext, 'profile' | 'defer'>, kind: ProgramKind, args: string[]): ProgramHandle {
  const handle = startProgram(kind, args, { env: profileEnv(ctx.profile) });
  ctx.defer(() => handle.stop('SIGKILL'));
  return handle;
}
