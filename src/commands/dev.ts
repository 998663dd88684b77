import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action } from './shared.js';
import { courseOption } from './start.js';

/** `kafka-tutor dev check`: the course self-check, for course authors and CI. */
export function registerDev(program: Command, result: CliResult): void {
  const dev = program.command('dev').description('tools for course authors');
  dev
    .command('check')
    .description('prove every lesson is well formed: ids, hints, prose files, step kinds and verifications')
    .addOption(courseOption())
    .addHelpText('after', '\nExample:\n  kafka-tutor dev check --course ./lessons')
    .action(
      action(result, async (flags: { course?: string }) => {
        const { runCourseCheck } = await import('../engine/run-course-check.js');
        return runCourseCheck(flags.course);
      }),
    );
}
