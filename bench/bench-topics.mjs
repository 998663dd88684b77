// Fresh topics for a bench round, each with one student's ACLs (like their own topic), deleted with their ACLs at the end.
import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { sandboxAdminConfig } from '../dist/kafka/sandbox-admin.js';
import { studentAcls } from '../dist/sandbox/students.js';

/**
 * Opens the sandbox admin; `create()` makes `<client>-bench-<8 hex>`, `endOffset(topic)` sums its partitions' ends,
 * `close()` deletes what it made and disconnects.
 */
export async function benchTopics(state, clientId) {
  const admin = new Kafka(await sandboxAdminConfig(state)).admin();
  await admin.connect();
  const topics = [];
  const aclsOf = (topic) => studentAcls({ clientId, topic }).filter((entry) => entry.resourceName === topic);
  return {
    admin,
    topics,
    async create() {
      const topic = `${clientId}-bench-${randomUUID().slice(0, 8)}`;
      await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: state.brokers.length }], waitForLeaders: true });
      await admin.createAcls({ acl: aclsOf(topic) });
      topics.push(topic);
      return topic;
    },
    endOffset: async (topic) => (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0),
    async close() {
      await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.deleteAcls({ filters: topics.flatMap(aclsOf) }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
