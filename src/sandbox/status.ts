/**
 * `sandbox status`: brokers, ports, students and versions, as text or as JSON for scripts.
 */
import { existsSync } from 'node:fs';
import { ensureAdminProperties } from './admin-properties.js';
import { findKafkaHome } from './jars.js';
import { requestedKafkaVersion } from './kafka-version.js';
import { sandboxDir, sandboxPaths } from './paths.js';
import { isOurBroker } from './processes.js';
import { runningKafkaVersion } from './running-version.js';
import { isSandboxRunning, readSandboxState } from './state.js';
import { DEFAULT_KAFKA_VERSION } from './version.js';

export interface SandboxStatus {
  /** Ready: the start's produce/consume check passed and every broker is up, except those stopped with `sandbox stop --broker N`. */
  running: boolean;
  dir: string;
  /** The version the brokers run (read from their processes); while none runs, the version of the last start (else the default). */
  kafkaVersion: string;
  /** True when kafkaVersion was read from a running broker. */
  kafkaVersionRunning: boolean;
  bootstrap: string | null;
  brokers: { nodeId: number; pid: number | null; up: boolean; kafkaVersion: string | null; sslPort: number; internalPort: number; controllerPort: number; logFile: string }[];
  students: { clientId: string; topic: string; dir: string }[];
  /** Partitions of each student's topic (`sandbox start --partitions`). */
  partitions: number;
  startedAt: string | null;
  /** An admin properties file for `kafka-tutor class … --admin-config` (null before the sandbox was made). */
  adminConfig: string | null;
  /** The sandbox CA, for `class create --ca-cert/--ca-key` (the key is unencrypted, mode 0600). */
  caCert: string | null;
  caKey: string | null;
}

/**
 * Reads the sandbox's status (never a password or key).
 *
 * @example
 *   (await readSandboxStatus()).running; // true
 */
export async function readSandboxStatus(dir: string = sandboxDir()): Promise<SandboxStatus> {
  const state = await readSandboxState(dir);
  if (!state) return { running: false, dir, kafkaVersion: nextKafkaVersion(), kafkaVersionRunning: false, bootstrap: null, brokers: [], students: [], partitions: 1, startedAt: null, adminConfig: null, caCert: null, caKey: null };
  const paths = sandboxPaths(dir);
  const hasPki = existsSync(paths.caKey) && existsSync(paths.adminKey);
  const brokers = state.brokers.map((b) => {
    const up = b.pid !== null && isOurBroker(b.pid, dir);
    return { ...b, pid: up ? b.pid : null, up, kafkaVersion: up && b.pid !== null ? (runningKafkaVersion(b.pid) ?? null) : null };
  });
  const running = isSandboxRunning(state);
  const seen = brokers.find((b) => b.kafkaVersion !== null)?.kafkaVersion;
  return {
    running,
    dir,
    kafkaVersion: seen ?? state.kafkaVersion,
    kafkaVersionRunning: seen !== undefined,
    bootstrap: state.bootstrap,
    brokers,
    students: state.students.map(({ clientId, topic, dir: folder }) => ({ clientId, topic, dir: folder })),
    partitions: state.partitions ?? 1,
    startedAt: running ? state.startedAt : null,
    adminConfig: hasPki ? await ensureAdminProperties(state) : null,
    caCert: hasPki ? paths.caCert : null,
    caKey: hasPki ? paths.caKey : null,
  };
}

/** The version a first `sandbox start` would run (a bad setting is reported by the start, not here). */
function nextKafkaVersion(): string {
  try {
    return findKafkaHome()?.version.text ?? requestedKafkaVersion(undefined)?.text ?? DEFAULT_KAFKA_VERSION;
  } catch {
    return DEFAULT_KAFKA_VERSION;
  }
}

/**
 * The status as lines for a person.
 *
 * @example
 *   formatSandboxStatus(status).forEach((line) => console.log(line));
 */
export function formatSandboxStatus(status: SandboxStatus, symbols: { up: string; down: string }): string[] {
  const lines = [
    `Sandbox: ${sandboxWord(status)} (${versionWords(status)})`,
    `Folder:  ${status.dir}`,
  ];
  if (status.bootstrap) lines.push(`Bootstrap: ${status.bootstrap}`);
  if (status.startedAt) lines.push(`Started: ${status.startedAt}`);
  if (status.adminConfig) lines.push(`Admin config (for kafka-tutor class --admin-config): ${status.adminConfig}`);
  for (const b of status.brokers) {
    const state = b.up ? `${symbols.up} up (pid ${b.pid}${b.kafkaVersion ? `, Kafka ${b.kafkaVersion}` : ''})` : `${symbols.down} down${status.running ? ` (back with: kafka-tutor sandbox start --broker ${b.nodeId})` : ''}`;
    lines.push(`Broker ${b.nodeId}: ${state}  ssl 127.0.0.1:${b.sslPort}  internal ${b.internalPort}  controller ${b.controllerPort}`);
    lines.push(`  log: ${b.logFile}`);
  }
  if (status.students.length > 0) lines.push(`Students (client id, topic with ${status.partitions} partition${status.partitions === 1 ? '' : 's'}, credentials folder):`);
  for (const s of status.students) lines.push(`  ${s.clientId}  topic ${s.topic}  ${s.dir}`);
  return lines;
}

function versionWords(status: SandboxStatus): string {
  if (status.kafkaVersionRunning) return `Kafka ${status.kafkaVersion}`;
  if (status.brokers.length === 0) return `sandbox start runs Kafka ${status.kafkaVersion}`;
  return `Kafka ${status.kafkaVersion} when last started`;
}

function sandboxWord(status: SandboxStatus): string {
  const down = status.brokers.filter((b) => !b.up).map((b) => b.nodeId);
  if (status.running) return down.length === 0 ? 'running' : `running, with broker ${down.join(', ')} stopped`;
  if (status.brokers.some((b) => b.up)) return 'starting (or partly down)';
  return status.brokers.length > 0 ? 'stopped' : 'not created';
}
