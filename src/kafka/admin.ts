/**
 * An instructor's admin connection to a cluster: topics and ACLs, in Kafka's own
 * protocol numbers (AclEntry), so callers outside src/kafka/ never touch kafkajs.
 */
import type { Admin, KafkaConfig } from 'kafkajs';
import { Kafka } from './kafkajs.js';
import { waitForTopicLeaders } from './sandbox-admin.js';

/** One ACL binding, numbered as in the Kafka protocol (TOPIC=2, GROUP=3; LITERAL=3, PREFIXED=4; READ=3, …). */
export interface AclEntry {
  resourceType: number;
  resourceName: string;
  resourcePatternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
}

/** What an instructor's commands need from a cluster, and nothing more. */
export interface ClusterAdmin {
  listTopics(): Promise<Set<string>>;
  /** Creates the topics that do not exist yet and waits for their leaders; returns the created names. */
  ensureTopics(topics: TopicSpec[]): Promise<string[]>;
  /** Gives each existing topic at least `count` partitions (Kafka cannot take any away); returns the grown names. */
  ensurePartitions(topics: string[], count: number): Promise<string[]>;
  createAcls(acls: AclEntry[]): Promise<void>;
  /** Deletes every ACL of `principal`; returns what was deleted. */
  deleteAclsOf(principal: string): Promise<AclEntry[]>;
  /** Every ACL on the cluster. */
  describeAcls(): Promise<AclEntry[]>;
}

const ANY = 1;

/**
 * Runs `work` with a connected admin client and always disconnects.
 *
 * @example
 *   const topics = await withClusterAdmin(config, (admin) => admin.listTopics());
 */
export async function withClusterAdmin<T>(config: KafkaConfig, work: (admin: ClusterAdmin) => Promise<T>): Promise<T> {
  const admin = new Kafka(config).admin();
  await admin.connect();
  try {
    return await work(wrap(admin));
  } finally {
    await admin.disconnect();
  }
}

function wrap(admin: Admin): ClusterAdmin {
  return {
    listTopics: async () => new Set(await admin.listTopics()),
    ensureTopics: async (topics) => {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t.topic));
      if (missing.length === 0) return [];
      await admin.createTopics({ topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor: t.replicationFactor })), waitForLeaders: false, timeout: 30_000 });
      await waitForTopicLeaders(admin, missing.map((t) => t.topic), Date.now() + 30_000);
      return missing.map((t) => t.topic);
    },
    ensurePartitions: async (topics, count) => {
      const existing = new Set(await admin.listTopics());
      const { topics: described } = await admin.fetchTopicMetadata({ topics: topics.filter((t) => existing.has(t)) });
      const fewer = described.filter((t) => t.partitions.length < count).map((t) => t.name);
      if (fewer.length === 0) return [];
      await admin.createPartitions({ topicPartitions: fewer.map((topic) => ({ topic, count })), timeout: 30_000 });
      return fewer;
    },
    createAcls: async (acls) => {
      if (acls.length > 0) await admin.createAcls({ acl: acls });
    },
    deleteAclsOf: async (principal) => {
      const response = await admin.deleteAcls({ filters: [{ resourceType: ANY, resourcePatternType: ANY, principal, operation: ANY, permissionType: ANY }] });
      return response.filterResponses.flatMap((r) => r.matchingAcls.map(({ errorCode: _code, errorMessage: _message, ...acl }) => acl));
    },
    describeAcls: async () => {
      const response = await admin.describeAcls({ resourceType: ANY, resourcePatternType: ANY, operation: ANY, permissionType: ANY });
      return response.resources.flatMap(({ acls, ...resource }) => acls.map((acl) => ({ ...resource, ...acl })));
    },
  };
}
