/**
 * One `sandbox start` at a time per sandbox folder: two test runs (or two terminals)
 * starting together would otherwise race for the same ports.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { UserError } from '../errors.js';

/**
 * Runs `work` while holding the folder's start lock; waits up to `waitMs` for another holder.
 *
 * @example
 *   await withStartLock(dir, () => startBrokers());
 */
export async function withStartLock<T>(dir: string, work: () => Promise<T>, waitMs = 180_000): Promise<T> {
  await mkdir(dir, { recursive: true });
  const lockfilePath = join(dir, 'start.lock');
  let release: () => Promise<void>;
  try {
    // A holder that crashed stops refreshing the lock; after `stale` ms it is taken over.
    release = await lockfile.lock(dir, {
      realpath: false,
      lockfilePath,
      stale: 15_000,
      retries: { retries: Math.ceil(waitMs / 1000), minTimeout: 1000, maxTimeout: 1000, factor: 1 },
      // proper-lockfile throws from a timer when the lock was taken over; a stack trace helps nobody.
      onCompromised: () => undefined,
    });
  } catch (error) {
    throw new UserError(`Another kafka-tutor has been starting the sandbox in ${dir} for over ${waitMs / 1000} s.`, {
      fix: 'wait for it, or stop it and run: kafka-tutor sandbox stop',
      code: 'sandbox-locked',
      cause: error,
    });
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
