/**
 * `kafka-tutor check` as the command runs it: parse the options the handler
 * passed, run, print the table or JSON, write JUnit, return the exit code.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { err, out } from '../ui/output.js';
import type { ProfileFlags } from '../profile/types.js';
import { formatReport } from './format.js';
import { toJunit } from './junit.js';
import { loadCheckCourse, runCheck } from './run.js';
import { exitCodeOf } from './types.js';

export interface CheckCommandOptions {
  lessons: string[];
  json: boolean;
  junit?: string | undefined;
  timeoutSeconds: number;
  quiet: boolean;
  course?: string | undefined;
}

/**
 * @example
 *   const code = await checkCommand({ auth: './auth' }, { lessons: [], json: true, timeoutSeconds: 30, quiet: false });
 */
export async function checkCommand(flags: ProfileFlags, options: CheckCommandOptions): Promise<number> {
  const live = !options.json && !options.quiet && process.stderr.isTTY;
  const report = await runCheck(flags, {
    lessons: options.lessons,
    timeoutMs: options.timeoutSeconds * 1000,
    course: options.course,
    ...(live ? { onLesson: (title: string) => err(`… ${title}`) } : {}),
  });
  // The report first: a JUnit file that cannot be written must not cost the run's result.
  if (options.json) out(JSON.stringify(report, null, 2));
  else {
    const titles = Object.fromEntries(loadCheckCourse(options.course).lessons.map((l) => [l.id, l.title]));
    for (const line of formatReport(report, { quiet: options.quiet, titles })) out(line);
  }
  if (options.junit) {
    const path = resolve(options.junit);
    try {
      await writeFile(path, toJunit(report));
    } catch (error) {
      throw new UserError(`The JUnit report cannot be written to ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); the check's report was printed all the same.`, { fix: 'Give --junit a file in a folder that exists and you may write to.', code: 'junit-unwritable', exitCode: 2 });
    }
  }
  return exitCodeOf(report);
}
