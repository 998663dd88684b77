import { resolveCases } from '../cases.js';
import type { Context } from '../context.js';
import { readFacts } from '../facts.js';
import type { Step } from '../types.js';
import { runAct } from './act.js';
import { runAsk } from './ask.js';
import { runCommand, runExplain, runPredict } from './explain.js';
import { CONTINUE, type StepOutcome } from './outcome.js';
import { runProduce } from './produce.js';
import { runShow } from './show.js';
import { runSpawn } from './spawn.js';
import { runVerify } from './verify.js';

export type { StepOutcome } from './outcome.js';

/**
 * Runs one step of any kind; each kind's runner takes only the context it needs.
 *
 * @example
 *   const outcome = await runStep({ id: 'intro', kind: 'explain', file: 'intro.md' }, ctx);
 */
export async function runStep(given: Step, ctx: Context): Promise<StepOutcome> {
  await readFacts(ctx);
  const step = resolveCases(given, ctx.vars);
  switch (step.kind) {
    case 'explain':
      return runExplain(step, ctx);
    case 'predict':
      return runPredict(step, ctx);
    case 'command':
      return runCommand(step, ctx);
    case 'spawn':
      return runSpawn(step, ctx);
    case 'produce':
      return runProduce(step, ctx);
    case 'act':
      return runAct(step, ctx);
    case 'verify':
      return runVerify(step, ctx);
    case 'show':
      return runShow(step, ctx);
    case 'ask':
      return runAsk(step, ctx);
    case 'optional': {
      if (await ctx.terminal.confirm(step.question, false)) return CONTINUE;
      return step.skipTo ? { next: 'goto', stepId: step.skipTo } : { next: 'end' };
    }
  }
}
