import { explainKafkaError } from '../kafka/errors.js';
import type { LessonContext } from './context.js';
import type { Received } from './watcher.js';

/**
 * Produces one marked message per label, all to partition 0, so that their
 * order is Kafka's order and each offset is known; waits for every replica.
 *
 * @example
 *   const [first] = await produceMarked(ctx, ['old 1', 'old 2']);
 *   first.value // 'kafka-tutor check r4f2a9 old 1'
 */
export async function produceMarked(ctx: LessonContext, labels: string[]): Promise<Received[]> {
  const values = labels.map((label) => ctx.mark(label));
  try {
    const producer = await ctx.producer();
    const [meta] = await producer.send({ topic: ctx.topic, acks: -1, messages: values.map((value) => ({ value, partition: 0 })) });
    const base = Number(meta?.baseOffset ?? Number.NaN);
    return values.map((value, i) => ({ partition: 0, offset: base + i, value }));
  } catch (error) {
    throw explainKafkaError(error, { clientId: ctx.clientId, topic: ctx.topic, brokers: ctx.profile.brokers, sandbox: ctx.profile.sandbox });
  }
}
