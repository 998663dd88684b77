/**
 * `sandbox stop --broker N` / `sandbox start --broker N`: one broker of a running
 * 3-broker sandbox goes down (a clean shutdown, as a crashed machine's replacement
 * would see it) and comes back, while the others keep serving. A deliberately
 * stopped broker has no pid in state.json while the sandbox's `startedAt` stays set.
 */
import { UserError } from '../errors.js';
import { waitForBrokerRegistered } from '../kafka/sandbox-admin.js';
import { ensureKafkaJars } from './jars.js';
import { launchBroker } from './java.js';
import { parseKafkaVersion } from './kafka-version.js';
import { withStartLock } from './lock.js';
import { fileSize, summarizeLogSince } from './logs.js';
import { sandboxDir, sandboxPaths } from './paths.js';
import { isOurBroker, removePidFile, terminate, writePidFile } from './processes.js';
import { readSandboxState, writeSandboxState, type SandboxBroker, type SandboxState } from './state.js';
import { STOP_GRACE_MS } from './stop.js';

export interface BrokerChange {
  nodeId: number;
  /** False when the broker already was in the asked state (nothing was done). */
  changed: boolean;
  /** The broker process that ended or started. */
  pid: number | null;
}

const isUp = (state: SandboxState, broker: SandboxBroker) => broker.pid !== null && isOurBroker(broker.pid, state.dir);

/** The running sandbox and its broker `nodeId`, or one sentence and the fix. */
async function brokerOf(dir: string, nodeId: number, verb: 'stop' | 'start'): Promise<{ state: SandboxState; broker: SandboxBroker }> {
  const state = await readSandboxState(dir);
  if (!state || state.startedAt === null || !state.brokers.some((b) => isUp(state, b))) {
    throw new UserError(`The sandbox is not running, so there is no broker to ${verb}.`, { fix: 'kafka-tutor sandbox start --brokers 3', code: 'sandbox-not-running' });
  }
  if (state.brokers.length === 1) {
    throw new UserError(`This sandbox has a single broker: with no other broker to take over, stopping or starting one broker means the whole sandbox.`, {
      fix: 'kafka-tutor sandbox reset --yes && kafka-tutor sandbox start --brokers 3   (or kafka-tutor sandbox stop / start for the whole sandbox)',
      code: 'sandbox-single-broker',
    });
  }
  const broker = state.brokers.find((b) => b.nodeId === nodeId);
  if (!broker) {
    const ids = state.brokers.map((b) => b.nodeId);
    throw new UserError(`The sandbox has no broker ${nodeId}: its brokers are ${ids.join(', ')}.`, { fix: `kafka-tutor sandbox ${verb} --broker ${ids[0]}`, code: 'sandbox-no-broker' });
  }
  return { state, broker };
}

/**
 * Stops one broker with SIGTERM (Kafka's controlled shutdown: its partitions get new leaders first).
 * Refuses to stop a broker whose loss would leave the controllers without a majority.
 *
 * @example
 *   await stopBroker(2); // { nodeId: 2, changed: true, pid: 4242 }
 */
export async function stopBroker(nodeId: number, dir: string = sandboxDir()): Promise<BrokerChange> {
  return withStartLock(dir, async () => {
    const { state, broker } = await brokerOf(dir, nodeId, 'stop');
    if (!isUp(state, broker)) return { nodeId, changed: false, pid: null };
    // Every broker is also a KRaft controller: a majority of them must stay up, or nothing can be decided.
    const upAfter = state.brokers.filter((b) => b.nodeId !== nodeId && isUp(state, b));
    const majority = Math.floor(state.brokers.length / 2) + 1;
    if (upAfter.length < majority) {
      const down = state.brokers.filter((b) => b.nodeId !== nodeId && !isUp(state, b)).map((b) => b.nodeId);
      throw new UserError(
        `Stopping broker ${nodeId} would leave ${upAfter.length} of the ${state.brokers.length} controllers running, and Kafka needs a majority (${majority}) to elect a controller: the whole cluster would stop working.`,
        { fix: `kafka-tutor sandbox start --broker ${down[0] ?? nodeId}   (bring the stopped one back first), or kafka-tutor sandbox stop for the whole sandbox`, code: 'sandbox-quorum' },
      );
    }
    const pid = broker.pid!;
    await terminate([pid], STOP_GRACE_MS);
    await removePidFile(sandboxPaths(dir).broker(nodeId).pid);
    await writeSandboxState({ ...state, brokers: state.brokers.map((b) => (b.nodeId === nodeId ? { ...b, pid: null } : b)) });
    return { nodeId, changed: true, pid };
  });
}

/**
 * Starts one stopped broker of the running sandbox and waits until the cluster lists it again.
 *
 * @example
 *   await startBroker(2, { progress: (m) => console.log(m) }); // { nodeId: 2, changed: true, pid: 4343 }
 */
export async function startBroker(nodeId: number, options: { dir?: string; progress?: (message: string) => void; readyTimeoutMs?: number } = {}): Promise<BrokerChange> {
  const dir = options.dir ?? sandboxDir();
  return withStartLock(dir, async () => {
    const { state, broker } = await brokerOf(dir, nodeId, 'start');
    if (isUp(state, broker)) return { nodeId, changed: false, pid: broker.pid };
    return { nodeId, changed: true, pid: await relaunch(state, broker, options) };
  });
}

/**
 * Launches a stopped broker of `state` again and waits (bounded) until it registered; the caller holds the start lock.
 *
 * @example
 *   const pid = await relaunch(state, state.brokers[1], {});
 */
export async function relaunch(state: SandboxState, broker: SandboxBroker, options: { progress?: (message: string) => void; readyTimeoutMs?: number }): Promise<number> {
  const paths = sandboxPaths(state.dir);
  const jars = await ensureKafkaJars(parseKafkaVersion(state.kafkaVersion, paths.state), options.progress ?? (() => undefined));
  const logOffset = await fileSize(broker.logFile);
  options.progress?.(`Starting broker ${broker.nodeId}…`);
  const pid = launchBroker(jars, paths, broker.nodeId);
  await writePidFile(paths.broker(broker.nodeId).pid, pid);
  const next = { ...state, brokers: state.brokers.map((b) => (b.nodeId === broker.nodeId ? { ...b, pid } : b)) };
  await writeSandboxState(next);
  const assertAlive = async () => {
    if (isOurBroker(pid, state.dir)) return;
    const { firstError, last } = await summarizeLogSince(broker.logFile, logOffset, 15);
    throw new UserError(`Kafka broker ${broker.nodeId} stopped while starting.${firstError ? `\nFirst error: ${firstError}` : ''}\nThe last lines of its log (${broker.logFile}):\n${last.join('\n')}`, {
      fix: `read the whole log: kafka-tutor sandbox logs --broker ${broker.nodeId}`,
      code: 'broker-failed',
    });
  };
  options.progress?.(`Waiting for broker ${broker.nodeId} to rejoin the cluster…`);
  try {
    await waitForBrokerRegistered(next, broker.nodeId, Date.now() + (options.readyTimeoutMs ?? 90_000), assertAlive);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Broker ${broker.nodeId} started but did not rejoin the cluster in time (${(error as Error).message}).`, {
      fix: `kafka-tutor sandbox logs --broker ${broker.nodeId}`,
      code: 'broker-failed',
    });
  }
  return pid;
}
