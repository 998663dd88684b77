import { symbols, out } from '../ui/output.js';
import { checkCourse } from './check-course.js';
import { courseDir } from './course.js';

/**
 * `kafka-tutor dev check`: prints each problem with its fix; exit 1 when there is one.
 *
 * @example
 *   await runCourseCheck('test/fixtures/course/broken') // 1, after listing the problems
 */
export async function runCourseCheck(folder?: string): Promise<number> {
  const dir = courseDir(folder);
  const problems = checkCourse(dir);
  if (problems.length === 0) {
    out(`${symbols.pass} The course in ${dir} is well formed.`);
    return 0;
  }
  for (const p of problems) out(`${symbols.fail} ${p.where} ${p.problem}.\n    Fix: ${p.fix}`);
  out(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}.`);
  return 1;
}
