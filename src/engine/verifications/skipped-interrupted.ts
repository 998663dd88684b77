/** At-most-once: restarted in the same group, a consumer that committed before storing never processes the interrupted message again. */
import type { ProgramEvent } from '../../kafka/events.js';
import { judgeStartAtCommitted, waitForRestart } from './interrupted.js';
import { param, type Verification } from './types.js';
import { describeRef, messagesOf, type MessageRef, type Verdict } from './verdict.js';

/**
 * After the restart, the first message processed on the interrupted message's
 * partition is the one right after it, and the interrupted one never comes.
 *
 * @example
 *   judgeSkipped({ partition: 0, offset: 7 }, restarted.seen).ok // true when it began at offset 8
 */
export function judgeSkipped(interrupted: MessageRef, restartedEvents: readonly ProgramEvent[]): Verdict {
  const samePartition = messagesOf(restartedEvents).filter((m) => m.partition === interrupted.partition);
  const next = { partition: interrupted.partition, offset: interrupted.offset + 1 };
  const expected = `the restarted consumer to begin at ${describeRef(next)}, the message after the interrupted one, and never process ${describeRef(interrupted)} again`;
  const first = samePartition[0];
  if (!first) {
    return { ok: false, expected, happened: 'it processed no message of that partition', hint: 'Restart it with the same group id and give it a few seconds to be assigned the partition; a message after the interrupted one must be in the topic.' };
  }
  const again = samePartition.find((m) => m.offset <= interrupted.offset);
  if (again?.offset === interrupted.offset) {
    return { ok: false, expected, happened: `it processed ${describeRef(again)} ("${again.value}") again: it had not been committed, so nothing was lost`, hint: 'Run consume-commit with --commit-before-store: it commits each message before storing it.' };
  }
  if (again) return { ok: false, expected, happened: `it processed ${describeRef(again)} again, which had been committed`, hint: 'Was it restarted with the same group id?' };
  if (first.offset !== next.offset) return { ok: false, expected, happened: `it began at ${describeRef(first)}`, hint: 'Was it restarted with the same group id?' };
  return { ok: true, expected, happened: `it began at ${describeRef(first)} ("${first.value}"): the interrupted message was never processed again, so it is lost (at-most-once delivery)` };
}

/**
 * The restarted consumer skips the interrupted message: it begins at the one after.
 *
 * @example
 *   await verifySkippedInterrupted(ctx, { program: 'committer' }, 20_000)
 */
export const verifySkippedInterrupted: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const restart = await waitForRestart(ctx, name, timeoutMs);
  const interrupted = restart.stop.interrupted;
  return interrupted ? judgeSkipped(interrupted, restart.restarted) : judgeStartAtCommitted(name, restart, timeoutMs);
};
