/**
 * The class list an instructor starts from: one student per row, `client_id[,name,email]`,
 * with or without that header line.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';

export interface ClassStudent {
  clientId: string;
  name?: string;
  email?: string;
}

/** What Kafka accepts in a principal, a topic name and a folder name alike. */
export const CLIENT_ID = /^[A-Za-z0-9._-]{1,200}$/;

function rosterError(message: string, fix: string): UserError {
  return new UserError(message, { fix, code: 'class-roster', exitCode: 2 });
}

/**
 * Parses a class roster's text.
 *
 * @example
 *   parseClassRoster('client_id,name\nclient45,Ada Lovelace\n', 'roster.csv') // [{ clientId: 'client45', name: 'Ada Lovelace' }]
 */
export function parseClassRoster(text: string, path: string): ClassStudent[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, comment: '#', relax_column_count: true }) as string[][];
  } catch (error) {
    throw rosterError(`The roster ${path} is not a readable CSV file (${(error as Error).message}).`, 'Write one student per line: client_id,name,email');
  }
  const header = rows[0]?.[0]?.toLowerCase() === 'client_id' ? 1 : 0;
  rows = rows.slice(header);
  const seen = new Set<string>();
  const students = rows.map(([clientId = '', name, email], i) => {
    const line = i + 1 + header;
    if (!CLIENT_ID.test(clientId)) throw rosterError(`Line ${line} of ${path} has the client id "${clientId}", which is empty or holds characters a Kafka client id cannot.`, 'Use letters, digits, dot, dash and underscore only, e.g. client45.');
    if (seen.has(clientId)) throw rosterError(`The client id ${clientId} appears twice in ${path} (again on line ${line}).`, 'Keep one line per student.');
    seen.add(clientId);
    return { clientId, ...(name ? { name } : {}), ...(email ? { email } : {}) };
  });
  if (students.length === 0) throw rosterError(`The roster ${path} lists no student.`, 'Write one student per line: client_id,name,email');
  return students;
}

/** Reads a class roster file. */
export async function readClassRoster(path: string): Promise<ClassStudent[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw rosterError(`The roster ${path} cannot be read.`, 'Give a CSV file with one student per line: client_id,name,email');
  }
  return parseClassRoster(text, path);
}
