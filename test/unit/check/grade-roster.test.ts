import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { gradeOf, gradesCsv } from '../../../src/grade/results.js';
import { readRoster } from '../../../src/grade/roster.js';
import { childEnv } from '../../../src/grade/student.js';
import { sampleReport, test } from './fixtures.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kt-roster-'));
}

describe('readRoster', () => {
  it('reads a CSV roster, with credentials relative to the roster file and an optional name', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'roster.csv'), '\uFEFFclient_id,credentials,name\nclient1,students/client1,"Lovelace, Ada"\nclient2,/abs/client2,\n');
    expect(await readRoster(join(dir, 'roster.csv'))).toEqual([
      { clientId: 'client1', credentials: join(dir, 'students/client1'), name: 'Lovelace, Ada' },
      { clientId: 'client2', credentials: '/abs/client2' },
    ]);
  });

  it('reads a folder of credentials folders, ignoring folders without a keystore', async () => {
    const dir = await tempDir();
    for (const name of ['client10', 'client9', 'notes']) await mkdir(join(dir, name));
    await writeFile(join(dir, 'client9', 'kafka.keystore.pkcs12'), 'x');
    await writeFile(join(dir, 'client10', 'kafka.keystore.pkcs12'), 'x');
    expect((await readRoster(dir)).map((s) => s.clientId)).toEqual(['client9', 'client10']);
  });

  it('refuses a roster without the header, or with a client twice, with one sentence and exit code 2', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.csv'), 'id,folder\nclient1,x\n');
    await expect(readRoster(join(dir, 'a.csv'))).rejects.toMatchObject({ code: 'roster-header', exitCode: 2 });
    await writeFile(join(dir, 'b.csv'), 'client_id,credentials\nclient1,x\nclient1,y\n');
    const error = await readRoster(join(dir, 'b.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(`The client id client1 appears twice in ${join(dir, 'b.csv')} (again on line 3).`);
    await expect(readRoster(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'roster-missing' });
  });
});

describe('grades', () => {
  it('gives per-lesson status and points in grades.csv', () => {
    const report = sampleReport([test('credentials', 'files', 'pass'), test('simple', 'subscribe', 'pass'), test('simple', 'delivered', 'fail', { message: 'lost', fix: 'kafka-tutor doctor' })]);
    const grade = gradeOf({ student: { clientId: 'client1', credentials: '/x', name: 'Ada' }, report, exitCode: 1, seconds: 3 });
    expect(grade.lessons).toEqual({ credentials: { status: 'pass', points: 1, max_points: 1 }, simple: { status: 'fail', points: 1, max_points: 2 } });
    const rows = parse(gradesCsv([grade]), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ client_id: 'client1', name: 'Ada', status: 'fail', points: '2', max_points: '3', credentials_status: 'pass', simple_status: 'fail', simple_points: '1', 'offset-reset_status': '' });
    expect(rows[0]!.message).toBe('simple: checks delivered: lost Fix: kafka-tutor doctor');
  });

  it('records a student whose check crashed as an error with the reason', () => {
    const grade = gradeOf({ student: { clientId: 'client7', credentials: '/x' }, report: null, exitCode: 70, problem: 'The check did not finish within 150 s and was stopped.', seconds: 150 });
    expect(grade).toMatchObject({ status: 'error', points: 0, message: 'The check did not finish within 150 s and was stopped.' });
  });

  it("never hands a student's check the grader's kafka-tutor settings (a password among them)", () => {
    const env = childEnv({ PATH: '/bin', KAFKA_TUTOR_PASSWORD: 'secret', KAFKA_TUTOR_AUTH: '/grader/auth', KAFKA_TUTOR_HOME: '/grader', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(env).toEqual({ PATH: '/bin', KAFKAJS_NO_PARTITIONER_WARNING: '1', KAFKA_TUTOR_PARENT_PID: String(process.pid) });
  });
});
