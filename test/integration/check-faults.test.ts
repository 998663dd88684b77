/**
 * `kafka-tutor check` (the built binary) when the cluster fails it: brokers stopped in
 * the middle of a lesson, on a private sandbox of this file's own (the shared one is
 * never stopped). The check must end on its own with "could not run" (exit 2), never
 * score the student for the cluster's fault.
 */
import { execa } from 'execa';
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import { sandboxAdminConfig } from '../../src/sandbox/state.js';
import { startPrivateSandbox, type PrivateSandbox } from '../support/private-sandbox.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
let sandbox: PrivateSandbox;

beforeAll(async () => {
  sandbox = await startPrivateSandbox(4);
}, 180_000);

afterAll(async () => {
  await sandbox?.remove();
}, 60_000);

/** Resolves once a consumer group of this check run exists on the cluster: a Kafka lesson is under way. */
async function lessonUnderway(clientId: string): Promise<void> {
  const admin = new Kafka(await sandboxAdminConfig(await sandbox.state())).admin();
  await admin.connect();
  try {
    for (;;) {
      const { groups } = await admin.listGroups();
      if (groups.some((g) => g.groupId.startsWith(`${clientId}-check-`))) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await admin.disconnect();
  }
}

describe('kafka-tutor check when the brokers stop mid-check', () => {
  it('ends by itself with status error and exit code 2, saying the cluster went away, and scores nothing as failed', async () => {
    const state = await sandbox.state();
    const student = state.students[0]!;
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), ...sandbox.env };
    // The bound: a check that hangs is killed here, and then its exit code is not 2.
    const child = execa(process.execPath, [BIN, 'check', '--json', '--bootstrap', state.bootstrap, '--auth', student.dir], { cwd: sandbox.dir, env, extendEnv: false, reject: false, timeout: 100_000 });
    await lessonUnderway(student.clientId);
    await sandbox.stopBrokers();
    const result = await child;
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(result.exitCode).toBe(2);
    expect(report.status).toBe('error');
    expect(report.error).toMatchObject({ code: 'cluster-lost' });
    expect(report.error!.message).toBe(`The cluster at ${state.bootstrap} went away during the check (nothing accepts connections there any more), so the check could not finish.`);
    expect(report.tests.filter((t) => t.status === 'fail')).toEqual([]);
  }, 150_000);
});
