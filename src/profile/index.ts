/**
 * The cluster profile: where to connect and with which credentials, resolved
 * from flags, environment, a config file and the running sandbox, in that order.
 */
import { isSandboxRunning, readSandboxState } from '../sandbox/state.js';
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

export type LoadOptions = Omit<ResolveOptions, 'sandbox'> & OpenOptions;

/**
 * Resolves the profile and opens its credentials: what every Kafka-facing command needs.
 *
 * @example
 *   const { profile, credentials } = await loadProfile({ auth: './auth' });
 */
export async function loadProfile(flags: ProfileFlags, options: LoadOptions = {}): Promise<{ profile: ClusterProfile; credentials: Credentials }> {
  const profile = await resolveProfile(flags, { ...options, sandbox: await sandboxDefaults() });
  const credentials = await openCredentials(profile, options);
  return { profile, credentials };
}
