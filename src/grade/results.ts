/**
 * The class report: per student and per lesson, a status and points, written
 * as grades.csv and grades.json. Built only from the checks' reports, which
 * never hold a password or key.
 */
import { loadCourse } from '../engine/course.js';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import writeFileAtomic from 'write-file-atomic';
import type { Evidence, TestResult, TestStatus } from '../check/types.js';
import type { StudentRun } from './student.js';

export const GRADES_VERSION = 1;

/** A lesson's status sums its checks' statuses, in the same words. */
export type LessonStatus = TestStatus;

export interface LessonGrade {
  status: LessonStatus;
  points: number;
  max_points: number;
}

export interface StudentGrade {
  client_id: string;
  name: string | null;
  /** pass: every check passed; fail: some did not; error: the check could not run for this student. */
  status: 'pass' | 'fail' | 'error';
  exit_code: number;
  points: number;
  max_points: number;
  seconds: number;
  lessons: Partial<Record<string, LessonGrade>>;
  /** The first problem, in the check's words (with its fix), when not passed. */
  message: string | null;
  tests: TestResult[];
  /** What the check read from the cluster (groups, progress), for the HTML report. */
  evidence: Evidence | null;
}

function lessonGrade(tests: TestResult[]): LessonGrade {
  const points = tests.reduce((s, t) => s + t.points, 0);
  const max_points = tests.reduce((s, t) => s + t.max_points, 0);
  const statuses = new Set(tests.map((t) => t.status));
  const status: LessonStatus = statuses.has('error') ? 'error' : statuses.has('fail') ? 'fail' : statuses.size === 1 && statuses.has('skipped') ? 'skipped' : statuses.has('skipped') ? 'fail' : 'pass';
  return { status, points, max_points };
}

/**
 * One student's grade from their check run.
 *
 * @example
 *   gradeOf(run).lessons.simple // { status: 'pass', points: 3, max_points: 3 }
 */
export function gradeOf(run: StudentRun): StudentGrade {
  const report = run.report;
  const tests = report?.tests ?? [];
  const lessons: Partial<Record<string, LessonGrade>> = {};
  for (const id of new Set(tests.map((t) => t.lesson))) lessons[id] = lessonGrade(tests.filter((t) => t.lesson === id));
  const firstProblem = tests.find((t) => t.status === 'fail' || t.status === 'error');
  const message = report?.error
    ? `${report.error.message}${report.error.fix ? ` Fix: ${report.error.fix}` : ''}`
    : firstProblem
      ? `${firstProblem.name}: ${firstProblem.message}${firstProblem.fix ? ` Fix: ${firstProblem.fix}` : ''}`
      : (run.problem ?? null);
  return {
    client_id: run.student.clientId,
    name: run.student.name ?? null,
    status: report ? report.status : 'error',
    exit_code: run.exitCode,
    points: report?.points ?? 0,
    max_points: report?.max_points ?? 0,
    seconds: run.seconds,
    lessons,
    message,
    tests,
    evidence: report?.evidence ?? null,
  };
}

/**
 * The lesson ids of a class's grades, in the order the reports list them.
 *
 * @example
 *   lessonIdsOf(grades) // ['credentials', 'simple', 'offset-reset', 'interrupted-commit']
 */
export function lessonIdsOf(grades: StudentGrade[]): string[] {
  return [...new Set(grades.flatMap((g) => Object.keys(g.lessons)))];
}

/** The packaged course's lesson ids (a grade of another course names its own). */
const courseLessonIds = () => loadCourse().lessons.map((l) => l.id);

/** grades.csv: one line per student, a status and points column per lesson of the course. */
export function gradesCsv(grades: StudentGrade[], lessonIds = courseLessonIds()): string {
  const header = ['client_id', 'name', 'status', 'points', 'max_points', ...lessonIds.flatMap((id) => [`${id}_status`, `${id}_points`]), 'seconds', 'message'];
  const rows = grades.map((g) => [
    g.client_id, g.name ?? '', g.status, g.points, g.max_points,
    ...lessonIds.flatMap((id) => [g.lessons[id]?.status ?? '', g.lessons[id]?.points ?? '']),
    g.seconds, g.message ?? '',
  ]);
  return stringify([header, ...rows]);
}

/**
 * Writes grades.csv and grades.json into `dir` (atomically: a grader never reads half a file).
 *
 * @example
 *   const files = await writeGrades('.', grades, { bootstrap: ['127.0.0.1:19093'], roster: 'roster.csv' });
 */
export async function writeGrades(dir: string, grades: StudentGrade[], meta: { bootstrap: string[]; roster: string; seconds: number; lessons?: string[] }): Promise<{ csv: string; json: string }> {
  const lessons = meta.lessons ?? courseLessonIds();
  const csv = join(dir, 'grades.csv');
  const json = join(dir, 'grades.json');
  const body = { version: GRADES_VERSION, generated_at: new Date().toISOString(), roster: meta.roster, bootstrap: meta.bootstrap, seconds: meta.seconds, lessons, students: grades };
  await writeFileAtomic(csv, gradesCsv(grades, lessons));
  await writeFileAtomic(json, `${JSON.stringify(body, null, 2)}\n`);
  return { csv, json };
}
