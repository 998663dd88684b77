import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';
import { courseOption } from './start.js';

interface CheckFlags extends ClusterFlags {
  lesson: string[];
  json?: boolean;
  junit?: string;
  timeout: number;
  quiet?: boolean;
  course?: string;
  worker?: boolean;
}

/** Parses a positive number of seconds for commander. */
export function parseSeconds(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('Give a positive number of seconds, e.g. 30.');
  return value;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `kafka-tutor check`: every lesson's verification, non-interactively, for a student or a grader. */
export function registerCheck(program: Command, result: CliResult): void {
  addClusterOptions(
    program
      .command('check')
      .description('check every lesson against the cluster without any prompt: for students before handing in, and for graders')
      .addOption(new Option('--lesson <id>', 'check only this lesson (repeatable; see kafka-tutor lessons)').argParser(collect).default([]))
      .option('--json', 'print the report as JSON (schema: docs/check-schema.json)')
      .option('--junit <file>', 'also write the report as JUnit XML, for CI')
      .addOption(new Option('--timeout <seconds>', 'time allowed for each lesson').argParser(parseSeconds).default(60))
      .option('--quiet', 'print only failures and the Points line')
      .addOption(courseOption())
      // grade's worker processes (src/grade/workers.ts): students come over the IPC channel.
      .addOption(new Option('--worker').hideHelp()),
  )
    .addHelpText('after', '\nExit code 0 when every check passed, 1 when some failed, 2 when the check could not run (no credentials, bad configuration, a cluster that cannot be reached or goes away).\n\nExample:\n  kafka-tutor check --auth ./auth --json > check.json')
    .action(
      action(result, async (flags: CheckFlags) => {
        if (flags.worker) return (await import('../grade/worker.js')).serveGradeWorker();
        const { checkCommand } = await import('../check/cli.js');
        return checkCommand(flags, { lessons: flags.lesson, json: flags.json ?? false, junit: flags.junit, timeoutSeconds: flags.timeout, quiet: flags.quiet ?? false, course: flags.course });
      }),
    );
}
