import { describeFailure, type FailureId, type FailureVars } from '../credentials/failures.js';
import type { CheckOutcome } from './types.js';

/** A failed check, worded by the failure table. */
export function fail(id: FailureId, vars: FailureVars): CheckOutcome {
  return { status: 'fail', ...describeFailure(id, vars) };
}

/** A check that passed with something worth acting on. */
export function warn(id: FailureId, vars: FailureVars): CheckOutcome {
  return { status: 'warn', ...describeFailure(id, vars) };
}

/** A passed check; notes (from the failure table) are added to its message. */
export function pass(message: string, notes: string[] = []): CheckOutcome {
  return { status: 'pass', message: [message, ...notes].join(' ') };
}

/** Turns a known failure thrown by src/credentials into a failed check; anything else is a bug and propagates. */
export function failFromError(error: unknown): CheckOutcome {
  const known = error as { code?: string; message?: string; fix?: string };
  if (error instanceof Error && error.name === 'UserError' && known.code !== undefined) {
    return { status: 'fail', message: error.message, ...(known.fix ? { fix: known.fix } : {}), failureId: known.code as FailureId };
  }
  throw error;
}
