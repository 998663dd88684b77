import { Option, type Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';
import { parseMilliseconds } from './consume-commit.js';

interface ConsumeFlags extends ClusterFlags {
  group: string;
  from: 'earliest' | 'latest';
  json?: boolean;
  sessionTimeout?: number;
  all?: boolean;
}

/** `kafka-tutor consume <topic>`: the course's simple consumer.py (group simple_consumer, latest, automatic commits). */
export function registerConsume(program: Command, result: CliResult): void {
  addClusterOptions(
    program
      .command('consume')
      .description('print each message of a topic as it arrives, and the partitions your group assigns you')
      .argument('<topic>', 'the topic to read: your client id, e.g. client45')
      .option('--group <id>', 'consumer group id (yours start with your client id)', 'simple_consumer')
      .addOption(new Option('--from <where>', 'where a group without committed offsets starts (auto.offset.reset)').choices(['earliest', 'latest']).default('latest'))
      .option('--all', 'print every old message; without it, a long backlog found at assignment shows its first and last 3 messages and a count')
      .option('--json', 'print one JSON event per line; see README "Programs and their --json events"')
      .addOption(new Option('--session-timeout <ms>', 'how long the broker waits for a consumer that vanished without leaving').argParser(parseMilliseconds).default(10_000)),
  )
    .addHelpText('after', '\nExamples:\n  kafka-tutor consume client45\n  kafka-tutor consume client45 --group client45-early --from earliest\n  kafka-tutor consume client45 --group client45-everything --from earliest --all')
    .action(
      action(result, async (topic: string, flags: ConsumeFlags) => {
        const { consume } = await import('../kafka/programs/consume.js');
        return consume({ ...flags, topic, json: flags.json ?? false, sessionTimeoutMs: flags.sessionTimeout });
      }),
    );
}
