/**
 * `kafka-tutor grade` (the built binary) on a roster of sandbox students, two
 * of them broken: each student's result stands on its own, and no password or
 * key reaches a report or the screen.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxState, sandboxStudent } from '../support/sandbox.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kt-grade-'));
const out = join(dir, 'out');
let result: Awaited<ReturnType<typeof execa>>;
let rows: Record<string, string>[];
const passwords: string[] = [];

beforeAll(async () => {
  const students = await Promise.all(['client1', 'client2', 'client3', 'client4'].map((id) => sandboxStudent(id)));
  for (const s of students) passwords.push(readFileSync(join(s.dir, 'password.txt'), 'utf8').trim());
  const broken = join(dir, 'copies', 'client4');
  mkdirSync(join(dir, 'copies'));
  cpSync(students[3]!.dir, broken, { recursive: true });
  writeFileSync(join(broken, 'password.txt'), 'wrong-password-1234\n');
  const lines = [
    'client_id,credentials,name',
    ...students.slice(0, 3).map((s, i) => `${s.clientId},${relative(dir, s.dir)},Student ${i + 1}`),
    'client4,copies/client4,"Broken, Password"',
    'client99,copies/client99,No Folder',
  ];
  writeFileSync(join(dir, 'roster.csv'), `${lines.join('\n')}\n`);
  const { bootstrap } = await sandboxState();
  result = await execa(process.execPath, [BIN, 'grade', 'roster.csv', '--out', out, '--concurrency', '3', '--bootstrap', bootstrap], { cwd: dir, reject: false, env: { KAFKA_TUTOR_PASSWORD: 'the-graders-own-password' } });
  rows = parse(readFileSync(join(out, 'grades.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
}, 180_000);

describe('kafka-tutor grade', () => {
  it('grades every student of the roster on their own: the good pass, the broken get their diagnosis', () => {
    const byId = Object.fromEntries(rows.map((r) => [r.client_id, r]));
    for (const id of ['client1', 'client2', 'client3']) {
      expect(byId[id], id).toMatchObject({ status: 'pass', credentials_status: 'pass', simple_status: 'pass', 'offset-reset_status': 'pass', 'interrupted-commit_status': 'pass' });
      expect(byId[id]!.points).toBe(byId[id]!.max_points);
    }
    expect(byId.client4).toMatchObject({ name: 'Broken, Password', status: 'fail', credentials_status: 'fail', simple_status: 'skipped' });
    expect(byId.client4!.message).toContain('does not open');
    expect(byId.client99).toMatchObject({ status: 'error', points: '0' });
    expect(byId.client99!.message).toMatch(/copies\/client99/);
    expect(result.exitCode).toBe(1);
  });

  it('writes grades.json with per-lesson status and points, and a summary on screen without a TTY', () => {
    const json = JSON.parse(readFileSync(join(out, 'grades.json'), 'utf8')) as { version: number; students: { client_id: string; lessons: Record<string, { status: string; points: number }> }[] };
    expect(json.version).toBe(1);
    expect(json.students.map((s) => s.client_id)).toEqual(['client1', 'client2', 'client3', 'client4', 'client99']);
    expect(json.students[0]!.lessons['interrupted-commit']).toEqual({ status: 'pass', points: 4, max_points: 4 });
    const stdout = String(result.stdout);
    expect(stdout).toMatch(/^\[1\/5\] client/m);
    expect(stdout).toContain('3/5 students passed');
  });

  it('puts no password and no key into any report or output', () => {
    const everything = [readFileSync(join(out, 'grades.csv'), 'utf8'), readFileSync(join(out, 'grades.json'), 'utf8'), String(result.stdout), String(result.stderr)].join('\n');
    for (const secret of [...passwords, 'wrong-password-1234', 'the-graders-own-password']) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('PRIVATE KEY');
  });

  it('refuses a roster without the needed columns, exit code 2', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'student,folder\nclient1,x\n');
    const bad = await execa(process.execPath, [BIN, 'grade', 'bad.csv'], { cwd: dir, reject: false });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('needs the columns client_id and credentials');
  });
});
