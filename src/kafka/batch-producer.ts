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
import type { Lines } from './programs/lines.js';
import { decodeMetadataBody, encodeMetadataBody, METADATA_API_KEY, METADATA_API_VERSION, type TopicLeaders } from './metadata-wire.js';
import { tlsOptions } from './tls-options.js';
import { decodeProduceBody, encodeProduceBody, PRODUCE_API_KEY, PRODUCE_API_VERSION, type PartitionValues } from './produce-wire.js';

/** acks=-1 (all in-sync replicas) and 30 s: kafkajs's producer defaults, and librdkafka's (the course's producer.py). */
const ACKS = -1;
const ACK_TIMEOUT_MS = 30_000;

export interface BatchProducer {
  /** Sends the lines in order; resolves with each one's partition and offset. */
  send(lines: Lines): Promise<SentBatch>;
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
 *   const sent = await producer.send(linesOf(['a', 'b'])); // sent.offsets: [41, 42]
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

  /** The lines of one request, per partition (`picks`: the line numbers each gets; one partition gets them all). */
  function groupByPartition(lines: Lines, partitions: Int32Array): PartitionValues[] {
    if (partitionIds.length === 1) return [{ partition: partitionIds[0]!, lines }];
    const byPartition = new Map<number, number[]>();
    for (let i = 0; i < lines.count; i++) {
      const partition = partitions[i]!;
      let picks = byPartition.get(partition);
      if (!picks) byPartition.set(partition, (picks = []));
      picks.push(i);
    }
    return [...byPartition].map(([partition, picks]) => ({ partition, lines, picks }));
  }

  /** Fills in the offsets of the partitions whose leader took them; returns the line numbers of the others. */
  async function sendFast(lines: Lines, partitions: Int32Array, offsets: Float64Array): Promise<number[]> {
    const byLeader = new Map<number, PartitionValues[]>();
    for (const entry of groupByPartition(lines, partitions)) {
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
        for (const { partition, picks } of entries) {
          const result = results.find((r) => r.partition === partition);
          const count = picks ? picks.length : lines.count;
          for (let k = 0; k < count; k++) {
            const line = picks ? picks[k]! : k;
            if (result?.errorCode === 0) offsets[line] = result.baseOffset + k;
            else failed.push(line);
          }
        }
      }),
    );
    return failed.sort((a, b) => a - b);
  }

  /** Sends the lines `which` names, their bytes as they are, through kafkajs; resolves with their offsets. */
  async function sendThroughKafkajs(lines: Lines, which: readonly number[], partitions: Int32Array): Promise<number[]> {
    const producer = await kafkajsProducer();
    const messages = which.map((i) => ({ value: lines.bytes.subarray(lines.starts[i], lines.ends[i]), partition: partitions[i] }));
    const metadata = await producer.send({ topic, acks: ACKS, timeout: ACK_TIMEOUT_MS, messages });
    return assignOffsets(which.map((i) => partitions[i]!), metadata);
  }

  let fast = leaders.length > 0;
  return {
    async send(lines) {
      const partitions = new Int32Array(lines.count);
      for (let i = 0; i < lines.count; i++) partitions[i] = partitionIds[(counter = (counter + 1) & 0x7fffffff) % partitionIds.length]!;
      const every = () => Array.from({ length: lines.count }, (_, i) => i);
      if (!fast) return { topic, lines, partitions, offsets: await sendThroughKafkajs(lines, every(), partitions) };
      const offsets = new Float64Array(lines.count);
      const failed = await sendFast(lines, partitions, offsets);
      if (failed.length > 0) {
        // kafkajs finds the new leader, retries, and says what went wrong; it sends everything from now on.
        fast = false;
        const resent = await sendThroughKafkajs(lines, failed, partitions);
        failed.forEach((line, k) => (offsets[line] = resent[k]!));
      }
      return { topic, lines, partitions, offsets };
    },
    path: () => (fast ? 'direct' : 'kafkajs'),
    async close() {
      closeConnections();
      if (fallback) await (await fallback.catch(() => undefined))?.disconnect();
    },
  };
}
