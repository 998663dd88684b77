/**
 * What the engine can do, by name: the kinds of step and the named verifications.
 * Kept free of heavy imports so the course self-check can load it quickly.
 */
import type { StepKind } from './types.js';

export const STEP_KINDS: readonly StepKind[] = ['explain', 'predict', 'command', 'spawn', 'produce', 'act', 'verify', 'show', 'optional', 'ask'];

/** Every verification a lesson may name in a verify step's `check`. */
export const VERIFICATIONS = ['credentials', 'delivered', 'earliest-latest', 'reached-all', 'resumed', 'stop-window', 'redelivery', 'rejoin-wait'] as const;
export type VerificationName = (typeof VERIFICATIONS)[number];

export const PROGRAM_KINDS = ['consume', 'consume-commit', 'produce'] as const;
export const ACTIONS = ['type-messages', 'stop-key', 'stop', 'wait-key'] as const;
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
  return (VERIFICATIONS as readonly string[]).includes(name);
}
