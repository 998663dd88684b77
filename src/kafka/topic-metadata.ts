/**
 * One topic's metadata, asked with a short-lived admin client: what the doctor
 * needs to tell "your topic is there and yours" from "missing" or "denied".
 */
import type { Kafka } from 'kafkajs';

/**
 * The number of partitions of `topic`; kafkajs' error (e.g. TOPIC_AUTHORIZATION_FAILED) is thrown unchanged.
 *
 * @example
 *   await partitionCount(kafka, 'client1') // 1
 */
export async function partitionCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics[0]?.partitions.length ?? 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
