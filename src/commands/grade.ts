import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliResult } from '../cli.js';
import { parseSeconds } from './check.js';
import { action, type ClusterFlags } from './shared.js';
import { courseOption } from './start.js';

interface GradeFlags extends Pick<ClusterFlags, 'bootstrap' | 'config'> {
  out: string;
  concurrency?: number;
  timeout: number;
  lesson: string[];
  quiet?: boolean;
  json?: boolean;
  html?: string;
  course?: string;
}

function parseConcurrency(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new InvalidArgumentError('Give a whole number from 1 to 64.');
  return value;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `kafka-tutor grade <roster>`: `check` for a whole class, for instructors and graders. */
export function registerGrade(program: Command, result: CliResult): void {
  program
    .command('grade')
    .description("run the self-check for every student of a roster, a few at a time, and write grades.csv and grades.json")
    .argument('<roster>', 'a CSV file with the header client_id,credentials[,name] (credentials: a folder with ca.crt, kafka.keystore.pkcs12, password.txt; relative to the roster), or a folder of such folders')
    .option('--out <dir>', 'where to write grades.csv and grades.json', '.')
    .addOption(new Option('--concurrency <n>', 'how many students to check at once, in all (default: eight times the CPU cores)').argParser(parseConcurrency))
    .addOption(new Option('--timeout <seconds>', 'time allowed for each lesson of each student').argParser(parseSeconds).default(60))
    .addOption(new Option('--lesson <id>', 'grade only this lesson (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--bootstrap <host:port,...>', 'the cluster to check against (env KAFKA_TUTOR_BOOTSTRAP; default: the running sandbox)'))
    .addOption(new Option('--config <file>', 'a properties file giving bootstrap.servers and ssl.endpoint.identification.algorithm'))
    .option('--html <file>', 'also write the class as one self-contained HTML page (students × lessons, pass rates, each student\'s messages and evidence)')
    .addOption(courseOption())
    .option('--json', 'print the class summary as JSON')
    .option('--quiet', 'print only the final line')
    .addHelpText('after', '\nStudents are checked in a few worker processes (about one per core), each student in a context of its own that sees only their folder; passwords come from each password.txt and are never written anywhere.\nExit code 0 when every student passed, 1 when some did not, 2 when grading could not start or the cluster could not be reached.\n\nExample:\n  kafka-tutor grade roster.csv --out grades/ --concurrency 4 --html grades/report.html')
    .action(
      action(result, async (roster: string, flags: GradeFlags) => {
        const { gradeCommand } = await import('../grade/run.js');
        return gradeCommand(roster, { bootstrap: flags.bootstrap, config: flags.config }, { outDir: flags.out, concurrency: flags.concurrency, timeoutSeconds: flags.timeout, lessons: flags.lesson, course: flags.course, quiet: flags.quiet ?? false, json: flags.json ?? false, html: flags.html });
      }),
    );
}
