/**
 * `sandbox start --partitions N` grows the students' topics through the admin's ensurePartitions:
 * on the real broker a topic with fewer partitions grows to N, and one with more keeps what it has.
 */
import { describe, expect, it } from 'vitest';
import { withClusterAdmin } from '../../src/kafka/admin.js';
import { sandboxAdminConfig } from '../../src/kafka/sandbox-admin.js';
import { adminClient, createStudentTopic, sandboxState } from '../support/sandbox.js';

async function partitionCount(topic: string): Promise<number | undefined> {
  const admin = await adminClient();
  try {
    return (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions.length;
  } finally {
    await admin.disconnect();
  }
}

describe('growing a topic to N partitions', () => {
  it('grows a 1-partition topic to 3, then leaves it at 3 when asked for 2 (Kafka never takes partitions away)', async () => {
    const topic = await createStudentTopic('client2');
    const config = await sandboxAdminConfig(await sandboxState());
    expect(await partitionCount(topic)).toBe(1);
    expect(await withClusterAdmin(config, (admin) => admin.ensurePartitions([topic], 3))).toEqual([topic]);
    expect(await partitionCount(topic)).toBe(3);
    expect(await withClusterAdmin(config, (admin) => admin.ensurePartitions([topic], 2))).toEqual([]);
    expect(await partitionCount(topic)).toBe(3);
  });
});
