import { Option, type Command } from 'commander';
import type { CliResult } from '../cli.js';

/** Flags shared by every command that talks to Kafka (see src/profile/). */
export interface ClusterFlags {
  bootstrap?: string;
  auth?: string;
  clientId?: string;
  config?: string;
}

/** Adds `--bootstrap`, `--auth`, `--client-id` and `--config` to a command. */
export function addClusterOptions(command: Command): Command {
  return command
    .addOption(new Option('--bootstrap <host:port,...>', 'Kafka brokers to connect to (env KAFKA_TUTOR_BOOTSTRAP)'))
    .addOption(new Option('--auth <folder>', 'folder holding ca.crt and kafka.keystore.pkcs12 (env KAFKA_TUTOR_AUTH; default ./auth)'))
    .addOption(new Option('--client-id <id>', "your client id, also your topic (env KAFKA_TUTOR_CLIENT_ID; default: the CN of your keystore's certificate)"))
    .addOption(new Option('--config <file>', 'a librdkafka-style properties file (env KAFKA_TUTOR_CONFIG; default ./kafka-tutor.properties when present)'));
}

/**
 * Wraps a command action so that its returned number becomes the exit code.
 * Errors propagate to `main`, which prints them. Refuses a KAFKA_TUTOR_HOME that is a file first.
 */
export function action<A extends unknown[]>(result: CliResult, run: (...args: A) => Promise<number>) {
  return async (...args: A): Promise<void> => {
    // Before any command: a file where the progress folder should be gets one sentence, not a bug report.
    const { assertHomeUsable } = await import('../profile/home.js');
    assertHomeUsable();
    result.exitCode = await run(...args);
  };
}
