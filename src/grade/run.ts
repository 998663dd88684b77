/**
 * `kafka-tutor grade <roster>`: `check` for every student of a class, several
 * at a time in a few worker processes (each student in a context of its own);
 * then grades.csv, grades.json and a table.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCheckCourse, selectLessons } from '../check/run.js';
import { courseDir } from '../engine/course.js';
import { clusterError, unreachable } from '../kafka/reach.js';
import { bootstrapSourceWords } from '../profile/brokers.js';
import { resolveProfile, sandboxDefaults } from '../profile/index.js';
import type { ProfileFlags } from '../profile/types.js';
import { err, out } from '../ui/output.js';
import { startDisplay, summaryTable } from './display.js';
import { writeHtmlReport } from './html-report.js';
import { gradeOf, writeGrades, type StudentGrade } from './results.js';
import { readRoster } from './roster.js';
import { startWorkers } from './workers.js';

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

/** A broker that takes no TCP connection within this is taken as down. */
const REACH_TIMEOUT_MS = 5000;

/** Checks wait on the broker more than on the CPU, so several per core keep both busy (on 2 cores, 100 students: 54 s at 4 per core, 41 s at 8, 39 s at 16 with slower single students). */
export function defaultConcurrency(): number {
  return Math.max(2, availableParallelism() * 8);
}

/** One worker process per core at most, each checking its share of the students at once. */
export function workerShape(concurrency: number): { workers: number; perWorker: number } {
  const workers = Math.max(1, Math.min(availableParallelism(), concurrency));
  return { workers, perWorker: Math.ceil(concurrency / workers) };
}

/**
 * The cluster's settings for every child, as a properties file (no password is ever in it).
 * The brokers go to each child as --bootstrap, so that no message names this file, which is gone by then.
 */
async function writeClusterFile(flags: ProfileFlags): Promise<{ dir: string; brokers: string[] }> {
  const profile = await resolveProfile({ bootstrap: flags.bootstrap, config: flags.config }, { sandbox: await sandboxDefaults() });
  // A cluster that is down would fail every student: say so once, and grade nobody.
  const down = await unreachable(profile.brokers, REACH_TIMEOUT_MS);
  if (down) throw clusterError(down, { brokers: profile.brokers, source: bootstrapSourceWords(profile.sources.brokers, profile.configFile), lost: false });
  const dir = await mkdtemp(join(tmpdir(), 'kafka-tutor-grade-'));
  const lines = [
    '# Written by kafka-tutor grade for the checks it runs; removed when it ends.',
    `security.protocol=${profile.securityProtocol}`,
    `ssl.endpoint.identification.algorithm=${profile.verifyHostname ? 'https' : 'none'}`,
  ];
  await writeFile(join(dir, 'kafka-tutor.properties'), `${lines.join('\n')}\n`, { mode: 0o600 });
  return { dir, brokers: profile.brokers };
}

/**
 * Grades a class and returns the exit code: 0 when every student passed,
 * 1 when some did not, 2 when grading could not start or finish (bad roster, a cluster that is down or went away).
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
  const pool = startWorkers({ ...workerShape(options.concurrency ?? defaultConcurrency()), workDir: cluster.dir, brokers: cluster.brokers, timeoutSeconds: options.timeoutSeconds, lessons: options.lessons, course });
  const display = await startDisplay(students.length, { tty: process.stdout.isTTY === true && !options.json, quiet: options.quiet || options.json });
  let grades: StudentGrade[];
  // Students whose check could not finish because the cluster went away: their grades mean nothing yet.
  const lost: string[] = [];
  try {
    grades = await Promise.all(
      students.map(async (student) => {
        const run = await pool.check(student);
        if (run.report?.error?.code === 'cluster-lost' || run.report?.error?.code === 'cluster-unreachable') lost.push(student.clientId);
        const grade = gradeOf(run);
        display.done(grade);
        return grade;
      }),
    );
  } finally {
    await pool.close();
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
  if (lost.length > 0) {
    err(`The cluster could not be reached while checking ${lost.length} of ${grades.length} students (${lost.join(', ')}); their grades say "error", not fail. Grade them again once the cluster is back.`);
    return 2;
  }
  return grades.every((g) => g.status === 'pass') ? 0 : 1;
}
