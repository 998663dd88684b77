import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action } from './shared.js';

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    return n;
  };
}

const ADMIN_CONFIG_HELP = "a librdkafka-style properties file for the admin connection: bootstrap.servers, security.protocol=SSL, ssl.ca.location and ssl.certificate.location + ssl.key.location (or ssl.keystore.location + ssl.keystore.password); for the sandbox: the adminConfig path of `kafka-tutor sandbox status --json`";

interface CreateFlags {
  out: string;
  caCert: string;
  caKey: string;
  adminConfig: string;
  partitions: number;
  replicationFactor: number;
  passwordFromEnv?: string;
  dryRun?: boolean;
}

/** `kafka-tutor class create | revoke | list`: the instructor's kit for a class on a real cluster. */
export function registerClass(program: Command, result: CliResult): void {
  const group = program
    .command('class')
    .description("for instructors: create a class on a cluster (credentials, topics, ACLs), revoke students, list them")
    .addHelpText('after', '\nExamples:\n  kafka-tutor class create roster.csv --out class --ca-cert ca.crt --ca-key ca.key --admin-config admin.properties\n  kafka-tutor class revoke client45 --admin-config admin.properties\n  kafka-tutor class list --admin-config admin.properties');

  group
    .command('create')
    .description("issue each student's certificate and keystore, create their topic and ACLs, and write <out>/<client_id>/, <out>/<client_id>.zip and <out>/roster.csv")
    .argument('<roster>', 'a CSV file with one student per line: client_id[,name,email] (a header line is optional)')
    .requiredOption('--out <folder>', 'where the students\' folders, zips and roster.csv go (created with mode 0700)')
    .requiredOption('--ca-cert <file>', 'the course CA certificate (PEM), handed out as ca.crt')
    .requiredOption('--ca-key <file>', `the course CA's private key (PEM; when encrypted, its password comes from KAFKA_TUTOR_CA_KEY_PASSWORD or a hidden prompt); never copied into <out>`)
    .requiredOption('--admin-config <file>', ADMIN_CONFIG_HELP)
    .addOption(new Option('--partitions <n>', "partitions of each student's topic").argParser(wholeNumber(1, 1000)).default(1))
    .addOption(new Option('--replication-factor <n>', "replication factor of each student's topic (the course cluster has 3 brokers)").argParser(wholeNumber(1, 10)).default(1))
    .option('--password-from-env <VAR>', 'one class password from this environment variable, instead of a random one per student')
    .option('--dry-run', 'print what would be done; write nothing and do not contact the cluster')
    .addHelpText('after', '\nRe-running adds only the missing students; an existing keystore is never replaced.\n\nExample:\n  kafka-tutor class create roster.csv --out class --ca-cert ca.crt --ca-key ca.key --admin-config admin.properties --replication-factor 3')
    .action(
      action(result, async (roster: string, flags: CreateFlags) => {
        const { createClass } = await import('../class/create.js');
        const { askPasswordPrompt } = await import('../credentials/password.js');
        const ask = process.stdin.isTTY === true ? askPasswordPrompt() : undefined;
        return createClass(roster, { ...flags, dryRun: flags.dryRun ?? false, ask });
      }),
    );

  group
    .command('revoke')
    .description("remove the students' ACLs (Kafka has no certificate revocation: the certificate stays valid, but opens nothing)")
    .argument('<client_id...>', 'the students to revoke')
    .requiredOption('--admin-config <file>', ADMIN_CONFIG_HELP)
    .addHelpText('after', '\nExample:\n  kafka-tutor class revoke client45 client46 --admin-config admin.properties')
    .action(
      action(result, async (clientIds: string[], flags: { adminConfig: string }) => {
        const { revokeStudents } = await import('../class/revoke.js');
        return revokeStudents(clientIds, flags);
      }),
    );

  group
    .command('list')
    .description("show each student's topic and ACLs as the cluster has them, and whether the topic exists")
    .requiredOption('--admin-config <file>', ADMIN_CONFIG_HELP)
    .option('--json', 'print the list as JSON for scripts')
    .action(
      action(result, async (flags: { adminConfig: string; json?: boolean }) => {
        const { listClass } = await import('../class/list.js');
        return listClass({ adminConfig: flags.adminConfig, json: flags.json ?? false });
      }),
    );
}
