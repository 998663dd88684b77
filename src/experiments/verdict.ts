/**
 * The shape every verification returns, and helpers to put events into words.
 */
import type { EventOf, ProgramEvent } from '../kafka/events.js';

/** What a verification found: sentences for the student (and a grader's report). */
export interface Verdict {
  ok: boolean;
  /** What Kafka should have done, e.g. 'the consumer to receive "a", "b", in this order'. */
  expected: string;
  /** What it did, e.g. 'it received "b" only'. */
  happened: string;
  /** What to try when it failed. */
  hint?: string;
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
