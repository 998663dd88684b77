/** Lesson 1: what the producer sent reached the consumer, in order. */
import type { ProgramEvent } from '../kafka/events.js';
import { messagesOf, quoteValues, type Verdict } from './verdict.js';

/**
 * Each sent value arrived at the consumer, in the order it was sent (other
 * messages in between, e.g. someone else's, do not matter).
 *
 * @example
 *   verifyDelivered(['a', 'b'], consumer.seen) // { ok: true, expected: 'the consumer to print "a", "b", in this order', happened: 'it did' }
 */
export function verifyDelivered(sentValues: readonly string[], consumerEvents: readonly ProgramEvent[]): Verdict {
  const received = messagesOf(consumerEvents).map((m) => m.value);
  const expected = `the consumer to print ${quoteValues(sentValues)}, in this order`;
  const missing = sentValues.filter((value) => !received.includes(value));
  if (missing.length > 0) {
    return {
      ok: false,
      expected,
      happened: `it never printed ${quoteValues(missing)} (it printed ${quoteValues(received)})`,
      hint: 'Wait until the consumer prints its assigned partitions before you type; messages sent earlier go unseen by a "latest" consumer.',
    };
  }
  // In order: each sent value appears after the previous one.
  let position = -1;
  for (const value of sentValues) {
    const found = received.indexOf(value, position + 1);
    if (found < 0) {
      return { ok: false, expected, happened: `it printed them in another order: ${quoteValues(received.filter((v) => sentValues.includes(v)), 8)}`, hint: 'Kafka keeps order within one partition; a topic with several partitions does not keep order across them.' };
    }
    position = found;
  }
  return { ok: true, expected, happened: 'it did' };
}
