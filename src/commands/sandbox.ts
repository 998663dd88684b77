import { InvalidArgumentError, type Command } from 'commander';
import type { CliResult } from '../cli.js';
import { DEFAULT_KAFKA_VERSION, KAFKA_3_VERSION, KAFKA_VERSION_ENV } from '../sandbox/version.js';
import { action } from './shared.js';

function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`expected a whole number from 1 to ${max}.`);
    return n;
  };
}

function brokerCount(value: string): number {
  if (value !== '1' && value !== '3') throw new InvalidArgumentError('the sandbox runs 1 or 3 brokers.');
  return Number(value);
}

/** `kafka-tutor sandbox start | stop | status | logs | reset`: a local Kafka with the course's security. */
export function registerSandbox(program: Command, result: CliResult): void {
  const sandbox = program
    .command('sandbox')
    .description('run a local Apache Kafka with the course\'s security (SSL client certificates, per-student ACLs)')
    .addHelpText('after', '\nExamples:\n  kafka-tutor sandbox start --students 4\n  kafka-tutor sandbox status --json\n  kafka-tutor sandbox stop');

  sandbox
    .command('start')
    .description('start the sandbox (downloads Kafka with Maven on the first start) and wait until a student can produce and consume')
    .option('--brokers <n>', 'number of brokers: 1, or 3 like the course cluster (ports 19093, 29093, 39093)', brokerCount)
    .option('--students <n>', 'number of students client1…clientN, each with a topic and a credentials folder (default 1)', positiveInt(500))
    .option('--partitions <n>', 'partitions of each student\'s topic (default 1); existing topics grow to it, Kafka never takes partitions away', positiveInt(100))
    .option(
      '--kafka-version <v>',
      `Apache Kafka release to run, 4.x or 3.9.x (else $${KAFKA_VERSION_ENV}, else what the sandbox last ran, else ${DEFAULT_KAFKA_VERSION}); going back a release line needs sandbox reset`,
    )
    .option('--broker <n>', 'start only this broker (1-3) of a running 3-broker sandbox, stopped with sandbox stop --broker', positiveInt(3))
    .addHelpText('after', `\nExamples:\n  kafka-tutor sandbox start --brokers 3 --students 4\n  kafka-tutor sandbox start --partitions 3\n  kafka-tutor sandbox start --broker 2\n  kafka-tutor sandbox start --kafka-version ${KAFKA_3_VERSION}`)
    .action(
      action(result, async (flags: { brokers?: number; students?: number; partitions?: number; kafkaVersion?: string; broker?: number }) => {
        const { runStart, runStartBroker } = await import('../sandbox/run.js');
        return flags.broker === undefined ? runStart(flags) : runStartBroker(flags.broker, flags);
      }),
    );

  sandbox
    .command('stop')
    .description('stop the sandbox brokers (their data stays for the next start)')
    .option('--broker <n>', 'stop only this broker (1-3) of a 3-broker sandbox; the others keep running', positiveInt(3))
    .addHelpText('after', '\nExamples:\n  kafka-tutor sandbox stop\n  kafka-tutor sandbox stop --broker 2   (then: kafka-tutor sandbox start --broker 2)')
    .action(
      action(result, async (flags: { broker?: number }) => {
        const { runStop, runStopBroker } = await import('../sandbox/run.js');
        return flags.broker === undefined ? runStop() : runStopBroker(flags.broker);
      }),
    );

  sandbox
    .command('status')
    .description('show the Kafka version the brokers run, their ports, students and credentials folders (exit 3 when not running)')
    .option('--json', 'print the status as JSON for scripts')
    .action(
      action(result, async (flags: { json?: boolean }) => {
        const { runStatus } = await import('../sandbox/run.js');
        return runStatus({ json: flags.json ?? false });
      }),
    );

  sandbox
    .command('logs')
    .description("print the end of a broker's log")
    .option('-f, --follow', 'keep printing new lines until Ctrl-C')
    .option('--broker <n>', 'which broker (1-3)', positiveInt(3), 1)
    .option('-n, --lines <n>', 'how many lines', positiveInt(100_000), 50)
    .addHelpText('after', '\nExample:\n  kafka-tutor sandbox logs --follow --broker 2')
    .action(
      action(result, async (flags: { follow?: boolean; broker: number; lines: number }) => {
        const { runLogs } = await import('../sandbox/run.js');
        return runLogs({ follow: flags.follow ?? false, broker: flags.broker, lines: flags.lines });
      }),
    );

  sandbox
    .command('reset')
    .description('stop the sandbox and delete its data, certificates and students (keeps the downloaded jars)')
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .action(
      action(result, async (flags: { yes?: boolean }) => {
        const { runReset } = await import('../sandbox/run.js');
        return runReset({ yes: flags.yes ?? false });
      }),
    );
}
