/** A group with committed offsets resumes where it stopped, whatever its reset policy. */
import type { ProgramEvent } from '../../kafka/events.js';
import { events, ownEvents, param, waitForAll, type Verification } from './types.js';
import { messagesOf, quoteValues, type Verdict } from './verdict.js';

/**
 * The restarted consumer (same group, `latest`) first received exactly the
 * messages sent while it was down, in order: not fewer (latest did not
 * apply: the group had committed offsets) and nothing it had already read.
 *
 * @example
 *   judgeResumed(['while-down-1', 'while-down-2'], restarted.seen).ok // true
 */
export function judgeResumed(missedValues: readonly string[], restartedEvents: readonly ProgramEvent[]): Verdict {
  const got = messagesOf(restartedEvents).map((m) => m.value);
  const first = got.slice(0, missedValues.length);
  const expected = `the restarted consumer to print exactly what it missed: ${quoteValues(missedValues)}`;
  if (first.length === missedValues.length && first.every((v, i) => v === missedValues[i])) {
    return { ok: true, expected, happened: `it printed ${quoteValues(first)} first: its group resumed at its committed offset` };
  }
  const missing = missedValues.filter((v) => !got.includes(v));
  if (got.length === 0 || missing.length === missedValues.length) {
    return { ok: false, expected, happened: `it printed ${quoteValues(got)}: it started at the end of the topic`, hint: 'Its group had no committed offset, so "latest" applied: let the consumer receive (and commit) one message before you stop it, and restart it with the same group id.' };
  }
  return { ok: false, expected, happened: `it printed ${quoteValues(got, 6)}`, hint: 'Restart it with the same group id, and send nothing else while it is down.' };
}

/**
 * @example
 *   await verifyResumed(ctx, { program: 'latest', messages: 'missed' }, 20_000)
 */
export const verifyResumed: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const missed = ctx.run.sent[param(params, 'messages')] ?? [];
  await waitForAll(ctx, name, missed, timeoutMs);
  const verdict = judgeResumed(missed.map((m) => m.value), ownEvents(ctx, events(ctx, name)));
  return { ...verdict, ok: verdict.ok && missed.length > 0 };
};
