import type { Context } from '../context.js';
import type { Step } from '../types.js';
import type { Verdict } from '../verifications/verdict.js';

/** Where the lesson goes after a step. */
export type StepOutcome =
  | { next: 'continue' }
  | { next: 'goto'; stepId: string }
  | { next: 'end' }
  | { next: 'failed'; finding: Verdict; retryFrom?: string; retryPrompt?: string };

export const CONTINUE: StepOutcome = { next: 'continue' };

export type RunStep<S extends Step, K extends keyof Context> = (step: S, ctx: Pick<Context, K>) => Promise<StepOutcome>;
