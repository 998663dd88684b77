/**
 * `kafka-tutor grade <roster>`: `check` for every student of a class, a few at
 * a time, each in its own process; then grades.csv, grades.json and a table.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { loadCheckCourse, selectLessons } from '../check/run.js';
import { courseDir } from '../engine/course.js';
import { resolveProfile, sandboxDefaults } from '../profile/index.js';
import type { ProfileFlags } from '../profile/types.js';
import { out } from '../ui/output.js';
import { startDisplay, summaryTable } from './display.js';
import { writeHtmlReport } from './html-report.js';
import { gradeOf, writeGrades, type StudentGrade } from './results.js';
import { readRoster } from './roster.js';
import { checkStudent } from './student.js';

export interface GradeOptions {
  outDir: string;
  concurrency?: number | undefined;
  timeoutSeconds: number;
  lessons: string[];
  /** The course folder (default: KAFKA_TUTOR_COURSE, then kafka-tutor's own lessons/). */
  course?: string | undefined;
  quiet: boolean;
  json: boolean;
  /** Also write the class as one HTML page here. */
  html?: string | undefined;
}

/** Checks wait on the broker more than on the CPU, so a few more than the cores keep both busy. */
export function defaultConcurrency(): number {
  return Math.max(2, availableParallelism() * 2);
}

/** The cluster's address for every child, as a properties file: no password is ever in it. */
async function writeClusterFile(flags: ProfileFlags): Promise<{ dir: string; brokers: string[] }> {
  const profile = await resolveProfile({ bootstrap: flags.bootstrap, config: flags.config }, { sandbox: await sandboxDefaults() });
  const dir = await mkdtemp(join(tmpdir(), 'kafka-tutor-grade-'));
  const lines = [
    '# Written by kafka-tutor grade for the checks it runs; removed when it ends.',
    `bootstrap.servers=${profile.brokers.join(',')}`,
    `security.protocol=${profile.securityProtocol}`,
    `ssl.endpoint.identification.algorithm=${profile.verifyHostname ? 'https' : 'none'}`,
  ];
  await writeFile(join(dir, 'kafka-tutor.properties'), `${lines.join('\n')}\n`, { mode: 0o600 });
  return { dir, brokers: profile.brokers };
}

/**
 * Grades a class and returns the exit code: 0 when every student passed,
 * 1 when some did not, 2 when grading could not start (bad roster or cluster).
 *
 * @example
 *   const code = await gradeCommand('roster.csv', {}, { outDir: '.', timeoutSeconds: 30, lessons: [], quiet: false, json: false });
 */
export async function gradeCommand(roster: string, flags: ProfileFlags, options: GradeOptions): Promise<number> {
  const course = courseDir(options.course);
  const lessons = loadCheckCourse(course);
  const lessonIds = lessons.lessons.map((l) => l.id);
  selectLessons(lessons, options.lessons);
  const students = await readRoster(roster);
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const cluster = await writeClusterFile(flags);
  const started = Date.now();
  const limit = pLimit(options.concurrency ?? defaultConcurrency());
  const display = await startDisplay(students.length, { tty: process.stdout.isTTY === true && !options.json, quiet: options.quiet || options.json });
  let grades: StudentGrade[];
  try {
    grades = await Promise.all(
      students.map((student) =>
        limit(async () => {
          const grade = gradeOf(await checkStudent(student, { workDir: cluster.dir, timeoutSeconds: options.timeoutSeconds, lessons: options.lessons, course }));
          display.done(grade);
          return grade;
        }),
      ),
    );
  } finally {
    display.finish();
    await rm(cluster.dir, { recursive: true, force: true });
  }
  const seconds = Math.round(Date.now() - started) / 1000;
  const written = await writeGrades(outDir, grades, { bootstrap: cluster.brokers, roster: resolve(roster), seconds, lessons: lessonIds });
  const files = options.html ? { ...written, html: await writeHtmlReport(resolve(options.html), grades, { generatedAt: new Date().toISOString(), bootstrap: cluster.brokers, roster, lessons: lessons.lessons.map(({ id, title }) => ({ id, title })) }) } : written;
  if (options.json) out(JSON.stringify({ files, seconds, students: grades.map(({ tests: _tests, evidence: _evidence, ...rest }) => rest) }, null, 2));
  else {
    if (!options.quiet) for (const row of summaryTable(grades)) out(row);
    const passed = grades.filter((g) => g.status === 'pass').length;
    out(`${passed}/${grades.length} students passed in ${seconds.toFixed(1)} s (${(seconds / grades.length).toFixed(2)} s per student). Wrote ${files.csv}${options.html ? `, ${files.json} and ${resolve(options.html)}` : ` and ${files.json}`}.`);
  }
  return grades.every((g) => g.status === 'pass') ? 0 : 1;
}
