import { resolveCases } from '../cases.js';
import { fillIn, type Context } from '../context.js';
import type { PredictStep, VerifyStep } from '../types.js';
import { sentenceOf, verificationNamed, type VerifyContext } from '../verifications/index.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

const VERIFY_TIMEOUT_MS = 20_000;

/**
 * Runs a named verification; on success shows what happened and reveals the student's prediction.
 *
 * @example
 *   await runVerify({ id: 'check', kind: 'verify', check: 'delivered', params: { program: 'consumer', messages: 'typed' } }, ctx);
 */
export async function runVerify(step: VerifyStep, ctx: VerifyContext & Pick<Context, 'terminal' | 'lesson'>): Promise<StepOutcome> {
  const finding = await verificationNamed(step.check)!.verify(ctx, step.params ?? {}, step.timeoutMs ?? VERIFY_TIMEOUT_MS);
  if (!finding.ok) {
    if (step.hint) finding.hint = step.hint;
    return { next: 'failed', finding, ...(step.retryFrom ? { retryFrom: step.retryFrom } : {}), ...(step.retryPrompt ? { retryPrompt: step.retryPrompt } : {}) };
  }
  ctx.terminal.success(sentenceOf(finding));
  for (const line of finding.details ?? []) ctx.terminal.info(line);
  const found = ctx.lesson.steps.find((s): s is PredictStep => s.kind === 'predict' && s.id === step.reveals);
  const predict = found && resolveCases(found, ctx.vars);
  const guess = predict && ctx.run.predictions[predict.id];
  if (predict && guess) {
    const right = fillIn(predict.options.find((o) => o.value === predict.answer)?.label ?? predict.answer, ctx.vars);
    ctx.terminal.info(guess === predict.answer ? `You predicted it: ${right}.` : `You predicted otherwise; what happened is: ${right}.`);
  }
  return CONTINUE;
}
