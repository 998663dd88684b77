/**
 * What a grader sees while `grade` runs: a progress bar on a terminal, one
 * plain line per student otherwise (a log file stays readable), then a table.
 */
import { out } from '../ui/output.js';
import { lessonIdsOf, type StudentGrade } from './results.js';

export interface GradeDisplay {
  done(grade: StudentGrade): void;
  finish(): void;
}

const line = (g: StudentGrade) => `${g.client_id.padEnd(12)} ${g.status.padEnd(5)} ${`${g.points}/${g.max_points}`.padStart(6)}  ${g.seconds.toFixed(1)} s${g.message && g.status !== 'pass' ? `  ${g.message}` : ''}`;

/**
 * @example
 *   const display = await startDisplay(30, { tty: process.stdout.isTTY === true, quiet: false });
 */
export async function startDisplay(total: number, options: { tty: boolean; quiet: boolean }): Promise<GradeDisplay> {
  let finished = 0;
  if (options.quiet) return { done: () => undefined, finish: () => undefined };
  if (!options.tty) {
    return {
      done: (g) => out(`[${++finished}/${total}] ${line(g)}`),
      finish: () => undefined,
    };
  }
  const { startProgressBar } = await import('../ui/progress.js');
  const bar = await startProgressBar(total, `Checking ${total} student${total === 1 ? '' : 's'}`);
  return {
    done: (g) => bar.advance(`${++finished}/${total} checked (last: ${g.client_id} ${g.status})`),
    finish: () => bar.stop(`Checked ${total} student${total === 1 ? '' : 's'}`),
  };
}

/**
 * The summary table: one row per student, one column per lesson (points/max).
 *
 * @example
 *   summaryTable(grades)[0] // 'client_id     status  points  credentials  simple  …'
 */
export function summaryTable(grades: StudentGrade[]): string[] {
  const lessons = lessonIdsOf(grades);
  const width = Math.max(9, ...grades.map((g) => g.client_id.length));
  const cell = (g: StudentGrade, id: string) => {
    const l = g.lessons[id];
    return (l ? `${l.points}/${l.max_points}${l.status === 'pass' ? '' : ` ${l.status}`}` : '-').padEnd(Math.max(id.length, 12));
  };
  const rows = [`${'client_id'.padEnd(width)}  ${'status'.padEnd(6)}  ${'points'.padEnd(7)}  ${lessons.map((id) => id.padEnd(Math.max(id.length, 12))).join('  ')}`];
  for (const g of grades) rows.push(`${g.client_id.padEnd(width)}  ${g.status.padEnd(6)}  ${`${g.points}/${g.max_points}`.padEnd(7)}  ${lessons.map((id) => cell(g, id)).join('  ')}`);
  return rows;
}
