/**
 * Pure comparisons of what was sent with what a consumer saw: each says what
 * was expected and what happened, in words a student reads.
 */
import { listValues } from './produce.js';
import type { Received } from './watcher.js';

export interface Verdict {
  ok: boolean;
  expected: string;
  happened: string;
  hint?: string;
}

const key = (m: Pick<Received, 'partition' | 'offset'>) => `${m.partition}@${m.offset}`;

/**
 * Every message of `sent` was received, in the same order, and nothing else of this run.
 *
 * @example
 *   verifyInOrder([a, b], [a, b]).ok // true
 *   verifyInOrder([a, b], [b]).happened // 'it received only "b"'
 */
export function verifyInOrder(sent: Received[], received: Received[]): Verdict {
  const expected = `the consumer to receive ${listValues(sent)}, in this order`;
  const same = sent.length === received.length && sent.every((m, i) => received[i] !== undefined && key(received[i]!) === key(m));
  if (same) return { ok: true, expected, happened: 'it did' };
  const got = new Set(received.map(key));
  const missing = sent.filter((m) => !got.has(key(m)));
  if (missing.length > 0) {
    return { ok: false, expected, happened: `it never received ${listValues(missing)} (it got ${listValues(received)})`, hint: 'kafka-tutor doctor   (then run the consumer by hand: kafka-tutor consume <your topic>)' };
  }
  return { ok: false, expected, happened: `it received ${listValues(received)}`, hint: 'Each partition keeps its order; a consumer that restarts may see messages again.' };
}

/**
 * None of `unwanted` was received.
 *
 * @example
 *   verifyNoneOf(old, latest.received, 'the latest consumer')
 */
export function verifyNoneOf(unwanted: Received[], received: Received[], who: string): Verdict {
  const bad = new Set(unwanted.map(key));
  const seen = received.filter((m) => bad.has(key(m)));
  const expected = `${who} not to receive ${listValues(unwanted)}`;
  return seen.length === 0 ? { ok: true, expected, happened: 'it did not' } : { ok: false, expected, happened: `it received ${listValues(seen)}` };
}

/**
 * After a restart, the first messages of this run that arrived are exactly `missed`, in order.
 *
 * @example
 *   verifyStartsWith(missed, restarted.received)
 */
export function verifyStartsWith(missed: Received[], received: Received[]): Verdict {
  const expected = `the restarted consumer to receive exactly what it missed: ${listValues(missed)}`;
  const head = received.slice(0, missed.length);
  const ok = head.length === missed.length && missed.every((m, i) => key(head[i]!) === key(m));
  return ok ? { ok, expected, happened: 'it did' } : { ok, expected, happened: `it received ${listValues(received)}`, hint: 'A group with committed offsets resumes from them; auto.offset.reset applies only to a group without any.' };
}
