/**
 * The one result every verification returns (and every step that waits for
 * Kafka): what was expected, what happened, what to try. The tutor prints its
 * sentence; `check` reports it as a test's message and fix.
 */
import type { EventOf, ProgramEvent } from '../../kafka/events.js';

export interface Verdict {
  ok: boolean;
  /** What Kafka should have done, e.g. 'the consumer to print "a", "b", in this order'. */
  expected: string;
  /** What it did, e.g. 'it printed "b" only'. */
  happened: string;
  /** What to try when it failed (a test's fix in `check`). */
  hint?: string | undefined;
  /** Extra lines worth showing (latencies, offsets). */
  details?: string[];
  /** The whole sentence, when the verdict has words of its own (the doctor's); otherwise built from expected and happened. */
  sentence?: string | undefined;
  /** A stable id of a known failure (src/credentials/failures.ts, src/kafka/errors.ts). */
  failureId?: string | undefined;
  /** Nothing could be judged: an earlier failure stands in the way (`check` reports it as skipped). */
  skipped?: boolean;
}

/**
 * The verdict in one sentence.
 *
 * @example
 *   sentenceOf({ ok: false, expected: 'x to print "a"', happened: 'it printed nothing' }) // 'Expected x to print "a", but it printed nothing.'
 */
export function sentenceOf(verdict: Verdict): string {
  if (verdict.sentence !== undefined) return verdict.sentence;
  return verdict.ok ? `Expected ${verdict.expected}: ${verdict.happened}.` : `Expected ${verdict.expected}, but ${verdict.happened}.`;
}

export type MessageEvent = EventOf<'message'>;

/** Where a message sits in the topic: enough to recognise it again. */
export interface MessageRef {
  partition: number;
  offset: number;
}

/**
 * The `message` events of a program's events, in arrival order.
 *
 * @example
 *   messagesOf(consumer.seen).map((m) => m.value) // ['a', 'b']
 */
export function messagesOf(events: readonly ProgramEvent[]): MessageEvent[] {
  return events.filter((e): e is MessageEvent => e.type === 'message');
}

/**
 * Values as a student reads them: quoted, at most `max` of them, then "and N more".
 *
 * @example
 *   quoteValues(['a', 'b']) // '"a", "b"'
 *   quoteValues([]) // 'nothing'
 */
export function quoteValues(values: readonly string[], max = 4): string {
  if (values.length === 0) return 'nothing';
  const shown = values.slice(0, max).map((v) => JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v));
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}

/** "offset 7 of partition 0", for sentences. */
export const describeRef = (ref: MessageRef) => `offset ${ref.offset} of partition ${ref.partition}`;
