/**
 * The IO of a lesson program run as its own process (`kafka-tutor consume …`,
 * by a student or by the tutor): stdout and stderr, SIGTERM/SIGINT with a
 * bounded exit, and the profile from its flags and environment.
 */
import { loadProfile } from '../../profile/index.js';
import type { ProfileFlags } from '../../profile/types.js';
import { createEmitter, watchForStop, type ProgramIO } from './runtime.js';

/**
 * The IO of the program this process runs; `forcedExitNote` is printed when its clean-up overruns the grace time.
 *
 * @example
 *   await consume(options, childIO(options, 'Leaving the group took too long; exiting anyway.'));
 */
export function childIO(options: ProfileFlags & { json: boolean }, forcedExitNote: string): ProgramIO {
  const out = createEmitter({ json: options.json });
  const stop = watchForStop({ onForcedExit: () => out.note(forcedExitNote) });
  const flags: ProfileFlags = { bootstrap: options.bootstrap, auth: options.auth, clientId: options.clientId, config: options.config };
  return { out, stop, open: () => loadProfile(flags) };
}
