/**
 * Sends many lines to one topic per request, as kafkajs's producer would (acks from all
 * in-sync replicas, no idempotence, round-robin over the partitions that have a leader),
 * but encoded in one buffer (produce-wire.ts) and written on connections of its own.
 * The first request that fails in any way (a connection, a leader that moved, an error code)
 * is sent again through kafkajs, and kafkajs sends everything after it: its retries,
 * metadata refreshes and error messages stay the ones students see.
 */
import { randomInt } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';
import type { Kafka, KafkaConfig, Producer, RecordMetadata } from 'kafkajs';
import { openBrokerConnection, type BrokerConnection } from './broker-connection.js';
import type { MessageFacts } from './events.js';
import { decodeProduceBody, encodeProduceBody, PRODUCE_API_KEY, PRODUCE_API_VERSION, type PartitionValues } from './produce-wire.js';

/** acks=-1 (all in-sync replicas) and 30 s: kafkajs's producer defaults, and librdkafka's (the course's producer.py). */
const ACKS = -1;
const ACK_TIMEOUT_MS = 30_000;

export interface BatchProducer {
  /** Sends `values` in order; resolves with each one's partition and offset, in the same order. */
  send(values: string[]): Promise<MessageFacts[]>;
  close(): Promise<void>;
}

/**
 * Offsets of the messages of one send: a partition's messages get consecutive
 * offsets from its base offset, in the order they were given.
 *
 * @example
 *   assignOffsets('client1', ['a', 'b'], [0, 0], [{ partition: 0, baseOffset: '41' }])
 *   // [{ topic: 'client1', partition: 0, offset: 41, value: 'a' }, { …, offset: 42, value: 'b' }]
 */
export function assignOffsets(topic: string, values: string[], partitions: number[], metadata: Pick<RecordMetadata, 'partition' | 'baseOffset'>[]): MessageFacts[] {
  const next = new Map(metadata.map((m) => [m.partition, Number(m.baseOffset ?? 0)]));
  return values.map((value, i) => {
    const partition = partitions[i]!;
    const offset = next.get(partition) ?? 0;
    next.set(partition, offset + 1);
    return { topic, partition, offset, value };
  });
}

interface Leader {
  partition: number;
  nodeId: number;
}

/**
 * Opens a producer for `topic`; fails with the broker's reason (e.g. TOPIC_AUTHORIZATION_FAILED)
 * when the topic cannot be used, before anything is sent.
 *
 * @example
 *   const producer = await openBatchProducer(kafka, kafkaConfig(profile, credentials, { role: 'producer' }), 'client1');
 *   const facts = await producer.send(['a', 'b']); // [{ topic: 'client1', partition: 0, offset: 41, value: 'a' }, …]
 */
export async function openBatchProducer(kafka: Kafka, config: KafkaConfig, topic: string): Promise<BatchProducer> {
  const admin = kafka.admin();
  await admin.connect();
  let leaders: Leader[];
  let brokers: Map<number, { host: string; port: number }>;
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    leaders = (metadata.topics[0]?.partitions ?? []).filter((p) => p.leader >= 0).map((p) => ({ partition: p.partitionId, nodeId: p.leader }));
    brokers = new Map((await admin.describeCluster()).brokers.map((b) => [b.nodeId, { host: b.host, port: b.port }]));
  } finally {
    await admin.disconnect();
  }

  const connections = new Map<number, Promise<BrokerConnection>>();
  const connectionTo = (nodeId: number) => {
    let connection = connections.get(nodeId);
    const broker = brokers.get(nodeId);
    if (!connection) {
      if (!broker) return Promise.reject(new Error(`No address for broker ${nodeId}`));
      connection = openBrokerConnection({ ...broker, ssl: config.ssl as ConnectionOptions | undefined, clientId: config.clientId ?? 'kafka-tutor', connectTimeoutMs: config.connectionTimeout ?? 3000, requestTimeoutMs: ACK_TIMEOUT_MS + 5000 });
      connection.catch(() => undefined); // observed by the request that needed it
      connections.set(nodeId, connection);
    }
    return connection;
  };
  let fallback: Promise<Producer> | undefined;
  const kafkajsProducer = () => (fallback ??= (async () => {
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return producer;
  })());
  // Like kafkajs's default partitioner: round-robin from a random start.
  let counter = randomInt(2 ** 31);

  /** Fills in the facts of the partitions whose leader took them; returns the positions of the others. */
  async function sendFast(values: string[], partitions: number[], facts: MessageFacts[]): Promise<number[]> {
    const byPartition = new Map<number, PartitionValues & { positions: number[] }>();
    values.forEach((value, i) => {
      const partition = partitions[i]!;
      let entry = byPartition.get(partition);
      if (!entry) byPartition.set(partition, (entry = { partition, values: [], sizes: [], positions: [] }));
      entry.values.push(value);
      entry.sizes.push(Buffer.byteLength(value, 'utf8'));
      entry.positions.push(i);
    });
    const byLeader = new Map<number, (PartitionValues & { positions: number[] })[]>();
    for (const entry of byPartition.values()) {
      const nodeId = leaders.find((l) => l.partition === entry.partition)!.nodeId;
      byLeader.set(nodeId, [...(byLeader.get(nodeId) ?? []), entry]);
    }
    const timestamp = Date.now();
    const failed: number[] = [];
    await Promise.all(
      [...byLeader].map(async ([nodeId, entries]) => {
        const results = await connectionTo(nodeId)
          .then((c) => c.request(PRODUCE_API_KEY, PRODUCE_API_VERSION, encodeProduceBody(topic, entries, { acks: ACKS, timeoutMs: ACK_TIMEOUT_MS, timestamp })))
          .then(decodeProduceBody, () => []);
        for (const entry of entries) {
          const result = results.find((r) => r.partition === entry.partition);
          if (result?.errorCode === 0) entry.positions.forEach((position, k) => (facts[position] = { topic, partition: entry.partition, offset: result.baseOffset + k, value: entry.values[k]! }));
          else failed.push(...entry.positions);
        }
      }),
    );
    return failed.sort((a, b) => a - b);
  }

  async function sendThroughKafkajs(values: string[], partitions: number[]): Promise<MessageFacts[]> {
    const producer = await kafkajsProducer();
    const metadata = await producer.send({ topic, acks: ACKS, timeout: ACK_TIMEOUT_MS, messages: values.map((value, i) => ({ value, partition: partitions[i] })) });
    return assignOffsets(topic, values, partitions, metadata);
  }

  let fast = leaders.length > 0;
  return {
    async send(values) {
      const partitions = values.map(() => leaders[(counter = (counter + 1) & 0x7fffffff) % Math.max(leaders.length, 1)]?.partition ?? 0);
      if (!fast) return sendThroughKafkajs(values, partitions);
      const facts = new Array<MessageFacts>(values.length);
      const failed = await sendFast(values, partitions, facts);
      if (failed.length > 0) {
        // kafkajs finds the new leader, retries, and says what went wrong; it sends everything from now on.
        fast = false;
        const resent = await sendThroughKafkajs(failed.map((i) => values[i]!), failed.map((i) => partitions[i]!));
        failed.forEach((position, k) => (facts[position] = resent[k]!));
      }
      return facts;
    },
    async close() {
      for (const connection of connections.values()) void connection.then((c) => c.close(), () => undefined);
      if (fallback) await (await fallback.catch(() => undefined))?.disconnect();
    },
  };
}
