import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';

/** `kafka-tutor produce <topic>`: the course's producer.py, one message per input line. */
export function registerProduce(program: Command, result: CliResult): void {
  addClusterOptions(
    program
      .command('produce')
      .description('send each line you type (or pipe in) to a topic as one message; reports the partition and offset of each')
      .argument('<topic>', 'the topic to write to: your client id, e.g. client45')
      .option('--json', 'print one JSON event per line (type "sent", then "stopped"); see README "Programs and their --json events"'),
  )
    .addHelpText('after', '\nExamples:\n  kafka-tutor produce client45\n  seq 1 100 | kafka-tutor produce client45 --json')
    .action(
      action(result, async (topic: string, flags: ClusterFlags & { json?: boolean }) => {
        const { produce } = await import('../kafka/programs/produce.js');
        return produce({ ...flags, topic, json: flags.json ?? false });
      }),
    );
}
