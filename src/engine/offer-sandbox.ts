/**
 * The tutor's offer on a fresh machine: when nothing is configured and no sandbox runs,
 * start the sandbox on the student's yes. The profile only reads settings; starting
 * brokers is the tutor's business.
 */
import { UserError } from '../errors.js';
import type { ProfileFlags } from '../profile/types.js';

/**
 * Offers the sandbox when no cluster is configured (and starts it on yes); any other
 * problem of the settings is left for the command to report.
 *
 * @example
 *   await offerSandboxIfUnconfigured(flags, () => terminal.confirm('Start the sandbox?'));
 */
export async function offerSandboxIfUnconfigured(flags: ProfileFlags, confirm: () => Promise<boolean>): Promise<void> {
  const { resolveProfile, sandboxDefaults } = await import('../profile/index.js');
  try {
    await resolveProfile(flags, { sandbox: await sandboxDefaults() });
    return;
  } catch (error) {
    const noCluster = error instanceof UserError && error.code === 'no-cluster';
    if (!noCluster || !(await confirm())) throw error;
  }
  const { runStart } = await import('../sandbox/run.js');
  await runStart({});
}
