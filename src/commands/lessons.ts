import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action } from './shared.js';
import { courseOption } from './start.js';

/** `kafka-tutor lessons`: each lesson and the student's status; works without a terminal. */
export function registerLessons(program: Command, result: CliResult): void {
  program
    .command('lessons')
    .description('list the lessons and your progress in each (no terminal needed)')
    .option('--json', 'print the list as JSON')
    .addOption(courseOption())
    .addHelpText('after', '\nExample:\n  kafka-tutor lessons --json')
    .action(
      action(result, async (flags: { json?: boolean; course?: string }) => {
        const { printLessons } = await import('../engine/print-lessons.js');
        return printLessons(flags);
      }),
    );
}
