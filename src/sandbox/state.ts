/**
 * state.json: everything other modules need to know about the sandbox, written
 * atomically by `sandbox start` and read by the cluster profile and the tests.
 * Keep these names stable: src/profile/ and test/support/ depend on them.
 *
 * {
 *   "version": 1,                      // shape of this file (SANDBOX_STATE_VERSION)
 *   "kafkaVersion": "4.4.0",           // what the last start ran; the next start without a version keeps it
 *   "clusterId": "…22 chars…",
 *   "dir": "/abs/.kafka-tutor/sandbox",
 *   "bootstrap": "127.0.0.1:19093",    // comma-separated with 3 brokers
 *   "internalBootstrap": "127.0.0.1:19094",
 *   "brokers": [{ "nodeId": 1, "pid": 1234 | null, "sslPort": 19093, "internalPort": 19094,
 *                 "controllerPort": 19095, "logFile": "/abs/…/brokers/1/broker.log" }],
 *   "caPath": "/abs/…/pki/ca.crt",
 *   "admin": { "principal": "User:kafka-tutor-admin", "certPath": "…", "keyPath": "…" },
 *   "students": [{ "clientId": "client1", "topic": "client1", "dir": "/abs/…/students/client1",
 *                  "certPath": "…/pki/client1.crt", "keyPath": "…/pki/client1.key" }],
 *   "startedAt": "2026-11-25T09:00:00.000Z" | null   // null while starting and once stopped
 * }
 */
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../errors.js';
import { sandboxPaths } from './paths.js';
import { isOurBroker } from './processes.js';
import { SANDBOX_STATE_VERSION } from './version.js';

export { sandboxDir } from './paths.js';

export interface SandboxBroker {
  nodeId: number;
  /** The broker's java process, or null when stopped. */
  pid: number | null;
  sslPort: number;
  internalPort: number;
  controllerPort: number;
  logFile: string;
}

export interface SandboxStudent {
  clientId: string;
  /** The student's topic: named after the client id, as in the course. */
  topic: string;
  /** The credentials folder in the course's layout: ca.crt, kafka.keystore.pkcs12, password.txt. */
  dir: string;
  /** PEM copies of the student's certificate and key, for tests and the readiness check. */
  certPath: string;
  keyPath: string;
}

export interface SandboxState {
  version: number;
  kafkaVersion: string;
  clusterId: string;
  dir: string;
  /** Client SSL listeners, e.g. `127.0.0.1:19093`. */
  bootstrap: string;
  /** The internal SSL listeners, where kafka-tutor's admin identity connects. */
  internalBootstrap: string;
  brokers: SandboxBroker[];
  caPath: string;
  admin: { principal: string; certPath: string; keyPath: string };
  students: SandboxStudent[];
  /** Partitions of each student's topic (`sandbox start --partitions`); absent means 1. */
  partitions?: number;
  startedAt: string | null;
}

/**
 * Reads state.json of the sandbox folder, or null when there is none.
 *
 * @example
 *   const state = await readSandboxState();
 *   if (state && isSandboxRunning(state)) console.log(state.bootstrap);
 */
export async function readSandboxState(dir?: string): Promise<SandboxState | null> {
  const file = sandboxPaths(dir).state;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  let state: SandboxState;
  try {
    state = JSON.parse(text) as SandboxState;
  } catch {
    throw new UserError(`The sandbox state file ${file} is damaged.`, { fix: 'kafka-tutor sandbox reset --yes', code: 'sandbox-state-damaged' });
  }
  if (state.version > SANDBOX_STATE_VERSION) {
    throw new UserError(`The sandbox in ${state.dir} was made by a newer kafka-tutor.`, { fix: 'upgrade kafka-tutor, or run kafka-tutor sandbox reset --yes', code: 'sandbox-state-newer' });
  }
  return state;
}

/** Writes state.json atomically (a crash never leaves half a file). */
export async function writeSandboxState(state: SandboxState): Promise<void> {
  await writeFileAtomic(sandboxPaths(state.dir).state, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/**
 * True when the sandbox finished starting (`startedAt` is set only after the readiness check)
 * and every broker still has a live java process that belongs to this sandbox, except
 * those stopped on purpose with `sandbox stop --broker N` (no pid); at least one runs.
 *
 * @example
 *   isSandboxRunning(state); // false while starting, after `sandbox stop`, after a broker crashed, or after a reboot
 */
export function isSandboxRunning(state: SandboxState): boolean {
  const up = state.brokers.filter((broker) => broker.pid !== null && isOurBroker(broker.pid, state.dir));
  return state.startedAt !== null && up.length > 0 && state.brokers.every((broker) => broker.pid === null || up.includes(broker));
}

/**
 * The brokers stopped on purpose (`sandbox stop --broker N`) of a running sandbox.
 *
 * @example
 *   stoppedBrokers(state).map((b) => b.nodeId); // [2]
 */
export function stoppedBrokers(state: SandboxState): SandboxBroker[] {
  return isSandboxRunning(state) ? state.brokers.filter((broker) => broker.pid === null) : [];
}

