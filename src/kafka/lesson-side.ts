/**
 * The engine's own Kafka client for a lesson: it produces the messages a lesson
 * needs, reads the topic's offsets and a group's committed offsets. Always the
 * real cluster of the student's profile (the sandbox, or the course's cluster).
 */
import type { Admin, Kafka, Producer } from 'kafkajs';
import { describeGroupMembers, type GroupMembers } from './group-members.js';
import { committedOffsetsWith, type CommittedOffset } from './offsets.js';
import { liveBrokers, readReplicas, readTopicPicture, type PartitionReplicas, type TopicPicture } from './topic-picture.js';

export interface SentMessage {
  value: string;
  partition: number;
  offset: number;
  /** Engine clock (ms) when the engine began sending it. */
  sentAt: number;
}

export interface PartitionRange {
  partition: number;
  /** The oldest offset still in the log. */
  low: number;
  /** The offset the next message will get. */
  high: number;
}

/**
 * @example
 *   const side = createKafkaSide(kafka, { clientId: 'client1', topic: 'client1', bootstrap: '127.0.0.1:19093' });
 *   const [sent] = await side.produce(['hello']);
 *   await side.close();
 */
export interface KafkaSide {
  clientId: string;
  topic: string;
  bootstrap: string;
  produce(values: string[]): Promise<SentMessage[]>;
  offsets(): Promise<PartitionRange[]>;
  /** How many partitions the topic has, from its metadata; kafkajs's error (e.g. TOPIC_AUTHORIZATION_FAILED) unchanged. */
  partitions?(): Promise<number>;
  committed(group: string): Promise<CommittedOffset[]>;
  /** The group as the broker describes it: its state and each member's partitions of the topic. */
  members(group: string): Promise<GroupMembers>;
  /** What `kafka-tutor inspect` draws: the topic's log with these groups' committed offsets. */
  picture(groups: string[]): Promise<TopicPicture>;
  /** Each partition's leader and in-sync replicas, read afresh from the cluster. */
  replicas(): Promise<PartitionReplicas[]>;
  /** The ids of the brokers the cluster serves now. */
  brokers(): Promise<number[]>;
  /** The session's admin, connected (and closed by `close()`), for reads the side does not name. */
  connectedAdmin?(): Promise<Admin>;
  close(): Promise<void>;
}

/**
 * The engine's client for one lesson session; `close()` it at the end.
 *
 * @example
 *   const side = createKafkaSide(kafka, { clientId: 'client1', topic: 'client1', bootstrap: '127.0.0.1:19093' });
 */
export function createKafkaSide(kafka: Kafka, who: { clientId: string; topic: string; bootstrap: string }, now: () => number = Date.now): KafkaSide {
  let producer: Producer | undefined;
  let admin: Admin | undefined;
  // One connection each, however many steps ask at once (check runs its lessons at the same time).
  let producerReady: Promise<Producer> | undefined;
  let adminReady: Promise<Admin> | undefined;
  const connectedProducer = () =>
    (producerReady ??= (async () => {
      producer = kafka.producer({ allowAutoTopicCreation: false });
      await producer.connect();
      return producer;
    })());
  const connectedAdmin = () =>
    (adminReady ??= (async () => {
      admin = kafka.admin();
      await admin.connect();
      return admin;
    })());
  return {
    ...who,
    async produce(values) {
      const p = await connectedProducer();
      const sent: SentMessage[] = [];
      // One at a time: each message's own partition and offset is what lessons verify.
      for (const value of values) {
        // Stamped before sending: the consumer may print it before the producer hears the broker's ack.
        const sentAt = now();
        const [meta] = await p.send({ topic: who.topic, messages: [{ value }] });
        sent.push({ value, partition: meta?.partition ?? 0, offset: Number(meta?.baseOffset ?? -1), sentAt });
      }
      return sent;
    },
    async offsets() {
      const ranges = await (await connectedAdmin()).fetchTopicOffsets(who.topic);
      return ranges.map((r) => ({ partition: r.partition, low: Number(r.low), high: Number(r.high) })).sort((a, b) => a.partition - b.partition);
    },
    partitions: async () => (await (await connectedAdmin()).fetchTopicMetadata({ topics: [who.topic] })).topics[0]?.partitions.length ?? 0,
    // The session's admin: a new client per read cost a TLS handshake and a metadata round each time.
    committed: async (group) => committedOffsetsWith(await connectedAdmin(), group, who.topic),
    members: async (group) => describeGroupMembers(await connectedAdmin(), group, who.topic),
    picture: async (groups) => readTopicPicture(await connectedAdmin(), who.topic, { groups }),
    replicas: async () => readReplicas(await connectedAdmin(), who.topic),
    brokers: async () => liveBrokers(await connectedAdmin()),
    connectedAdmin,
    async close() {
      await Promise.allSettled([producer?.disconnect(), admin?.disconnect()]);
    },
  };
}
