/** Lesson 3: a consumer stopped before it committed gets the same message again (at-least-once). */
import type { EventOf, ProgramEvent } from '../kafka/events.js';
import { describeRef, messagesOf, type MessageRef, type Verdict } from './verdict.js';

export type StopPosition =
  /** Between "Start storing" and "End storing": the lesson's window. */
  | 'while-storing'
  /** After "End storing", before "Message committed": not committed either, so also redelivered. */
  | 'before-commit'
  /** After a commit: nothing was in hand, nothing will be redelivered. */
  | 'between-messages'
  /** It never started storing a message. */
  | 'before-first-message';

export interface StopClassification {
  position: StopPosition;
  /** The message in hand and not committed when it stopped (while-storing, before-commit). */
  interrupted?: MessageRef & { value: string };
  /** The last offset the program committed (the next it would read), or null. */
  lastCommitted: number | null;
  /** One sentence for the student. */
  description: string;
}

type Storing = EventOf<'storing-started'>;

/**
 * Where a consume-commit run's stop fell, from its events.
 *
 * @example
 *   classifyStop(run.seen) // { position: 'while-storing', interrupted: { partition: 0, offset: 7, value: 'c' }, lastCommitted: 7, … }
 */
export function classifyStop(events: readonly ProgramEvent[]): StopClassification {
  const started = events.filter((e): e is Storing => e.type === 'storing-started').at(-1);
  const commits = events.filter((e): e is EventOf<'committed'> => e.type === 'committed');
  const lastCommitted = commits.at(-1)?.offset ?? null;
  if (!started) return { position: 'before-first-message', lastCommitted, description: 'It stopped before it started storing any message.' };
  const ref = { partition: started.partition, offset: started.offset, value: started.value };
  const ended = events.some((e) => e.type === 'storing-ended' && e.partition === started.partition && e.offset === started.offset);
  // A committed offset names the next message to read: offset + 1 means this one is done.
  const committed = commits.some((c) => c.partition === started.partition && c.offset > started.offset);
  if (committed) return { position: 'between-messages', lastCommitted, description: `It stopped after committing ${describeRef(ref)}: no message was in hand.` };
  if (ended) return { position: 'before-commit', interrupted: ref, lastCommitted, description: `It stopped after storing ${describeRef(ref)} but before committing it.` };
  return { position: 'while-storing', interrupted: ref, lastCommitted, description: `It stopped while storing ${describeRef(ref)} ("${ref.value}"), before committing it.` };
}

/**
 * After the restart, the first message processed is the interrupted one (same
 * partition and offset), and nothing before it on that partition came again.
 *
 * @example
 *   verifyRedelivery({ partition: 0, offset: 7 }, restarted.seen).ok // true
 */
export function verifyRedelivery(interrupted: MessageRef, restartedEvents: readonly ProgramEvent[]): Verdict {
  const messages = messagesOf(restartedEvents);
  const expected = `the restarted consumer to process ${describeRef(interrupted)} first, and nothing before it again`;
  const samePartition = messages.filter((m) => m.partition === interrupted.partition);
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
