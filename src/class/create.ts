/**
 * `kafka-tutor class create <roster.csv> --out <folder>`: credentials, topics and ACLs for
 * a whole class, a zip per student to hand out, and `<out>/roster.csv` for `grade`.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../errors.js';
import { out } from '../ui/output.js';
import { describeAcl, studentAcls } from './acls.js';
import { loadCourseCa } from './ca.js';
import { hasKeystore } from './folder.js';
import { provisionStudents } from './provision.js';
import { readClassRoster, type ClassStudent } from './roster.js';
import { zipStudentFolder } from './zip.js';

export interface CreateOptions {
  out: string;
  caCert: string;
  caKey: string;
  adminConfig: string;
  partitions: number;
  replicationFactor: number;
  /** The name of an environment variable holding one shared class password. */
  passwordFromEnv?: string | undefined;
  dryRun: boolean;
  /** A hidden prompt for an encrypted CA key's password (only with a terminal). */
  ask?: ((path: string) => Promise<string>) | undefined;
}

function sharedPassword(variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = process.env[variable];
  if (!value) throw new UserError(`--password-from-env names ${variable}, which is not set or empty.`, { fix: `export ${variable}=… first (the password never goes on the command line).`, code: 'class-password', exitCode: 2 });
  if (!/^[\x21-\x7e]{6,}$/.test(value)) throw new UserError(`The class password in ${variable} must be at least 6 printable ASCII characters without spaces (PKCS12 tools disagree on anything else).`, { fix: `export ${variable}=<a longer password>`, code: 'class-password', exitCode: 2 });
  return value;
}

/**
 * Creates (or completes) a class and returns the exit code.
 *
 * @example
 *   await createClass('roster.csv', { out: 'class', caCert: 'ca.crt', caKey: 'ca.key', adminConfig: 'admin.properties', partitions: 1, replicationFactor: 3, dryRun: false });
 */
export async function createClass(rosterPath: string, options: CreateOptions): Promise<number> {
  const roster = await readClassRoster(rosterPath);
  const outDir = resolve(options.out);
  const password = sharedPassword(options.passwordFromEnv);
  const ca = await loadCourseCa(options.caCert, options.caKey, { ask: options.ask });
  if (options.dryRun) return printPlan(roster, outDir, options);
  const { adminConfigFromProperties } = await import('../kafka/admin-config.js');
  const admin = await adminConfigFromProperties(options.adminConfig);
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  await chmod(outDir, 0o700);
  const result = await provisionStudents({
    students: roster, outDir, ca, admin, partitions: options.partitions, replicationFactor: options.replicationFactor, password,
    onStudent: (id, issued) => out(issued ? `  ${id}: certificate CN=${id} issued, folder written` : `  ${id}: folder exists, keystore kept`),
  });
  for (const student of result.students) {
    if (student.issued || !existsSync(join(outDir, `${student.clientId}.zip`))) await zipStudentFolder(outDir, student.clientId);
  }
  const rosterOut = await writeGradeRoster(outDir, roster);
  const issued = result.students.filter((s) => s.issued).length;
  out(`Class ready: ${issued} new student${issued === 1 ? '' : 's'}, ${roster.length - issued} kept; ${result.createdTopics.length} topic${result.createdTopics.length === 1 ? '' : 's'} created; ACLs set for all ${roster.length}.`);
  out(`Hand out ${join(options.out, '<client_id>.zip')} to each student (it holds their password${password ? '' : ' in password.txt'}; send it privately).`);
  out(`Grade them with: kafka-tutor grade ${rosterOut}`);
  return 0;
}

function printPlan(roster: ClassStudent[], outDir: string, options: CreateOptions): number {
  out(`Dry run: nothing is written and the cluster is not contacted.`);
  for (const student of roster) {
    const dir = join(outDir, student.clientId);
    const acls = studentAcls({ clientId: student.clientId, topic: student.clientId }).map(describeAcl).join(', ');
    out(hasKeystore(dir) ? `${student.clientId}: keep ${dir} (it has a keystore)` : `${student.clientId}: issue CN=${student.clientId}, write ${dir}/ and ${dir}.zip`);
    out(`  topic ${student.clientId} (${options.partitions} partition${options.partitions === 1 ? '' : 's'}, replication ${options.replicationFactor}) when missing; ACLs for User:${student.clientId}: ${acls}`);
  }
  out(`Would write ${join(outDir, 'roster.csv')} for kafka-tutor grade.`);
  return 0;
}

/** `<out>/roster.csv` in `grade`'s format; students of earlier runs stay in it. */
async function writeGradeRoster(outDir: string, roster: ClassStudent[]): Promise<string> {
  const path = join(outDir, 'roster.csv');
  const rows = new Map<string, string[]>();
  if (existsSync(path)) {
    const earlier = parse(await readFile(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of earlier) if (row.client_id) rows.set(row.client_id, [row.client_id, row.credentials ?? row.client_id, row.name ?? '', row.email ?? '']);
  }
  for (const s of roster) {
    // A roster without names (e.g. one added student) does not erase the names known before.
    const [, credentials = s.clientId, name = '', email = ''] = rows.get(s.clientId) ?? [];
    rows.set(s.clientId, [s.clientId, credentials, s.name ?? name, s.email ?? email]);
  }
  await writeFileAtomic(path, stringify([['client_id', 'credentials', 'name', 'email'], ...rows.values()]), { mode: 0o600 });
  return path;
}
