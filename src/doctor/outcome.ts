import { describeFailure, isFailure, type FailureId, type FailureVars } from '../credentials/failures.js';
import type { CheckOutcome } from './types.js';

/**
 * A failed check, worded by the failure table.
 *
 * @example
 *   return fail('broker-refused', { broker: '127.0.0.1:19093', host: '127.0.0.1', port: 19093 });
 */
export function fail(id: FailureId, vars: FailureVars): CheckOutcome {
  return { status: 'fail', ...describeFailure(id, vars) };
}

/**
 * A check that passed with something worth acting on.
 *
 * @example
 *   return warn('key-readable-by-others', { files: 'auth/password.txt', authDir: 'auth', cn: 'client45' });
 */
export function warn(id: FailureId, vars: FailureVars): CheckOutcome {
  return { status: 'warn', ...describeFailure(id, vars) };
}

/**
 * A passed check; notes (sentences from the failure table) follow its message.
 *
 * @example
 *   return pass('auth is a folder.');
 */
export function pass(message: string, notes: string[] = []): CheckOutcome {
  return { status: 'pass', message: [message, ...notes].join(' ') };
}

/**
 * A known failure thrown by src/credentials, as a failed check; anything else is a bug and propagates.
 *
 * @example
 *   try { await loadKeystore(path, password); } catch (error) { return failFromError(error); }
 */
export function failFromError(error: unknown): CheckOutcome {
  if (!isFailure(error)) throw error;
  return { status: 'fail', message: error.message, ...(error.fix ? { fix: error.fix } : {}), failureId: error.code };
}
