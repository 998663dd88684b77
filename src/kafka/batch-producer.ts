/**
 * Sends many lines to one topic per request, as kafkajs's producer would (acks from all
 * in-sync replicas, no idempotence, round-robin over the partitions that have a leader),
 * but encoded in one buffer (produce-wire.ts) and written on connections of its own.
 * The first request that fails in any way (a connection, a leader that moved, an error code)
 * is sent again through kafkajs, and kafkajs sends everything after it: its retries,
 * metadata refreshes and error messages stay the ones students see.
 */
import { randomInt } from 'node:crypto';
import type { Kafka, Producer, RecordMetadata } from 'kafkajs';
import type { ClusterProfile, Credentials } from '../profile/types.js';
import { openBrokerConnection, type BrokerConnection } from './broker-connection.js';
import type { SentBatch } from './events.js';
import { decodeMetadataBody, encodeMetadataBody, METADATA_API_KEY, METADATA_API_VERSION, type TopicLeaders } from './metadata-wire.js';
import { tlsOptions } from './tls-options.js';
import { decodeProduceBody, encodeProduceBody, PRODUCE_API_KEY, PRODUCE_API_VERSION, type PartitionValues } from './produce-wire.js';

/** acks=-1 (all in-sync replicas) and 30 s: kafkajs's producer defaults, and librdkafka's (the course's producer.py). */
const ACKS = -1;
const ACK_TIMEOUT_MS = 30_000;

export interface BatchProducer {
  /** Sends `values` in order; resolves with each one's partition and offset, in the same order. */
  send(values: string[]): Promise<SentBatch>;
  /** 'direct' while its own connections work; 'kafkajs' once anything failed (tests check that the fast path stays in use). */
  path(): 'direct' | 'kafkajs';
  close(): Promise<void>;
}

/**
 * Offsets of the messages of one send: a partition's messages get consecutive
 * offsets from its base offset, in the order they were given.
 *
 * @example
 *   assignOffsets([0, 1, 0], [{ partition: 0, baseOffset: '41' }, { partition: 1, baseOffset: '7' }])
 *   // [41, 7, 42]
 */
export function assignOffsets(partitions: ArrayLike<number>, metadata: Pick<RecordMetadata, 'partition' | 'baseOffset'>[]): number[] {
  const next = new Map(metadata.map((m) => [m.partition, Number(m.baseOffset ?? 0)]));
  return Array.from(partitions, (partition) => {
    const offset = next.get(partition) ?? 0;
    next.set(partition, offset + 1);
    return offset;
  });
}

interface Address {
  host: string;
  port: number;
}

async function fetchLeaders(profile: ClusterProfile, topic: string, connectionTo: (address: Address) => Promise<BrokerConnection>): Promise<TopicLeaders | undefined> {
  for (const address of profile.brokers) {
    const at = address.lastIndexOf(':');
    try {
      const connection = await connectionTo({ host: address.slice(0, at), port: Number(address.slice(at + 1)) });
      return decodeMetadataBody(await connection.request(METADATA_API_KEY, METADATA_API_VERSION, encodeMetadataBody(topic)), topic);
    } catch {
      // The next bootstrap broker, as kafkajs does; kafkajs explains it if none answers.
    }
  }
  return undefined;
}

/** Fails with the broker's reason (e.g. TOPIC_AUTHORIZATION_FAILED) when the topic cannot be used. */
async function checkTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.fetchTopicMetadata({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Opens a producer for `topic`; fails with the broker's reason (e.g. TOPIC_AUTHORIZATION_FAILED)
 * when the topic cannot be used, before anything is sent. kafkajs is loaded only when needed.
 *
 * @example
 *   const producer = await openBatchProducer(profile, credentials, 'client1');
 *   const facts = await producer.send(['a', 'b']); // [{ topic: 'client1', partition: 0, offset: 41, value: 'a' }, …]
 */
export async function openBatchProducer(profile: ClusterProfile, credentials: Credentials, topic: string): Promise<BatchProducer> {
  const ssl = tlsOptions(profile, credentials);
  const clientId = `${credentials.clientId}-producer`;
  const connections = new Map<string, Promise<BrokerConnection>>();
  const connectionTo = ({ host, port }: Address) => {
    let connection = connections.get(`${host}:${port}`);
    if (!connection) {
      connection = openBrokerConnection({ host, port, ssl, clientId, connectTimeoutMs: 3000, requestTimeoutMs: ACK_TIMEOUT_MS + 5000 });
      connection.catch(() => undefined); // observed by the request that needed it
      connections.set(`${host}:${port}`, connection);
    }
    return connection;
  };
  const metadata = await fetchLeaders(profile, topic, connectionTo);
  const leaders = (metadata?.errorCode === 0 ? metadata.partitions : []).filter((p) => p.leader >= 0 && metadata?.brokers.has(p.leader));
  let kafka: Promise<Kafka> | undefined;
  const kafkajs = () => (kafka ??= import('./client.js').then(({ createKafka }) => createKafka(profile, credentials, { role: 'producer' })));
  // Anything unusual: kafkajs looks again and says what is wrong.
  const closeConnections = () => {
    for (const connection of connections.values()) void connection.then((c) => c.close(), () => undefined);
  };
  if (leaders.length === 0) await checkTopic(await kafkajs(), topic).catch((error: unknown) => (closeConnections(), Promise.reject(error)));
  let fallback: Promise<Producer> | undefined;
  const kafkajsProducer = () => (fallback ??= kafkajs().then(async (k) => {
    const producer = k.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return producer;
  }));
  const partitionIds = leaders.length > 0 ? leaders.map((l) => l.partition) : (metadata?.partitions ?? [{ partition: 0 }]).map((p) => p.partition);
  // Like kafkajs's default partitioner: round-robin from a random start.
  let counter = randomInt(2 ** 31);

  /** The values of one request, per partition, with the positions they came from (none: all of them, in order). */
  function groupByPartition(values: string[], partitions: number[]): (PartitionValues & { positions?: number[] })[] {
    const sizes = (list: string[]) => Array.from(list, (value) => Buffer.byteLength(value, 'utf8'));
    if (partitionIds.length === 1) return [{ partition: partitionIds[0]!, values, sizes: sizes(values) }];
    const byPartition = new Map<number, { partition: number; values: string[]; positions: number[] }>();
    values.forEach((value, i) => {
      const partition = partitions[i]!;
      let entry = byPartition.get(partition);
      if (!entry) byPartition.set(partition, (entry = { partition, values: [], positions: [] }));
      entry.values.push(value);
      entry.positions.push(i);
    });
    return [...byPartition.values()].map((entry) => ({ ...entry, sizes: sizes(entry.values) }));
  }

  /** Fills in the offsets of the partitions whose leader took them; returns the positions of the others. */
  async function sendFast(values: string[], partitions: number[], offsets: Float64Array): Promise<number[]> {
    const byLeader = new Map<number, ReturnType<typeof groupByPartition>>();
    for (const entry of groupByPartition(values, partitions)) {
      const nodeId = leaders.find((l) => l.partition === entry.partition)!.leader;
      byLeader.set(nodeId, [...(byLeader.get(nodeId) ?? []), entry]);
    }
    const timestamp = Date.now();
    const failed: number[] = [];
    await Promise.all(
      [...byLeader].map(async ([nodeId, entries]) => {
        const results = await connectionTo(metadata!.brokers.get(nodeId)!)
          .then((c) => c.request(PRODUCE_API_KEY, PRODUCE_API_VERSION, encodeProduceBody(topic, entries, { acks: ACKS, timeoutMs: ACK_TIMEOUT_MS, timestamp })))
          .then(decodeProduceBody, () => []);
        for (const { partition, values: sent, positions } of entries) {
          const result = results.find((r) => r.partition === partition);
          for (let k = 0; k < sent.length; k++) {
            const position = positions ? positions[k]! : k;
            if (result?.errorCode === 0) offsets[position] = result.baseOffset + k;
            else failed.push(position);
          }
        }
      }),
    );
    return failed.sort((a, b) => a - b);
  }

  async function sendThroughKafkajs(values: string[], partitions: number[]): Promise<number[]> {
    const producer = await kafkajsProducer();
    const metadata = await producer.send({ topic, acks: ACKS, timeout: ACK_TIMEOUT_MS, messages: values.map((value, i) => ({ value, partition: partitions[i] })) });
    return assignOffsets(partitions, metadata);
  }

  let fast = leaders.length > 0;
  return {
    async send(values) {
      const partitions = values.map(() => partitionIds[(counter = (counter + 1) & 0x7fffffff) % partitionIds.length]!);
      if (!fast) return { topic, values, partitions, offsets: await sendThroughKafkajs(values, partitions) };
      const offsets = new Float64Array(values.length);
      const failed = await sendFast(values, partitions, offsets);
      if (failed.length > 0) {
        // kafkajs finds the new leader, retries, and says what went wrong; it sends everything from now on.
        fast = false;
        const resent = await sendThroughKafkajs(failed.map((i) => values[i]!), failed.map((i) => partitions[i]!));
        failed.forEach((position, k) => (offsets[position] = resent[k]!));
      }
      return { topic, values, partitions, offsets };
    },
    path: () => (fast ? 'direct' : 'kafkajs'),
    async close() {
      closeConnections();
      if (fallback) await (await fallback.catch(() => undefined))?.disconnect();
    },
  };
}
