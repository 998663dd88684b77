/** At-least-once: restarted in the same group, a consumer stopped before its commit processes the same message again. */
import type { ProgramEvent } from '../../kafka/events.js';
import { judgeStartAtCommitted, waitForRestart } from './interrupted.js';
import { param, type Verification } from './types.js';
import { describeRef, messagesOf, type MessageRef, type Verdict } from './verdict.js';

/**
 * After the restart, the first message processed is the interrupted one (same
 * partition and offset), and nothing before it on that partition came again.
 *
 * @example
 *   judgeRedelivery({ partition: 0, offset: 7 }, restarted.seen).ok // true
 */
export function judgeRedelivery(interrupted: MessageRef, restartedEvents: readonly ProgramEvent[]): Verdict {
  const samePartition = messagesOf(restartedEvents).filter((m) => m.partition === interrupted.partition);
  const expected = `the restarted consumer to process ${describeRef(interrupted)} first, and nothing before it again`;
  const first = samePartition[0];
  if (!first) {
    return { ok: false, expected, happened: 'it processed no message of that partition', hint: 'Restart it with the same group id and give it a few seconds to be assigned the partition.' };
  }
  const earlier = samePartition.filter((m) => m.offset < interrupted.offset);
  if (earlier.length > 0) {
    return { ok: false, expected, happened: `it processed ${describeRef(earlier[0]!)} again, which had been committed`, hint: 'Was it restarted with the same group id?' };
  }
  if (first.offset !== interrupted.offset) {
    return { ok: false, expected, happened: `it started at ${describeRef(first)}: the interrupted message had been committed`, hint: 'Stop it between "Start storing" and "End storing", before "Message committed".' };
  }
  return { ok: true, expected, happened: `it processed ${describeRef(first)} ("${first.value}") again first: at-least-once delivery` };
}

/**
 * The restarted consumer first processes the interrupted message again, and nothing before it.
 *
 * @example
 *   await verifyRedelivery(ctx, { program: 'committer' }, 20_000)
 */
export const verifyRedelivery: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const restart = await waitForRestart(ctx, name, timeoutMs);
  const interrupted = restart.stop.interrupted;
  return interrupted ? judgeRedelivery(interrupted, restart.restarted) : judgeStartAtCommitted(name, restart, timeoutMs);
};
