/**
 * The cluster profile: where to connect and with which credentials, resolved
 * from flags, environment, a config file and the running sandbox, in that order.
 */
import { isSandboxRunning, readSandboxState } from '../sandbox/state.js';
import { UserError } from '../errors.js';
import { openCredentials, type OpenOptions } from './open.js';
import { resolveProfile, type ResolveOptions } from './resolve.js';
import type { ClusterProfile, Credentials, ProfileFlags } from './types.js';

export { resolveProfile } from './resolve.js';
export { openCredentials } from './open.js';
export { Secret } from './secret.js';
export type { ClusterProfile, Credentials, ProfileFlags, ValueSource } from './types.js';

/** What a running sandbox offers the profile: its bootstrap and its first student's folder. */
export async function sandboxDefaults(): Promise<ResolveOptions['sandbox']> {
  const state = await readSandboxState();
  if (!state || !isSandboxRunning(state)) return undefined;
  const first = state.students[0];
  return first ? { bootstrap: state.bootstrap, studentDir: first.dir } : undefined;
}

export interface LoadOptions extends Omit<ResolveOptions, 'sandbox'>, OpenOptions {
  /**
   * Interactive commands pass a confirmation: when nothing is configured and no
   * sandbox runs, the student is offered to start one, and the command carries on.
   */
  confirmSandboxStart?: (() => Promise<boolean>) | undefined;
}

async function resolveOrOfferSandbox(flags: ProfileFlags, options: LoadOptions): Promise<ClusterProfile> {
  try {
    return await resolveProfile(flags, { ...options, sandbox: await sandboxDefaults() });
  } catch (error) {
    const noCluster = error instanceof UserError && error.code === 'no-cluster';
    if (!noCluster || !options.confirmSandboxStart || !(await options.confirmSandboxStart())) throw error;
    const { runStart } = await import('../sandbox/run.js');
    await runStart({});
    return resolveProfile(flags, { ...options, sandbox: await sandboxDefaults() });
  }
}

/**
 * For interactive commands, before anything else: when nothing is configured
 * and no sandbox runs, offer to start the sandbox (and start it on yes).
 *
 * @example
 *   await offerSandboxIfUnconfigured(flags, () => terminal.confirm('Start the sandbox?'));
 */
export async function offerSandboxIfUnconfigured(flags: ProfileFlags, confirm: () => Promise<boolean>): Promise<void> {
  await resolveOrOfferSandbox(flags, { confirmSandboxStart: confirm });
}

/**
 * Resolves the profile and opens its credentials: what every Kafka-facing command needs.
 *
 * @example
 *   const { profile, credentials } = await loadProfile({ auth: './auth' });
 */
export async function loadProfile(flags: ProfileFlags, options: LoadOptions = {}): Promise<{ profile: ClusterProfile; credentials: Credentials }> {
  const profile = await resolveOrOfferSandbox(flags, options);
  const credentials = await openCredentials(profile, options);
  return { profile, credentials };
}
