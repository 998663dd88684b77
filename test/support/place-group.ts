import type { Kafka } from 'kafkajs';

/**
 * Gives a new consumer group committed offsets: `offset` on partition 0 and the
 * end of every other partition (evidence for `check` to find). kafkajs's
 * `admin.setOffsets` does the same but waits a full 5 s fetch; this consumer
 * asks the broker not to wait.
 *
 * @example
 *   await placeGroup({ kafka, topic: 'client3' }, 'client3-lesson-ab12', 42);
 */
export async function placeGroup(ctx: { kafka: Kafka; topic: string; [unused: string]: unknown }, group: string, offset: number): Promise<void> {
  const admin = ctx.kafka.admin();
  const consumer = ctx.kafka.consumer({ groupId: group, maxWaitTimeInMs: 50, retry: { retries: 2 } });
  try {
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(ctx.topic);
    await consumer.connect();
    await consumer.subscribe({ topics: [ctx.topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      // A seek on an auto-committing consumer is committed by its next fetch; after that fetch the group is placed.
      consumer.on(consumer.events.FETCH, () => resolve());
      consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
      consumer.run({ autoCommit: true, eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      consumer.pause([{ topic: ctx.topic }]);
      for (const p of ends) consumer.seek({ topic: ctx.topic, partition: p.partition, offset: p.partition === 0 ? String(offset) : p.high });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
