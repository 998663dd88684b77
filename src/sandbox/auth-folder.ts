/**
 * The course keeps a student's credentials in ./auth; the sandbox fills it with the
 * first student's files, but only when it is empty (a lone .gitkeep counts as empty).
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SandboxStudent } from './state.js';

export const STUDENT_FILES = ['ca.crt', 'kafka.keystore.pkcs12', 'password.txt'] as const;

/** True when the folder is missing or holds nothing but a .gitkeep. */
export async function isEmptyAuthFolder(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).every((name) => name === '.gitkeep');
  } catch {
    return true;
  }
}

/**
 * Copies the student's credentials into `<cwd>/auth` unless it already holds something.
 * Returns the folder when it copied, undefined when it left it alone.
 *
 * @example
 *   await fillAuthFolder(state.students[0]!, process.cwd()); // '/home/ana/course/auth'
 */
export async function fillAuthFolder(student: SandboxStudent, cwd: string): Promise<string | undefined> {
  const auth = resolve(cwd, 'auth');
  if (!(await isEmptyAuthFolder(auth))) return undefined;
  await mkdir(auth, { recursive: true });
  for (const name of STUDENT_FILES) await copyFile(join(student.dir, name), join(auth, name));
  return auth;
}
