import { stat } from 'node:fs/promises';

/**
 * The files among `paths` that other users of the machine can read (missing
 * files are ignored). On Windows file modes mean nothing, so none are reported.
 *
 * @example
 *   await readableByOthers(['auth/kafka.keystore.pkcs12', 'auth/password.txt']) // ['auth/password.txt']
 */
export async function readableByOthers(paths: string[]): Promise<string[]> {
  if (process.platform === 'win32') return [];
  const found: string[] = [];
  for (const path of paths) {
    try {
      // The "others" read bit: a course VM is shared, a private user group is not.
      if (((await stat(path)).mode & 0o004) !== 0) found.push(path);
    } catch {
      // a missing file is another check's business
    }
  }
  return found;
}
