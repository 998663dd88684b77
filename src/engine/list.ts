import { symbols } from '../ui/output.js';
import type { Progress, LessonStatus } from './progress.js';
import type { Course } from './types.js';

export interface LessonRow {
  number: number;
  id: string;
  title: string;
  summary: string;
  status: LessonStatus;
  /** Steps done, of all steps. */
  stepsDone: number;
  steps: number;
}

/**
 * Each lesson of the course with the student's status in it.
 *
 * @example
 *   listLessons(course, progress)[0] // { number: 1, id: 'credentials', status: 'done', … }
 */
export function listLessons(course: Course, progress: Progress): LessonRow[] {
  return course.lessons.map((lesson, i) => {
    const record = progress.lesson(lesson.id);
    const stepsDone = lesson.steps.filter((s) => record.steps[s.id]?.status === 'done').length;
    return { number: i + 1, id: lesson.id, title: lesson.title, summary: lesson.summary, status: record.status, stepsDone, steps: lesson.steps.length };
  });
}

const MARK: Record<LessonStatus, string> = { done: symbols.pass, 'in-progress': symbols.warn, 'not-started': symbols.skip };
const WORDS: Record<LessonStatus, string> = { done: 'done', 'in-progress': 'in progress', 'not-started': 'not started' };

/**
 * One line per lesson, readable in a log file (the status is a word, not only a colour).
 *
 * @example
 *   formatLessonRow(row) // '✔ 2. simple — Simple producer and consumer (done)'
 */
export function formatLessonRow(row: LessonRow): string {
  const detail = row.status === 'in-progress' ? `in progress, ${row.stepsDone}/${row.steps} steps` : WORDS[row.status];
  return `${MARK[row.status]} ${row.number}. ${row.id} — ${row.title} (${detail})`;
}

/**
 * The lesson to go on with: the one in progress last, else the first not done.
 *
 * @example
 *   nextLesson(course, progress) // 'offset-reset'
 */
export function nextLesson(course: Course, progress: Progress): string | undefined {
  const current = progress.data.current;
  if (current && progress.status(current) === 'in-progress' && course.lessons.some((l) => l.id === current)) return current;
  return course.lessons.find((l) => progress.status(l.id) !== 'done')?.id;
}
