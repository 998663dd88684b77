/**
 * `kafka-tutor check` and `grade` (the built binary) when the cluster fails them: brokers
 * stopped in the middle of a lesson, on a private sandbox of this file's own (the shared
 * one is never stopped). They must end on their own with "could not run" (exit 2), never
 * score a student for the cluster's fault.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import type { StudentGrade } from '../../src/grade/results.js';
import { sandboxAdminConfig } from '../../src/kafka/sandbox-admin.js';
import { startPrivateSandbox, type PrivateSandbox } from '../support/private-sandbox.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
let sandbox: PrivateSandbox;

beforeAll(async () => {
  sandbox = await startPrivateSandbox(4, { students: 3 });
}, 180_000);

afterAll(async () => {
  await sandbox?.remove();
}, 60_000);

/** Resolves once a new consumer group of a check run exists on the cluster: a Kafka lesson is under way. */
async function lessonUnderway(clientId: string): Promise<void> {
  const admin = new Kafka(await sandboxAdminConfig(await sandbox.state())).admin();
  await admin.connect();
  try {
    // Groups an earlier run left behind say nothing about this one.
    const before = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    for (;;) {
      const { groups } = await admin.listGroups();
      if (groups.some((g) => g.groupId.startsWith(`${clientId}-check-`) && !before.has(g.groupId))) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await admin.disconnect();
  }
}

const cleanEnv = () => ({ ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), ...sandbox.env });

describe('kafka-tutor check when the brokers stop mid-check', () => {
  it('ends by itself with status error and exit code 2, saying the cluster went away, and scores nothing as failed', async () => {
    const state = await sandbox.state();
    const student = state.students[0]!;
    const env = cleanEnv();
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

describe('kafka-tutor grade when the brokers stop mid-grade', () => {
  it('exits 2 saying the cluster could not be reached, fails nobody, and names no temporary file', async () => {
    await sandbox.startBrokers();
    const state = await sandbox.state();
    const dir = mkdtempSync(join(tmpdir(), 'kt-grade-fault-'));
    writeFileSync(join(dir, 'roster.csv'), ['client_id,credentials', ...state.students.map((s) => `${s.clientId},${s.dir}`)].join('\n'));
    const out = join(dir, 'out');
    // One at a time: the first student is mid-lesson when the brokers stop, the others start after.
    const child = execa(process.execPath, [BIN, 'grade', 'roster.csv', '--out', out, '--concurrency', '1', '--bootstrap', state.bootstrap], { cwd: dir, env: cleanEnv(), extendEnv: false, reject: false, timeout: 120_000 });
    await lessonUnderway(state.students[0]!.clientId);
    await sandbox.stopBrokers();
    const result = await child;
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`The cluster could not be reached while checking 3 of 3 students (${state.students.map((s) => s.clientId).join(', ')}); their grades say "error", not fail.`);
    const written = readFileSync(join(out, 'grades.json'), 'utf8');
    const grades = (JSON.parse(written) as { students: StudentGrade[] }).students;
    expect(grades.map((g) => g.status)).toEqual(['error', 'error', 'error']);
    expect(grades[0]!.message).toContain(`The cluster at ${state.bootstrap} went away during the check`);
    expect(grades[1]!.message).toContain(`could not be reached (nothing accepts connections there), so nothing was checked. Fix: Check the port in --bootstrap`);
    // The temporary folder grade ran the checks in is gone: no message may send anyone there.
    expect(`${written}${readFileSync(join(out, 'grades.csv'), 'utf8')}${result.stdout}${result.stderr}`).not.toContain('kafka-tutor-grade-');
  }, 200_000);
});
