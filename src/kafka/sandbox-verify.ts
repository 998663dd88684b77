/**
 * The readiness proof of `sandbox start`: a student's own certificate produces one
 * message to their topic over SSL and reads it back, through the ACLs.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { KafkaConfig } from 'kafkajs';
import type { SandboxState, SandboxStudent } from '../sandbox/state.js';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

/**
 * A kafkajs configuration for a sandbox student (client SSL listener, the student's key and certificate).
 *
 * @example
 *   const kafka = new Kafka(await studentKafkaConfig(state, state.students[0]!));
 */
export async function studentKafkaConfig(state: SandboxState, student: SandboxStudent): Promise<KafkaConfig> {
  const [ca, cert, key] = await Promise.all([state.caPath, student.certPath, student.keyPath].map((file) => readFile(file, 'utf8')));
  const { kafkaConfig } = await import('./client.js');
  return kafkaConfig(
    { brokers: state.bootstrap.split(','), verifyHostname: true },
    { clientId: student.clientId, tls: { ca: ca!, cert: cert!, key: key! } },
    { retries: 5 },
  );
}

/**
 * Produces one message as `student` and consumes it back within `timeoutMs`; throws otherwise.
 * Resolves with how many other messages the consumer read first: none, however long the topic's history.
 *
 * @example
 *   await verifyRoundTrip(state, state.students[0]!, 30_000); // 0
 */
export async function verifyRoundTrip(state: SandboxState, student: SandboxStudent, timeoutMs: number): Promise<number> {
  const { Kafka } = await import('./kafkajs.js');
  const kafka = new Kafka(await studentKafkaConfig(state, student));
  const token = `kafka-tutor sandbox check ${randomUUID()}`;
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  let written: { partition: number; baseOffset?: string } | undefined;
  try {
    [written] = await producer.send({ topic: student.topic, messages: [{ value: token }] });
  } finally {
    await producer.disconnect();
  }
  // A fresh group under the student's own prefix, as the ACLs allow, whose committed offset is the
  // message's own before it joins: it reads from there, not through the topic's whole history (a
  // student's topic may hold millions). No seek instead: with three brokers kafkajs then idles 5 s
  // on the fetch in flight. Other partitions start at their end.
  const groupId = `${student.clientId}-sandbox-check-${randomUUID()}`;
  if (written?.baseOffset !== undefined) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId, topic: student.topic, partitions: [{ partition: written.partition, offset: written.baseOffset }] });
    } finally {
      await admin.disconnect();
    }
  }
  // A short long-poll: disconnect waits for the fetch in flight (5 s by default).
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTimeInMs: 200 });
  await consumer.connect();
  let before = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the check message did not come back within ${timeoutMs / 1000} s`)), timeoutMs);
      consumer.on(consumer.events.CRASH, (event) => {
        clearTimeout(timer);
        reject(event.payload.error);
      });
      void consumer
        .subscribe({ topic: student.topic, fromBeginning: written?.baseOffset === undefined })
        .then(() =>
          consumer.run({
            eachMessage: async ({ message }) => {
              if (message.value?.toString() !== token) before += 1;
              else {
                clearTimeout(timer);
                resolve();
              }
            },
          }),
        )
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error);
        });
    });
  } finally {
    await consumer.disconnect();
  }
  await deleteGroupQuietly(kafka, groupId);
  return before;
}

/** The check's group would otherwise show up for days in the student's group listings. */
async function deleteGroupQuietly(kafka: import('kafkajs').Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // Only tidiness is lost.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
