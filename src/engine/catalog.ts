/**
 * What the engine can do, by name: the kinds of step and the named verifications
 * (read from the library in src/engine/verifications/, never listed twice).
 */
import { EVENT_TYPES } from '../kafka/events.js';
import type { StepKind } from './types.js';
import { verificationNamed, verifications, type VerificationName } from './verifications/index.js';

export const STEP_KINDS: readonly StepKind[] = ['explain', 'predict', 'command', 'spawn', 'produce', 'act', 'verify', 'show', 'optional', 'ask'];

/** Every verification a lesson may name in a verify step's `check`: the library's names. */
export const VERIFICATIONS = Object.keys(verifications) as readonly VerificationName[];

export const PROGRAM_KINDS = ['consume', 'consume-commit', 'produce'] as const;
export const ACTIONS = ['type-messages', 'stop-key', 'stop', 'wait-key', 'stop-broker', 'start-broker'] as const;
export const SHOWS = ['log', 'offsets'] as const;
export const ANSWER_KINDS = ['path', 'host', 'user', 'nonempty'] as const;

/** Fields each kind of step must carry (beyond id and kind). */
export const REQUIRED_FIELDS: Record<StepKind, readonly string[]> = {
  explain: ['file'],
  predict: ['question', 'options', 'answer'],
  command: ['title', 'commands'],
  spawn: ['as', 'program'],
  produce: ['as', 'count', 'text'],
  act: ['action', 'prompt'],
  verify: ['check'],
  show: ['what'],
  optional: ['question'],
  ask: ['name', 'message'],
};

/**
 * Whether a verify step's `check` names a verification the engine has.
 *
 * @example
 *   isVerificationName('redelivery') // true
 */
export function isVerificationName(name: string): name is VerificationName {
  return verificationNamed(name) !== undefined;
}

/** The events a `stop-key` step's `at` may name: what the programs report. */
export const STOP_EVENTS: readonly string[] = EVENT_TYPES.filter((t) => t !== 'error' && t !== 'stopped');
