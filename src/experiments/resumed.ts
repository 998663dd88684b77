/** Lesson 2, second part: a group with committed offsets resumes where it stopped. */
import type { ProgramEvent } from '../kafka/events.js';
import { messagesOf, quoteValues, type Verdict } from './verdict.js';

/**
 * The restarted consumer (same group, `latest`) first received exactly the
 * messages sent while it was down, in order: not fewer (latest did not
 * apply: the group had committed offsets) and nothing it had already read.
 *
 * @example
 *   verifyResumed(['while-down-1', 'while-down-2'], restarted.seen).ok // true
 */
export function verifyResumed(missedValues: readonly string[], restartedEvents: readonly ProgramEvent[]): Verdict {
  const received = messagesOf(restartedEvents).map((m) => m.value);
  const first = received.slice(0, missedValues.length);
  const expected = `the restarted consumer to print exactly what it missed: ${quoteValues(missedValues)}`;
  if (first.length === missedValues.length && first.every((v, i) => v === missedValues[i])) {
    return { ok: true, expected, happened: `it printed ${quoteValues(first)} first: its group resumed at its committed offset` };
  }
  const missing = missedValues.filter((v) => !received.includes(v));
  if (received.length === 0 || missing.length === missedValues.length) {
    return { ok: false, expected, happened: `it printed ${quoteValues(received)}: it started at the end of the topic`, hint: 'Its group had no committed offset, so "latest" applied: let the consumer receive (and commit) one message before you stop it, and restart it with the same group id.' };
  }
  return { ok: false, expected, happened: `it printed ${quoteValues(received, 6)}`, hint: 'Restart it with the same group id, and send nothing else while it is down.' };
}
