/** Every message sent reached the consumer, in the order sent. */
import type { ProgramEvent } from '../../kafka/events.js';
import { at, events, ownEvents, param, received, waitForAll, type Verification } from './types.js';
import { messagesOf, quoteValues, type Verdict } from './verdict.js';

/**
 * Each sent value arrived at the consumer, in the order it was sent (other
 * messages in between, e.g. someone else's, do not matter).
 *
 * @example
 *   judgeDelivered(['a', 'b'], consumer.seen) // { ok: true, expected: 'the consumer to print "a", "b", in this order', happened: 'it did' }
 */
export function judgeDelivered(sentValues: readonly string[], consumerEvents: readonly ProgramEvent[]): Verdict {
  const got = messagesOf(consumerEvents).map((m) => m.value);
  const expected = `the consumer to print ${quoteValues(sentValues)}, in this order`;
  const missing = sentValues.filter((value) => !got.includes(value));
  if (missing.length > 0) {
    return {
      ok: false,
      expected,
      happened: `it never printed ${quoteValues(missing)} (it printed ${quoteValues(got)})`,
      hint: 'Wait until the consumer prints its assigned partitions before you type; messages sent earlier go unseen by a "latest" consumer.',
    };
  }
  // In order: each sent value appears after the previous one.
  let position = -1;
  for (const value of sentValues) {
    const found = got.indexOf(value, position + 1);
    if (found < 0) {
      return { ok: false, expected, happened: `it printed them in another order: ${quoteValues(got.filter((v) => sentValues.includes(v)), 8)}`, hint: 'Kafka keeps order within one partition; a topic with several partitions does not keep order across them.' };
    }
    position = found;
  }
  return { ok: true, expected, happened: 'it did' };
}

/**
 * Every message typed reached the consumer, in the order typed; reports the end-to-end latency.
 *
 * @example
 *   await verifyDelivered(ctx, { program: 'consumer', messages: 'typed' }, 15_000)
 */
export const verifyDelivered: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const sent = ctx.run.sent[param(params, 'messages')] ?? [];
  await waitForAll(ctx, name, sent, timeoutMs);
  const verdict = judgeDelivered(sent.map((m) => m.value), ownEvents(ctx, events(ctx, name)));
  const latencies = received(ctx, name).flatMap((m) => sent.filter((s) => at(s) === at(m)).map((s) => m.at - s.sentAt));
  return {
    ...verdict,
    ok: verdict.ok && sent.length > 0,
    details: latencies.length ? [`End-to-end latency (sent → printed): ${Math.min(...latencies)}–${Math.max(...latencies)} ms`] : [],
  };
};
