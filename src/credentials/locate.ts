import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CLIENT_FOLDER } from './paths.js';

export const CA_FILE = 'ca.crt';
export const KEYSTORE_FILE = 'kafka.keystore.pkcs12';

export type AuthLocation =
  | { status: 'ok' }
  | { status: 'is-file' }
  /** The credentials sit in a folder inside the auth folder (`auth/client45/…`). */
  | { status: 'too-deep'; nested: string }
  /** No auth folder; `found` is a credentials folder nearby, when there is one. */
  | { status: 'missing'; found: string | undefined };

async function isDirectory(path: string): Promise<boolean | undefined> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return undefined;
  }
}

async function holdsCredentials(dir: string): Promise<boolean> {
  try {
    const names = await readdir(dir);
    return names.includes(CA_FILE) || names.includes(KEYSTORE_FILE);
  } catch {
    return false;
  }
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

/** A `clientNN/` folder holding credentials in one of `places`, the student's own first when their id is known. */
async function findNearby(places: string[], clientId: string | undefined): Promise<string | undefined> {
  const candidates: string[] = [];
  for (const place of places) {
    for (const dir of await subfolders(place)) {
      const name = dir.slice(place.length + 1);
      if (CLIENT_FOLDER.test(name) && (await holdsCredentials(dir))) candidates.push(dir);
    }
  }
  return candidates.find((dir) => clientId !== undefined && dir.endsWith(`/${clientId}`)) ?? candidates[0];
}

/**
 * Looks at the credentials folder the way a teaching assistant would: is it
 * there, is it a folder, are the files in it or one level too deep, and if it
 * is missing, is a `clientNN/` folder lying in the working directory, its
 * parent, home or ~/Downloads.
 *
 * @example
 *   await locateAuthDir('/home/ubuntu/repo/auth', { cwd: '/home/ubuntu/repo', home: '/home/ubuntu' })
 *   // { status: 'missing', found: '/home/ubuntu/Downloads/client45' }
 */
export async function locateAuthDir(authDir: string, where: { cwd: string; home: string; clientId?: string | undefined }): Promise<AuthLocation> {
  const directory = await isDirectory(authDir);
  if (directory === false) return { status: 'is-file' };
  if (directory === undefined) {
    const places = [...new Set([where.cwd, dirname(where.cwd), where.home, join(where.home, 'Downloads')])];
    return { status: 'missing', found: await findNearby(places, where.clientId) };
  }
  if (await holdsCredentials(authDir)) return { status: 'ok' };
  const nested = [];
  for (const dir of await subfolders(authDir)) if (await holdsCredentials(dir)) nested.push(dir);
  return nested[0] === undefined ? { status: 'ok' } : { status: 'too-deep', nested: nested[0] };
}
