import { Option, type Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';

/** A course folder of one's own (course authors, tests); the same option on every command that reads lessons. */
export const courseOption = () => new Option('--course <folder>', "read the lessons from this course folder (env KAFKA_TUTOR_COURSE; default: kafka-tutor's own lessons)");

/** `kafka-tutor start [lesson]`: the lesson menu, continuing where the student left off. */
export function registerStart(program: Command, result: CliResult): void {
  addClusterOptions(
    program
      .command('start')
      .description('the guided lessons: a menu with your progress; pick up where you left off')
      .argument('[lesson]', 'go straight to this lesson (see kafka-tutor lessons)')
      .addOption(courseOption()),
  )
    .addHelpText('after', '\nExamples:\n  kafka-tutor start\n  kafka-tutor start <lesson>   (ids: kafka-tutor lessons)')
    .action(
      action(result, async (lesson: string | undefined, flags: ClusterFlags & { course?: string }) => {
        const [{ openTutor }, { runTutor }] = await Promise.all([import('../engine/open-tutor.js'), import('../engine/menu.js')]);
        await runTutor(await openTutor(flags), lesson);
        return 0;
      }),
    );
}
