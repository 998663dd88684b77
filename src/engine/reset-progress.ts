import { NO_TTY, UserError } from '../errors.js';
import { out } from '../ui/output.js';
import { askYesNo } from '../ui/prompts.js';
import { findLesson, loadCourse } from './course.js';
import { Progress, progressPath } from './progress.js';

/**
 * `kafka-tutor reset`: erases one lesson's progress (or all), after a confirmation
 * or `--yes`. Consumer groups already created stay on the broker; new ones are made.
 *
 * @example
 *   await resetProgress('simple', { yes: true }); // 0
 */
export async function resetProgress(lesson: string | undefined, flags: { all?: boolean; yes?: boolean; course?: string }, streams = { input: process.stdin, output: process.stdout }): Promise<number> {
  if (lesson === undefined && !flags.all) {
    throw new UserError('Say which progress to erase: one lesson, or all of them.', { fix: 'kafka-tutor reset <lesson>   or   kafka-tutor reset --all', code: 'reset-what', exitCode: 2 });
  }
  if (lesson !== undefined && flags.all) throw new UserError('Give either a lesson or --all, not both.', { fix: `kafka-tutor reset ${lesson}`, code: 'reset-what', exitCode: 2 });
  const what = lesson === undefined ? 'your progress in every lesson' : `your progress in "${findLesson(loadCourse(flags.course), lesson).title}"`;
  if (!flags.yes) {
    if (!streams.input.isTTY) throw NO_TTY(`kafka-tutor reset ${lesson ?? '--all'} --yes`);
    if (!(await askYesNo(`Erase ${what}?`, streams))) {
      out('Nothing was erased.');
      return 0;
    }
  }
  const progress = Progress.open(progressPath());
  await progress.reset(lesson);
  out(`Erased ${what}.`);
  return 0;
}
