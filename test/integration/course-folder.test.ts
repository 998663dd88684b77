/**
 * A course folder is an input: a course author copies lessons/simple under a
 * new id and title, adds it to the manifest, and (with no TypeScript) the new
 * lesson is listed, passes the self-check, plays in the tutor and is graded
 * by `check` with its points, against the real sandbox broker.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import { loadCourse } from '../../src/engine/course.js';
import { playLesson } from '../../src/engine/menu.js';
import { KEYS } from '../support/terminal-script.js';
import { sandboxState, sandboxStudent } from '../support/sandbox.js';
import { lessonSetup } from './lessons-helpers.js';

const BIN = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../lessons', import.meta.url));

/** The shipped course, plus lessons/simple copied as "echo" with a title of its own. */
function writeCourse(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kt-course-')), 'course');
  cpSync(SHIPPED, dir, { recursive: true });
  cpSync(join(SHIPPED, 'simple'), join(dir, 'echo'), { recursive: true });
  const lesson = JSON.parse(readFileSync(join(dir, 'echo', 'lesson.json'), 'utf8')) as { id: string; title: string };
  writeFileSync(join(dir, 'echo', 'lesson.json'), JSON.stringify({ ...lesson, id: 'echo', title: 'Echo: your own copy of the simple lesson' }, null, 2));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { lessons: string[] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, lessons: [...manifest.lessons, 'echo'] }, null, 2));
  return dir;
}

const course = writeCourse();
const cwd = mkdtempSync(join(tmpdir(), 'kt-course-run-'));
// A clean environment: no kafka-tutor setting of whoever runs the tests, and a progress file of its own.
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), KAFKA_TUTOR_HOME: cwd };
const run = (args: string[]) => execa(process.execPath, [BIN, ...args], { cwd, env, extendEnv: false, reject: false });

describe('a course folder of ones own', () => {
  it('lists the copied lesson with its new title', async () => {
    const { stdout, exitCode } = await run(['lessons', '--course', course, '--json']);
    expect(exitCode).toBe(0);
    const lessons = (JSON.parse(stdout) as { lessons: { id: string; title: string }[] }).lessons;
    expect(lessons.at(-1)).toMatchObject({ id: 'echo', title: 'Echo: your own copy of the simple lesson' });
  });

  it('passes dev check, and KAFKA_TUTOR_COURSE names it as well as --course', async () => {
    const flag = await run(['dev', 'check', '--course', course]);
    expect(flag.exitCode).toBe(0);
    expect(flag.stdout).toContain(`The course in ${course} is well formed.`);
    const viaEnv = await execa(process.execPath, [BIN, 'dev', 'check'], { cwd, env: { ...env, KAFKA_TUTOR_COURSE: course }, extendEnv: false, reject: false });
    expect(viaEnv.stdout).toContain(`The course in ${course} is well formed.`);
  });

  it('plays in the tutor: the consumer prints what the student types', async () => {
    const { options, script, topic } = await lessonSetup();
    const words = [`echo-${randomUUID().slice(0, 6)}`, `echo-${randomUUID().slice(0, 6)}`];
    const lesson = playLesson('echo', { ...options, course: loadCourse(course) }, false);
    await script.waitFor('Echo: your own copy of the simple lesson');
    await script.waitFor('Predict: When you type a message');
    script.press(KEYS.enter);
    await script.waitFor(`[consumer] Assigned partitions: ${topic}[0]`);
    await script.waitFor(`Type a message for ${topic}`);
    script.type(words[0]!);
    await script.waitFor(`[consumer] ${words[0]}`);
    await script.waitFor('Type a message');
    script.type(words[1]!);
    await script.waitFor('on an empty line to finish');
    script.press(KEYS.enter);
    await expect(lesson).resolves.toBe('done');
    expect(JSON.parse(readFileSync(options.progress.path, 'utf8')).lessons.echo.status).toBe('done');
  });

  it('is graded by check with the points its lesson.json gives', async () => {
    const { bootstrap } = await sandboxState();
    const result = await run(['check', '--json', '--course', course, '--lesson', 'echo', '--bootstrap', bootstrap, '--auth', (await sandboxStudent('client3')).dir]);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.tests.map((t) => [t.lesson, t.check, t.status, t.points])).toEqual([
      ['echo', 'subscribe', 'pass', 1],
      ['echo', 'delivered', 'pass', 2],
    ]);
    expect(report).toMatchObject({ status: 'pass', points: 3, max_points: 3 });
    expect(result.exitCode).toBe(0);
  }, 60_000);

  it('refuses a course folder without a manifest in one sentence naming the file', async () => {
    const { stderr, exitCode } = await run(['lessons', '--course', cwd]);
    expect(exitCode).not.toBe(0);
    expect(stderr).toContain(`There is no course in ${cwd}: ${join(cwd, 'manifest.json')} cannot be read.`);
    expect(stderr).toContain('Give --course (or KAFKA_TUTOR_COURSE) the folder that holds manifest.json');
  });
});
