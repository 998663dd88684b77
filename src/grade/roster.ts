/**
 * The class to grade: a CSV roster (`client_id,credentials[,name]`) or a
 * folder of credential folders in the course's layout.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { KEYSTORE_FILE } from '../profile/resolve.js';

export interface Student {
  clientId: string;
  name?: string;
  /** Absolute path of the student's credentials folder (ca.crt, kafka.keystore.pkcs12, password.txt). */
  credentials: string;
}

const HEADER_FIX = 'Start the roster with the header line client_id,credentials,name (name is optional), e.g.\n  client_id,credentials,name\n  client45,students/client45,Ada Lovelace';

function rosterError(message: string, fix: string, code: string): UserError {
  return new UserError(message, { fix, code, exitCode: 2 });
}

async function readFolderRoster(dir: string): Promise<Student[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const students: Student[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))) {
    const folder = join(dir, entry.name);
    // Only folders that look like credentials: anything else in there (notes, outputs) is not a student.
    if ((await readdir(folder)).includes(KEYSTORE_FILE)) students.push({ clientId: entry.name, credentials: folder });
  }
  if (students.length === 0) {
    throw rosterError(`The folder ${dir} holds no credentials folder (a folder with ${KEYSTORE_FILE} in it).`, `Give a folder of student folders (e.g. ${dir}/client45/${KEYSTORE_FILE}), or a CSV roster.`, 'roster-empty');
  }
  return students;
}

function readCsvRoster(path: string, full: string, text: string): Student[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, comment: '#' }) as Record<string, string>[];
  } catch (error) {
    throw rosterError(`The roster ${path} is not a readable CSV file (${(error as Error).message}).`, HEADER_FIX, 'roster-unreadable');
  }
  const first = rows[0];
  if (!first || !('client_id' in first) || !('credentials' in first)) {
    throw rosterError(`The roster ${path} needs the columns client_id and credentials${first ? `; it has ${Object.keys(first).join(', ')}` : ', and has no student'}.`, HEADER_FIX, 'roster-header');
  }
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const line = i + 2;
    const clientId = row.client_id ?? '';
    if (!/^[A-Za-z0-9._-]+$/.test(clientId)) throw rosterError(`Line ${line} of ${path} has the client id "${clientId}", which is empty or holds characters a Kafka client id cannot.`, 'Write the client id as the course gave it, e.g. client45.', 'roster-client-id');
    if (seen.has(clientId)) throw rosterError(`The client id ${clientId} appears twice in ${path} (again on line ${line}).`, 'Keep one line per student.', 'roster-duplicate');
    seen.add(clientId);
    if (!row.credentials) throw rosterError(`Line ${line} of ${path} gives no credentials folder for ${clientId}.`, `Add the folder: ${clientId},students/${clientId}`, 'roster-credentials');
    return { clientId, credentials: resolve(dirname(full), row.credentials), ...(row.name ? { name: row.name } : {}) };
  });
}

/**
 * Reads a roster file or folder. Relative credentials paths are relative to the roster file.
 *
 * @example
 *   const students = await readRoster('roster.csv');
 *   students[0] // { clientId: 'client45', credentials: '/home/ta/students/client45', name: 'Ada Lovelace' }
 */
export async function readRoster(path: string): Promise<Student[]> {
  const full = resolve(path);
  let info;
  try {
    info = await stat(full);
  } catch {
    throw rosterError(`The roster ${path} does not exist.`, 'Give a CSV file with the header client_id,credentials[,name], or a folder of credentials folders.', 'roster-missing');
  }
  if (info.isDirectory()) return readFolderRoster(full);
  const students = readCsvRoster(path, full, await readFile(full, 'utf8'));
  if (students.length === 0) throw rosterError(`The roster ${path} lists no student.`, HEADER_FIX, 'roster-empty');
  return students;
}
