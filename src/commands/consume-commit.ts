import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';

interface ConsumeCommitFlags extends ClusterFlags {
  storeMs: number;
  commitBeforeStore?: boolean;
  from: 'earliest' | 'latest';
  json?: boolean;
  sessionTimeout?: number;
}

/**
 * Parses a whole number of milliseconds for commander.
 *
 * @example
 *   parseMilliseconds('3000') // 3000
 */
export function parseMilliseconds(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new InvalidArgumentError('Give a whole number of milliseconds, e.g. 3000.');
  return value;
}

/** `kafka-tutor consume-commit <topic> <group>`: the course's consumer_commit.py, committing each message by hand after "storing" it. */
export function registerConsumeCommit(program: Command, result: CliResult): void {
  addClusterOptions(
    program
      .command('consume-commit')
      .description('for each message: print it, "store" it for a while, then commit its offset; stop it while storing and it reads that message again')
      .argument('<topic>', 'the topic to read: your client id, e.g. client45')
      .argument('<group>', 'a consumer group id of your own: it must start with your client id, e.g. client45-commit-1')
      .addOption(new Option('--store-ms <ms>', 'how long storing one message takes').argParser(parseMilliseconds).default(3000))
      .option('--commit-before-store', 'commit each message before storing it: stop it while storing and that message is lost (at-most-once)')
      .addOption(new Option('--from <where>', 'where a group without committed offsets starts (auto.offset.reset)').choices(['earliest', 'latest']).default('earliest'))
      .option('--json', 'print one JSON event per line; see README "Programs and their --json events"')
      .addOption(new Option('--session-timeout <ms>', 'how long the broker waits for a consumer that vanished without leaving').argParser(parseMilliseconds).default(10_000)),
  )
    .addHelpText('after', '\nExample:\n  kafka-tutor consume-commit client45 client45-commit-1 --store-ms 3000\n  kafka-tutor consume-commit client45 client45-first-1 --commit-before-store')
    .action(
      action(result, async (topic: string, group: string, flags: ConsumeCommitFlags) => {
        const { consumeCommit } = await import('../kafka/programs/consume-commit.js');
        return consumeCommit({ ...flags, topic, group, json: flags.json ?? false, sessionTimeoutMs: flags.sessionTimeout });
      }),
    );
}
