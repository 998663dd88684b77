/**
 * kafka-tutor's own connection to the sandbox: the admin identity (a super user)
 * on the internal listener. kafkajs is imported lazily: `--help` never loads it.
 */
import { readFile } from 'node:fs/promises';
import type { Admin, KafkaConfig } from 'kafkajs';
import type { SandboxState } from '../sandbox/state.js';

// kafkajs prints a partitioner notice on every producer; nobody needs it here.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

/**
 * Runs `work` with a connected admin client and always disconnects.
 *
 * @example
 *   const topics = await withAdmin(state, (admin) => admin.listTopics());
 */
export async function withAdmin<T>(state: SandboxState, work: (admin: Admin) => Promise<T>): Promise<T> {
  const { Kafka } = await import('./kafkajs.js');
  const admin = new Kafka(await sandboxAdminConfig(state)).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A kafkajs configuration for kafka-tutor's admin identity (a super user) on the internal listener.
 *
 * @example
 *   const admin = new Kafka(await sandboxAdminConfig(state)).admin();
 */
export async function sandboxAdminConfig(state: SandboxState): Promise<KafkaConfig> {
  const [ca, cert, key] = await Promise.all([state.caPath, state.admin.certPath, state.admin.keyPath].map((file) => readFile(file, 'utf8')));
  const { kafkaConfig } = await import('./client.js');
  return kafkaConfig(
    { brokers: state.internalBootstrap.split(','), verifyHostname: true },
    { clientId: 'kafka-tutor-admin', tls: { ca: ca!, cert: cert!, key: key! } },
    { requestTimeoutMs: 15_000, retries: 5 },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the cluster reports all brokers, polling; `check` runs between attempts
 * (it throws when a broker process died, so a crash is reported at once, not at the deadline).
 *
 * @example
 *   await waitForBrokers(state, Date.now() + 60_000, assertBrokersAlive);
 */
export async function waitForBrokers(state: SandboxState, deadline: number, check: () => Promise<void>): Promise<void> {
  const waiting = await pollCluster(state, deadline, check, (cluster) =>
    cluster.brokers.length >= state.brokers.length && cluster.controller !== null ? undefined : `${cluster.brokers.length} of ${state.brokers.length} brokers registered`,
  );
  if (waiting !== undefined) throw new Error(`the brokers were not ready in time (${waiting})`);
}

/**
 * Waits until the cluster's metadata lists broker `nodeId` (it registered and was unfenced), polling;
 * `check` runs between attempts (it throws when the broker's process died).
 *
 * @example
 *   await waitForBrokerRegistered(state, 2, Date.now() + 60_000, assertAlive);
 */
export async function waitForBrokerRegistered(state: SandboxState, nodeId: number, deadline: number, check: () => Promise<void>): Promise<void> {
  const waiting = await pollCluster(state, deadline, check, (cluster) =>
    cluster.brokers.some((b) => b.nodeId === nodeId) ? undefined : `the cluster lists brokers ${cluster.brokers.map((b) => b.nodeId).join(', ')}`,
  );
  if (waiting !== undefined) throw new Error(`broker ${nodeId} did not register in time (${waiting})`);
}

/**
 * Asks the cluster (a fresh admin each time, no retries) until `waitingFor` says nothing is missing or the deadline
 * passes; resolves undefined when ready, else what it last saw (what is missing, or the error).
 */
async function pollCluster(state: SandboxState, deadline: number, check: () => Promise<void>, waitingFor: (cluster: { brokers: { nodeId: number }[]; controller: number | null }) => string | undefined): Promise<string | undefined> {
  const { Kafka } = await import('./kafkajs.js');
  const config = { ...(await sandboxAdminConfig(state)), retry: { retries: 0 }, connectionTimeout: 1000, requestTimeout: 3000 };
  let seen = 'no answer yet';
  while (Date.now() < deadline) {
    await check();
    const admin = new Kafka(config).admin();
    try {
      await admin.connect();
      const missing = waitingFor(await admin.describeCluster());
      if (missing === undefined) return undefined;
      seen = missing;
    } catch (error) {
      seen = (error as Error).message;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await sleep(300);
  }
  return seen;
}

/**
 * Waits until every partition of `topics` has a leader in the metadata the cluster serves.
 * (kafkajs' own `waitForLeaders` gives up when a broker has not heard of a new topic yet,
 * which happens with three brokers.)
 *
 * @example
 *   await admin.createTopics({ topics: [{ topic: 'client1' }], waitForLeaders: false });
 *   await waitForTopicLeaders(admin, ['client1'], Date.now() + 30_000);
 */
export async function waitForTopicLeaders(admin: Admin, topics: string[], deadline: number): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      if (metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      lastError = error;
    }
    await sleep(200);
  }
  throw new Error(`topics ${topics.join(', ')} have no leader yet (${String((lastError as Error | undefined)?.message ?? 'no metadata')})`);
}

/**
 * Asks for a group coordinator, which makes Kafka create `__consumer_offsets` now, while
 * students are being set up, instead of during the first student's consumer join. Never throws.
 *
 * @example
 *   const warming = warmUpGroupCoordinator(state);
 *   await addMissingStudents(state, 4);
 *   await warming;
 */
export async function warmUpGroupCoordinator(state: SandboxState): Promise<void> {
  try {
    await withAdmin(state, (admin) => admin.describeGroups(['kafka-tutor-warm-up']));
  } catch {
    // Only a head start is lost.
  }
}
