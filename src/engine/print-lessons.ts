import { err, out } from '../ui/output.js';
import { loadCourse } from './course.js';
import { formatLessonRow, listLessons, nextLesson } from './list.js';
import { Progress, progressPath } from './progress.js';

/**
 * `kafka-tutor lessons`: one line per lesson with its status, or JSON.
 *
 * @example
 *   await printLessons({ json: true }); // {"version":1,"lessons":[{"id":"credentials","status":"done",…}]}
 */
export async function printLessons(flags: { json?: boolean; course?: string }): Promise<number> {
  const course = loadCourse(flags.course);
  const progress = Progress.open(progressPath());
  if (progress.notice) err(progress.notice);
  const rows = listLessons(course, progress);
  if (flags.json) {
    out(JSON.stringify({ version: 1, lessons: rows, next: nextLesson(course, progress) ?? null }, null, 2));
    return 0;
  }
  out(course.manifest.title);
  rows.forEach((row) => out(formatLessonRow(row)));
  const next = nextLesson(course, progress);
  out(next ? `\nNext: kafka-tutor start ${next}` : '\nEvery lesson is done.');
  return 0;
}
