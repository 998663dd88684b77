import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action } from './shared.js';
import { courseOption } from './start.js';

/** `kafka-tutor reset [lesson] [--all]`: erases progress, after asking. */
export function registerReset(program: Command, result: CliResult): void {
  program
    .command('reset')
    .description('erase your progress in one lesson, or in all of them (asks first)')
    .argument('[lesson]', 'the lesson to take again (see kafka-tutor lessons)')
    .option('--all', 'erase the progress of every lesson')
    .option('-y, --yes', 'do not ask (needed without a terminal)')
    .addOption(courseOption())
    .addHelpText('after', '\nExamples:\n  kafka-tutor reset <lesson>   (ids: kafka-tutor lessons)\n  kafka-tutor reset --all --yes')
    .action(
      action(result, async (lesson: string | undefined, flags: { all?: boolean; yes?: boolean; course?: string }) => {
        const { resetProgress } = await import('../engine/reset-progress.js');
        return resetProgress(lesson, flags);
      }),
    );
}
