/**
 * `sandbox start`: Java check, jars, certificates, configuration, storage format, brokers,
 * students, and a real produce/consume round trip before it reports ready. Every wait is
 * bounded; a broker that dies or never becomes ready is stopped and reported with its log.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { waitForBrokers, warmUpGroupCoordinator } from '../kafka/sandbox-admin.js';
import { verifyRoundTrip } from '../kafka/sandbox-verify.js';
import { fillAuthFolder } from './auth-folder.js';
import { renderLog4j, renderServerProperties } from './broker-config.js';
import { ensureSandboxPki } from './certificates.js';
import { ensureKafkaJars, findKafkaHome } from './jars.js';
import { formatStorage, launchBroker, newClusterId } from './java.js';
import { chooseKafkaVersion, kafkaLogging, parseKafkaVersion, requestedKafkaVersion, type KafkaVersion, type VersionChoiceInput } from './kafka-version.js';
import { withStartLock } from './lock.js';
import { fileSize, summarizeLogSince } from './logs.js';
import { sandboxDir, sandboxPaths, type SandboxPaths } from './paths.js';
import { assertPortsFree, portsFor, SANDBOX_HOST } from './ports.js';
import { isOurBroker, writePidFile } from './processes.js';
import type { Progress } from '../ui/progress.js';
import { assertJava } from './requirements.js';
import { relaunch } from './broker.js';
import { isSandboxRunning, readSandboxState, stoppedBrokers, writeSandboxState, type SandboxState } from './state.js';
import { stopSandbox } from './stop.js';
import { addMissingStudents } from './students.js';
import { SANDBOX_STATE_VERSION } from './version.js';

export interface StartOptions {
  /** 1 or 3; undefined keeps what the sandbox folder was made with (else 1). */
  brokers?: number | undefined;
  students?: number | undefined;
  /** Partitions of each student's topic (`--partitions`); undefined keeps what the sandbox has (else 1). */
  partitions?: number | undefined;
  /** `--kafka-version`; undefined: KAFKA_TUTOR_KAFKA_VERSION, else the sandbox's own version, else the default. */
  kafkaVersion?: string | undefined;
  progress: Progress;
  /** Where ./auth is filled with the first student's credentials (default: the working directory). */
  cwd?: string;
  dir?: string;
  readyTimeoutMs?: number;
}

export interface StartResult {
  state: SandboxState;
  alreadyRunning: boolean;
  /** The ./auth folder when it was filled, else undefined. */
  authFilled: string | undefined;
  seconds: number;
}

/**
 * Starts the sandbox, or adds missing students to a running one.
 *
 * @example
 *   const { state } = await startSandbox({ brokers: 1, students: 4, progress });
 */
export async function startSandbox(options: StartOptions): Promise<StartResult> {
  const started = Date.now();
  const dir = options.dir ?? sandboxDir();
  await assertJava();
  // A bad version or KAFKA_HOME is refused before anything is created.
  const asked = { requested: requestedKafkaVersion(options.kafkaVersion), home: findKafkaHome()?.version };
  return withStartLock(dir, () => startLocked(dir, options, started, asked));
}

async function startLocked(dir: string, options: StartOptions, started: number, asked: Pick<VersionChoiceInput, 'requested' | 'home'>): Promise<StartResult> {
  const previous = await readSandboxState(dir);
  const brokers = options.brokers ?? previous?.brokers.length ?? 1;
  if (previous && previous.brokers.length !== brokers) {
    throw new UserError(`This sandbox was made with ${previous.brokers.length} broker(s), not ${brokers}.`, {
      fix: `kafka-tutor sandbox reset --yes && kafka-tutor sandbox start --brokers ${brokers}`,
      code: 'sandbox-broker-count',
    });
  }
  const running = previous !== null && isSandboxRunning(previous);
  const version = chooseKafkaVersion({
    ...asked,
    previous: previous ? { version: parseKafkaVersion(previous.kafkaVersion, `${dir}/state.json`), running } : undefined,
  });
  if (previous && running) {
    // Brokers stopped one by one (`sandbox stop --broker N`) come back first: new students need every replica.
    let current = previous;
    for (const broker of stoppedBrokers(previous)) {
      const pid = await relaunch(current, broker, { progress: (message) => options.progress.step(message) });
      current = { ...current, brokers: current.brokers.map((b) => (b.nodeId === broker.nodeId ? { ...b, pid } : b)) };
    }
    const state = await addMissingStudents(current, options.students ?? 0, { partitions: options.partitions });
    return { state, alreadyRunning: true, authFilled: undefined, seconds: 0 };
  }
  // A half-running sandbox (one broker crashed) cannot be trusted: stop what is left first.
  if (previous) await stopSandbox(dir);

  const jars = await ensureKafkaJars(version, (message) => options.progress.step(message));
  const paths = sandboxPaths(dir);
  options.progress.step('Preparing certificates and broker configuration…');
  await mkdir(dir, { recursive: true });
  const keystorePassword = await ensureSandboxPki(paths);
  const nodeIds = Array.from({ length: brokers }, (_, i) => i + 1);
  const logging = kafkaLogging(jars.version);
  await writeFile(logging === 'log4j2' ? paths.log4j2 : paths.log4j, renderLog4j(logging));
  for (const nodeId of nodeIds) {
    await mkdir(paths.broker(nodeId).dir, { recursive: true, mode: 0o700 });
    await writeFile(paths.broker(nodeId).properties, renderServerProperties({ nodeId, brokers, paths, keystorePassword }), { mode: 0o600 });
  }
  const clusterId = previous?.clusterId ?? newClusterId();
  options.progress.step(`Formatting storage for ${brokers} broker(s)…`);
  await formatStorage(jars, paths, nodeIds, clusterId);
  await assertPortsFree(brokers, dir);

  options.progress.step(`Starting Kafka ${jars.version.text} (${brokers} broker${brokers > 1 ? 's' : ''})…`);
  const state = newState(dir, paths, clusterId, nodeIds, previous, jars.version);
  // The log files grow across starts: errors are looked for only in what this start appends.
  const logOffsets = new Map(await Promise.all(state.brokers.map(async (b) => [b.nodeId, await fileSize(b.logFile)] as const)));
  for (const broker of state.brokers) {
    broker.pid = launchBroker(jars, paths, broker.nodeId);
    await writePidFile(paths.broker(broker.nodeId).pid, broker.pid);
  }
  await writeSandboxState(state);
  try {
    return await bringUp(state, options, started, logOffsets);
  } catch (error) {
    // Never leave a half-started sandbox behind.
    await stopSandbox(dir);
    throw error;
  }
}

async function bringUp(state: SandboxState, options: StartOptions, started: number, logOffsets: Map<number, number>): Promise<StartResult> {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  const assertAlive = async () => {
    for (const broker of state.brokers) {
      if (broker.pid === null || !isOurBroker(broker.pid, state.dir)) throw await brokerFailure(broker.nodeId, broker.logFile, logOffsets.get(broker.nodeId) ?? 0, 'stopped while starting');
    }
  };
  options.progress.step('Waiting for the brokers to elect a controller and register…');
  try {
    await waitForBrokers(state, deadline, assertAlive);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const first = state.brokers[0]!;
    throw await brokerFailure(first.nodeId, first.logFile, logOffsets.get(first.nodeId) ?? 0, `did not become ready in time (${(error as Error).message})`);
  }
  const warming = warmUpGroupCoordinator(state);
  const count = Math.max(options.students ?? 1, 1);
  options.progress.step(`Creating ${count === 1 ? 'student client1' : `students client1…client${count}`} (certificates, topics, ACLs)…`);
  const withStudents = await addMissingStudents(state, count, { repair: true, partitions: options.partitions });
  await warming;
  const first = withStudents.students[0]!;
  options.progress.step(`Checking that ${first.clientId} can produce and consume over SSL…`);
  await retryUntil(deadline, async () => void (await verifyRoundTrip(withStudents, first, Math.max(5000, Math.min(30_000, deadline - Date.now())))));
  const authFilled = await fillAuthFolder(first, options.cwd ?? process.cwd());
  const final = { ...withStudents, startedAt: new Date().toISOString() };
  await writeSandboxState(final);
  return { state: final, alreadyRunning: false, authFilled, seconds: (Date.now() - started) / 1000 };
}

/** ACLs reach the brokers a moment after the controller commits them: retry until the deadline. */
async function retryUntil(deadline: number, attempt: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() + 1000 > deadline) {
        throw new UserError(`The sandbox started, but a student could not produce and consume: ${(error as Error).message}`, {
          fix: 'kafka-tutor sandbox logs, then kafka-tutor sandbox reset --yes && kafka-tutor sandbox start',
          code: 'sandbox-check-failed',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function brokerFailure(nodeId: number, logFile: string, offset: number, what: string): Promise<UserError> {
  const { firstError, last } = await summarizeLogSince(logFile, offset, 15);
  const cause = firstError ? `\nFirst error: ${firstError}` : '';
  return new UserError(`Kafka broker ${nodeId} ${what}.${cause}\nThe last lines of its log (${logFile}):\n${last.join('\n')}`, {
    fix: `read the whole log: kafka-tutor sandbox logs --broker ${nodeId}   (a damaged sandbox: kafka-tutor sandbox reset --yes)`,
    code: 'broker-failed',
  });
}

function newState(dir: string, paths: SandboxPaths, clusterId: string, nodeIds: number[], previous: SandboxState | null, version: KafkaVersion): SandboxState {
  const brokers = nodeIds.map((nodeId) => ({ nodeId, pid: null as number | null, ...portsFor(nodeId), logFile: paths.broker(nodeId).log }));
  return {
    version: SANDBOX_STATE_VERSION,
    // What this start runs: the next start without --kafka-version keeps it, and refuses to go back a release line.
    kafkaVersion: version.text,
    clusterId,
    dir,
    bootstrap: brokers.map((b) => `${SANDBOX_HOST}:${b.sslPort}`).join(','),
    internalBootstrap: brokers.map((b) => `${SANDBOX_HOST}:${b.internalPort}`).join(','),
    brokers,
    caPath: paths.caCert,
    admin: { principal: 'User:kafka-tutor-admin', certPath: paths.adminCert, keyPath: paths.adminKey },
    students: previous?.students ?? [],
    ...(previous?.partitions ? { partitions: previous.partitions } : {}),
    startedAt: null,
  };
}
