import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';
import { courseOption } from './start.js';

/** `kafka-tutor resume`: straight back into the lesson in progress. */
export function registerResume(program: Command, result: CliResult): void {
  addClusterOptions(program.command('resume').description('jump straight back into the lesson you were doing').addOption(courseOption()))
    .addHelpText('after', '\nExample:\n  kafka-tutor resume')
    .action(
      action(result, async (flags: ClusterFlags & { course?: string }) => {
        const [{ openTutor }, { resumeTutor }] = await Promise.all([import('../engine/open-tutor.js'), import('../engine/menu.js')]);
        await resumeTutor(await openTutor(flags));
        return 0;
      }),
    );
}
