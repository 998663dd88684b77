/**
 * A sandbox of a test file's own, for tests that stop and restart brokers (faults), which
 * must never touch the shared sandbox other files use at the same time. It lives in a
 * temporary folder and listens on the shared sandbox's ports moved by `slot` × 10
 * (slots 1–9, one per test file that needs one), so it runs beside the shared one.
 *
 * @example
 *   const sandbox = await startPrivateSandbox(1);
 *   await sandbox.stopBrokers();   // the cluster goes away
 *   await sandbox.startBrokers();  // and comes back, same topics and students
 *   await sandbox.remove();        // in afterAll
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portsFor } from '../../src/sandbox/ports.js';
import { createProgress } from '../../src/ui/progress.js';
import { startSandbox } from '../../src/sandbox/start.js';
import { readSandboxState, type SandboxState } from '../../src/sandbox/state.js';
import { stopSandbox } from '../../src/sandbox/stop.js';

export interface PrivateSandbox {
  dir: string;
  /** Environment for a child kafka-tutor that should use this sandbox (merge into process.env). */
  env: Record<string, string>;
  state(): Promise<SandboxState>;
  stopBrokers(): Promise<void>;
  startBrokers(): Promise<void>;
  /** Stops the brokers and deletes the folder. */
  remove(): Promise<void>;
}

/** Runs `work` with KAFKA_TUTOR_SANDBOX_PORT set to `port` (portsFor reads it when called). */
async function withPort<T>(port: number, work: () => Promise<T>): Promise<T> {
  const saved = process.env.KAFKA_TUTOR_SANDBOX_PORT;
  process.env.KAFKA_TUTOR_SANDBOX_PORT = String(port);
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env.KAFKA_TUTOR_SANDBOX_PORT;
    else process.env.KAFKA_TUTOR_SANDBOX_PORT = saved;
  }
}

/**
 * Starts a private sandbox (real brokers, the course's security) with `students` students.
 * Throws when its broker does not start: a fault test never skips.
 */
export async function startPrivateSandbox(slot: number, options: { students?: number; brokers?: number } = {}): Promise<PrivateSandbox> {
  if (!Number.isInteger(slot) || slot < 1 || slot > 9) throw new Error(`private sandbox slot ${slot} is not 1–9`);
  const port = portsFor(1).sslPort + slot * 10;
  const dir = await mkdtemp(join(tmpdir(), `kafka-tutor-private-sandbox-${slot}-`));
  const progress = await createProgress({ quiet: true });
  const start = () => withPort(port, () => startSandbox({ dir, cwd: dir, progress, students: options.students ?? 1, brokers: options.brokers ?? 1 }));
  await start();
  return {
    dir,
    env: { KAFKA_TUTOR_SANDBOX: dir, KAFKA_TUTOR_SANDBOX_PORT: String(port) },
    state: async () => {
      const state = await readSandboxState(dir);
      if (!state) throw new Error(`private sandbox ${dir} has no state.json`);
      return state;
    },
    stopBrokers: async () => void (await stopSandbox(dir)),
    startBrokers: async () => void (await start()),
    remove: async () => {
      await stopSandbox(dir).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
