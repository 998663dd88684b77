/**
 * Helpers for tests that talk to the real sandbox broker (started by global-setup.ts).
 *
 * @example
 *   const state = await sandboxState();
 *   const kafka = new Kafka(await studentConfig('client1'));
 *   const topicless = uniqueName('client1-group'); // a fresh consumer group id
 */
import { randomUUID } from 'node:crypto';
import { Kafka, type Admin, type KafkaConfig } from 'kafkajs';
import { sandboxAdminConfig, waitForTopicLeaders } from '../../src/kafka/sandbox-admin.js';
import { studentKafkaConfig } from '../../src/kafka/sandbox-verify.js';
import { isSandboxRunning, readSandboxState, type SandboxState, type SandboxStudent } from '../../src/sandbox/state.js';
import { TEST_SANDBOX } from './test-kafka.js';

// Workers inherit this from global-setup; set it here too for a file run on its own.
process.env.KAFKA_TUTOR_SANDBOX ??= TEST_SANDBOX;
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

/** The running sandbox's state; throws (never skips) when it is not running. */
export async function sandboxState(): Promise<SandboxState> {
  const state = await readSandboxState();
  if (!state || !isSandboxRunning(state)) {
    throw new Error(`The test sandbox is not running in ${process.env.KAFKA_TUTOR_SANDBOX} (global-setup should have started it).`);
  }
  return state;
}

/** A sandbox student by client id ('client1'…'client4' exist in tests). */
export async function sandboxStudent(clientId: string): Promise<SandboxStudent> {
  const student = (await sandboxState()).students.find((s) => s.clientId === clientId);
  if (!student) throw new Error(`The test sandbox has no student ${clientId}.`);
  return student;
}

/** kafkajs configuration for a student: client SSL listener, the student's key and certificate. */
export async function studentConfig(clientId: string): Promise<KafkaConfig> {
  return studentKafkaConfig(await sandboxState(), await sandboxStudent(clientId));
}

/** A connected admin client for kafka-tutor's super-user identity; disconnect it in afterAll. */
export async function adminClient(): Promise<Admin> {
  const admin = new Kafka(await sandboxAdminConfig(await sandboxState())).admin();
  await admin.connect();
  return admin;
}

/**
 * A name no other test (or earlier run) used: `<prefix>-<8 hex>`.
 * Start group ids with a client id (`client1-…`): students may only use such groups.
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * Creates a fresh topic that `clientId` may read, write and describe (like their own topic),
 * so tests need not share the student's one topic. Returns its name.
 *
 * @example
 *   const topic = await createStudentTopic('client2'); // 'client2-t-1a2b3c4d'
 */
export async function createStudentTopic(clientId: string, options: { partitions?: number } = {}): Promise<string> {
  const state = await sandboxState();
  const topic = uniqueName(`${clientId}-t`);
  const { studentAcls } = await import('../../src/sandbox/students.js');
  const admin = await adminClient();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: options.partitions ?? 1, replicationFactor: state.brokers.length }] });
    await waitForTopicLeaders(admin, [topic], Date.now() + 30_000);
    // Only the topic entries of the student's ACL set, pointed at the new topic.
    const acl = studentAcls({ clientId, topic }).filter((entry) => entry.resourceName === topic);
    await admin.createAcls({ acl });
  } finally {
    await admin.disconnect();
  }
  return topic;
}
