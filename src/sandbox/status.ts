/**
 * `sandbox status`: brokers, ports, students and versions, as text or as JSON for scripts.
 */
import { existsSync } from 'node:fs';
import { ensureAdminProperties } from './admin-properties.js';
import { sandboxDir, sandboxPaths } from './paths.js';
import { isOurBroker } from './processes.js';
import { readSandboxState } from './state.js';
import { KAFKA_VERSION } from './version.js';

export interface SandboxStatus {
  /** Ready: every broker up and the start's produce/consume check passed. */
  running: boolean;
  dir: string;
  kafkaVersion: string;
  bootstrap: string | null;
  brokers: { nodeId: number; pid: number | null; up: boolean; sslPort: number; internalPort: number; controllerPort: number; logFile: string }[];
  students: { clientId: string; topic: string; dir: string }[];
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
  if (!state) return { running: false, dir, kafkaVersion: KAFKA_VERSION, bootstrap: null, brokers: [], students: [], startedAt: null, adminConfig: null, caCert: null, caKey: null };
  const paths = sandboxPaths(dir);
  const hasPki = existsSync(paths.caKey) && existsSync(paths.adminKey);
  const brokers = state.brokers.map((b) => ({ ...b, up: b.pid !== null && isOurBroker(b.pid, dir) }));
  const running = state.startedAt !== null && brokers.length > 0 && brokers.every((b) => b.up);
  return {
    running,
    dir,
    kafkaVersion: state.kafkaVersion,
    bootstrap: state.bootstrap,
    brokers: brokers.map((b) => ({ ...b, pid: b.up ? b.pid : null })),
    students: state.students.map(({ clientId, topic, dir: folder }) => ({ clientId, topic, dir: folder })),
    startedAt: running ? state.startedAt : null,
    adminConfig: hasPki ? await ensureAdminProperties(state) : null,
    caCert: hasPki ? paths.caCert : null,
    caKey: hasPki ? paths.caKey : null,
  };
}

/**
 * The status as lines for a person.
 *
 * @example
 *   formatSandboxStatus(status).forEach((line) => console.log(line));
 */
export function formatSandboxStatus(status: SandboxStatus, symbols: { up: string; down: string }): string[] {
  const lines = [
    `Sandbox: ${sandboxWord(status)} (Kafka ${status.kafkaVersion})`,
    `Folder:  ${status.dir}`,
  ];
  if (status.bootstrap) lines.push(`Bootstrap: ${status.bootstrap}`);
  if (status.startedAt) lines.push(`Started: ${status.startedAt}`);
  if (status.adminConfig) lines.push(`Admin config (for kafka-tutor class --admin-config): ${status.adminConfig}`);
  for (const b of status.brokers) {
    const state = b.up ? `${symbols.up} up (pid ${b.pid})` : `${symbols.down} down`;
    lines.push(`Broker ${b.nodeId}: ${state}  ssl 127.0.0.1:${b.sslPort}  internal ${b.internalPort}  controller ${b.controllerPort}`);
    lines.push(`  log: ${b.logFile}`);
  }
  if (status.students.length > 0) lines.push('Students (client id, topic, credentials folder):');
  for (const s of status.students) lines.push(`  ${s.clientId}  topic ${s.topic}  ${s.dir}`);
  return lines;
}

function sandboxWord(status: SandboxStatus): string {
  if (status.running) return 'running';
  if (status.brokers.some((b) => b.up)) return 'starting (or partly down)';
  return status.brokers.length > 0 ? 'stopped' : 'not created';
}
