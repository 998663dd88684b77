/**
 * `sandbox reset`: stops the sandbox and wipes its folder (the jar cache lives elsewhere and stays).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { sandboxDir, sandboxPaths } from './paths.js';
import { stopSandbox, type StopResult } from './stop.js';

/**
 * Stops and deletes the sandbox; refuses a folder that does not look like one.
 *
 * @example
 *   await resetSandbox(); // the next start makes a new CA, new students, an empty cluster
 */
export async function resetSandbox(dir: string = sandboxDir()): Promise<StopResult & { removed: boolean }> {
  if (!existsSync(dir)) return { stopped: [], killed: [], removed: false };
  const paths = sandboxPaths(dir);
  // KAFKA_TUTOR_SANDBOX may point anywhere: only wipe what the sandbox itself made.
  if (![paths.state, paths.pki, paths.broker(1).dir].some((p) => existsSync(p))) {
    throw new UserError(`${dir} does not look like a kafka-tutor sandbox, so reset leaves it alone.`, {
      fix: 'check KAFKA_TUTOR_SANDBOX / KAFKA_TUTOR_HOME',
      code: 'sandbox-dir-foreign',
    });
  }
  const result = await stopSandbox(dir);
  await rm(dir, { recursive: true, force: true });
  return { ...result, removed: true };
}
