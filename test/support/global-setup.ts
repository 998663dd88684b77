/**
 * vitest globalSetup: every test file shares one real Kafka sandbox at
 * <repo>/.kafka-tutor/sandbox (another Kafka version than the default: a folder of its own,
 * see test-kafka.ts). Starts it (4 students) with the run's Kafka version when it is not
 * running. A broker that fails to start fails the whole run: tests that claim Kafka behaviour never skip.
 *
 * Several test runs may share the sandbox at once (engineers, CI), so each run leaves a
 * lease (`test-runs/<pid>`); the sandbox is stopped only when a test run started it and
 * the last live lease is gone. A sandbox a person started (no marker) is never stopped.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_KAFKA_VERSION, TEST_SANDBOX as SANDBOX } from './test-kafka.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_STUDENTS = 4;
const LEASES = join(SANDBOX, 'test-runs');
/** Present while the running sandbox was started by a test run (and may be stopped by one). */
export const STARTED_FOR_TESTS = join(SANDBOX, 'started-for-tests');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function setup(): Promise<void> {
  // Absolute, and set before any worker exists, so every worker inherits it.
  process.env.KAFKA_TUTOR_SANDBOX = SANDBOX;
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  await mkdir(LEASES, { recursive: true });
  // Leases of runs that crashed mean nothing: drop them.
  for (const pid of (await readdir(LEASES)).map(Number)) if (!isAlive(pid)) await rm(join(LEASES, String(pid)), { force: true });
  await writeFile(join(LEASES, String(process.pid)), '');
  const { startSandbox } = await import('../../src/sandbox/start.js');
  const { createProgress } = await import('../../src/ui/progress.js');
  const progress = await createProgress({ write: (line) => process.stderr.write(`[sandbox] ${line}\n`) });
  // startSandbox also adds missing students to a running sandbox (ensureStudents).
  // An explicit version: a test sandbox left by an older kafka-tutor is upgraded, never silently kept.
  const result = await startSandbox({ students: TEST_STUDENTS, progress, cwd: REPO_ROOT, kafkaVersion: TEST_KAFKA_VERSION });
  if (!result.alreadyRunning) {
    await writeFile(STARTED_FOR_TESTS, `${process.pid}\n`);
    process.stderr.write(`[sandbox] Kafka ${result.state.kafkaVersion} started for the tests in ${result.seconds.toFixed(1)} s; the last test run to finish stops it\n`);
  }
}

export async function teardown(): Promise<void> {
  await rm(join(LEASES, String(process.pid)), { force: true });
  if (!existsSync(STARTED_FOR_TESTS)) return;
  const { withStartLock } = await import('../../src/sandbox/lock.js');
  const { stopSandbox } = await import('../../src/sandbox/stop.js');
  // Under the start lock: a run that is starting up either left its lease already or starts afresh after us.
  await withStartLock(SANDBOX, async () => {
    const others = (await readdir(LEASES).catch(() => [])).map(Number).filter((pid) => pid !== process.pid && isAlive(pid));
    if (others.length > 0 || !existsSync(STARTED_FOR_TESTS)) return;
    await stopSandbox(SANDBOX);
    await rm(STARTED_FOR_TESTS, { force: true });
  });
}
