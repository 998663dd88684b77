/**
 * grade's worker processes check several students at once in one process
 * (src/grade/workers.ts): each in a context of its own. A student whose
 * folder holds another's keystore with a wrong password fails alone, even
 * while that other student passes in the same process at the same time and
 * the grader's own KAFKA_TUTOR_PASSWORD would open the keystore.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseDir } from '../../src/engine/course.js';
import type { StudentRun } from '../../src/grade/student.js';
import { startWorkers } from '../../src/grade/workers.js';
import { sandboxState, sandboxStudent } from '../support/sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'kt-grade-workers-'));
let runs: Record<string, StudentRun>;
const graderPassword = process.env.KAFKA_TUTOR_PASSWORD;

beforeAll(async () => {
  const [one, two] = await Promise.all([sandboxStudent('client1'), sandboxStudent('client2')]);
  // client1's own keystore, beside a wrong password.txt: only the right password may open it.
  const impostor = join(dir, 'impostor');
  cpSync(one.dir, impostor, { recursive: true });
  writeFileSync(join(impostor, 'password.txt'), 'not-client1s-password\n');
  // The grader's environment holds client1's real password: it must reach no check.
  process.env.KAFKA_TUTOR_PASSWORD = readFileSync(join(one.dir, 'password.txt'), 'utf8').trim();
  const { bootstrap } = await sandboxState();
  // One worker process, all three students at once in it.
  const pool = startWorkers({ workers: 1, perWorker: 3, workDir: dir, brokers: bootstrap.split(','), timeoutSeconds: 60, lessons: ['credentials', 'simple'], course: courseDir() });
  try {
    const students = [{ clientId: 'client1', credentials: one.dir }, { clientId: 'client1', credentials: impostor }, { clientId: 'client2', credentials: two.dir }];
    const done = await Promise.all(students.map((s) => pool.check(s)));
    runs = { client1: done[0]!, impostor: done[1]!, client2: done[2]! };
  } finally {
    await pool.close();
  }
}, 180_000);

afterAll(() => {
  if (graderPassword === undefined) delete process.env.KAFKA_TUTOR_PASSWORD;
  else process.env.KAFKA_TUTOR_PASSWORD = graderPassword;
});

describe('grade workers: several students in one process', () => {
  it('passes the students whose credentials work, each under their own client id', () => {
    for (const id of ['client1', 'client2'] as const) {
      const report = runs[id]!.report!;
      expect(report.status, JSON.stringify(report.tests.filter((t) => t.status !== 'pass'))).toBe('pass');
      expect(report.client_id).toBe(id);
      expect(report.points).toBe(report.max_points);
      expect(runs[id]!.exitCode).toBe(0);
    }
  });

  it('fails the student with the wrong password alone: the keystore does not open, the Kafka lessons are skipped', () => {
    const report = runs.impostor!.report!;
    expect(report.status).toBe('fail');
    expect(runs.impostor!.exitCode).toBe(1);
    expect(report.tests.find((t) => t.check === 'keystore')).toMatchObject({ status: 'fail' });
    expect(report.tests.find((t) => t.check === 'keystore')!.message).toContain('does not open');
    expect(report.tests.filter((t) => t.lesson === 'simple').map((t) => t.status)).toEqual(['skipped', 'skipped']);
    expect(JSON.stringify(report)).not.toContain(process.env.KAFKA_TUTOR_PASSWORD);
  });
});
