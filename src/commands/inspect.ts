import { Option, type Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';
import { parseMilliseconds } from './consume-commit.js';

interface InspectFlags extends ClusterFlags {
  group?: string;
  json?: boolean;
  watch?: boolean;
  interval: number;
}

/** `kafka-tutor inspect [topic]`: draw a topic's log, its consumer groups and their committed offsets. */
export function registerInspect(program: Command, result: CliResult): void {
  addClusterOptions(
    program
      .command('inspect')
      .description("draw a topic's log per partition, with every consumer group's committed offset, lag and state")
      .argument('[topic]', 'the topic to draw (default: your own topic, named after your client id)')
      .option('--group <id>', 'show only this consumer group')
      .option('--json', 'print the same data as JSON, for scripts and graders')
      .option('--watch', 'redraw live until Ctrl-C (e.g. beside a lesson in another terminal)')
      .addOption(new Option('--interval <ms>', 'how often --watch redraws').argParser(parseMilliseconds).default(1000)),
  )
    .addHelpText('after', '\nExamples:\n  kafka-tutor inspect\n  kafka-tutor inspect client45 --group client45-commit\n  kafka-tutor inspect --watch')
    .action(
      action(result, async (topic: string | undefined, flags: InspectFlags) => {
        const { inspect } = await import('../inspect/run.js');
        return inspect({ ...flags, topic, json: flags.json ?? false, watch: flags.watch ?? false, intervalMs: Math.max(100, flags.interval) });
      }),
    );
}
