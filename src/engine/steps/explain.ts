import { fillIn, type Context } from '../context.js';
import { renderMarkdown } from '../markdown.js';
import type { CommandStep, ExplainStep, PredictStep } from '../types.js';
import { orderOptions, predictSeed } from './option-order.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

/**
 * Shows a page of the lesson's prose.
 *
 * @example
 *   await runExplain({ id: 'intro', kind: 'explain', file: 'intro.md' }, ctx);
 */
export async function runExplain(step: ExplainStep, ctx: Pick<Context, 'lesson' | 'terminal' | 'vars'>): Promise<StepOutcome> {
  const text = ctx.lesson.prose[step.file] ?? '';
  ctx.terminal.note(renderMarkdown(fillIn(text, ctx.vars)));
  return CONTINUE;
}

/**
 * Asks the student to predict what Kafka will do; the answer is revealed by a later verify step.
 * The options come in this student's own order (option-order.ts), the first shown preselected,
 * so neither the position nor a bare Enter gives the answer away.
 *
 * @example
 *   await runPredict(step, ctx); ctx.run.predictions[step.id] // 'earliest'
 */
export async function runPredict(step: PredictStep, ctx: Pick<Context, 'terminal' | 'run' | 'vars' | 'lesson'>): Promise<StepOutcome> {
  const seed = predictSeed(ctx.vars.clientId ?? '', ctx.lesson.id, step.id);
  const options = orderOptions(step.options, seed).map((o) => ({ value: o.value, label: fillIn(o.label, ctx.vars) }));
  ctx.run.predictions[step.id] = await ctx.terminal.select(`Predict: ${fillIn(step.question, ctx.vars)}`, options);
  return CONTINUE;
}

/**
 * Shows the equivalent manual commands (never runs them) and the course's docker command.
 *
 * @example
 *   await runCommand({ id: 'by-hand', kind: 'command', title: 'By hand', commands: ['npx kafka-tutor consume {topic}'] }, ctx);
 */
export async function runCommand(step: CommandStep, ctx: Pick<Context, 'terminal' | 'vars'>): Promise<StepOutcome> {
  const lines = step.commands.map((c) => `  ${fillIn(c, ctx.vars)}`);
  if (step.docker) lines.push('', 'The course runs it with Docker:', ...fillIn(step.docker, ctx.vars).split('\n').map((l) => `  ${l}`));
  ctx.terminal.note(lines.join('\n'), fillIn(step.title, ctx.vars));
  return CONTINUE;
}
