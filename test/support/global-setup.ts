/**
 * vitest globalSetup: every test file shares one real Kafka sandbox at
 * <repo>/.kafka-tutor/sandbox. Starts it (4 students) when it is not running and
 * stops it afterwards only if this run started it. A broker that fails to start
 * fails the whole run: tests that claim Kafka behaviour never skip.
 */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_STUDENTS = 4;

let startedHere = false;

export async function setup(): Promise<void> {
  // Absolute, and set before any worker exists, so every worker inherits it.
  process.env.KAFKA_TUTOR_SANDBOX = fileURLToPath(new URL('../../.kafka-tutor/sandbox', import.meta.url));
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const { readSandboxState, isSandboxRunning } = await import('../../src/sandbox/state.js');
  const before = await readSandboxState();
  const { startSandbox } = await import('../../src/sandbox/start.js');
  const { createProgress } = await import('../../src/sandbox/progress.js');
  const progress = await createProgress({ write: (line) => process.stderr.write(`[sandbox] ${line}\n`) });
  // startSandbox also adds missing students to a running sandbox (ensureStudents).
  const result = await startSandbox({ students: TEST_STUDENTS, progress, cwd: REPO_ROOT });
  startedHere = !result.alreadyRunning && !(before && isSandboxRunning(before));
  if (startedHere) process.stderr.write(`[sandbox] started for this test run in ${result.seconds.toFixed(1)} s; it stops when the run ends\n`);
}

export async function teardown(): Promise<void> {
  if (!startedHere) return;
  const { stopSandbox } = await import('../../src/sandbox/stop.js');
  await stopSandbox();
}
