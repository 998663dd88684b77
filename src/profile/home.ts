import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';

/** The first part of `path` that exists, and whether it is a folder. */
function firstExisting(path: string): { path: string; folder: boolean } | undefined {
  for (let current = path; ; current = dirname(current)) {
    try {
      return { path: current, folder: statSync(current).isDirectory() };
    } catch {
      if (dirname(current) === current) return undefined;
    }
  }
}

/**
 * Refuses a `KAFKA_TUTOR_HOME` that cannot be a folder (it, or a parent, is a file):
 * progress and the sandbox live there, and a file in the way is the user's to move.
 *
 * @example
 *   assertHomeUsable({ KAFKA_TUTOR_HOME: '/home/ana/notes.txt' }) // throws: "… is a file, not a folder."
 */
export function assertHomeUsable(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): void {
  const home = env.KAFKA_TUTOR_HOME;
  if (home === undefined || home === '') return;
  const full = resolve(cwd, home);
  const found = firstExisting(full);
  if (found === undefined || found.folder) return;
  const where = found.path === full ? `${full}, which is a file` : `${full}, inside the file ${found.path}`;
  throw new UserError(`KAFKA_TUTOR_HOME is set to ${where}; kafka-tutor keeps your progress in a folder there.`, {
    fix: 'export KAFKA_TUTOR_HOME=~/.kafka-tutor   (a folder; or unset KAFKA_TUTOR_HOME to use ./.kafka-tutor)',
    code: 'home-not-folder',
    exitCode: 2,
  });
}
