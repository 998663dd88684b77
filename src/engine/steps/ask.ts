import { fillIn, type Context } from '../context.js';
import type { AskStep, LoadedLesson } from '../types.js';
import { checkAnswer } from './answer-kinds.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

const LEAVE = 'Ctrl-C leaves the lesson; your progress is saved';

// What fillIn leaves behind when it does not know a name.
const UNFILLED = /\{[a-zA-Z][\w.-]*\}/;

/**
 * Sets `{name}`: the answer, through the step's `format` when it has one; a path
 * also gives `{name.name}`, its last part (the folder `scp -r` creates).
 */
function assign(step: AskStep, answer: string, vars: Record<string, string>): void {
  vars[step.name] = answer !== '' && step.format ? step.format.replaceAll('{answer}', answer) : answer;
  if (step.validate === 'path') vars[`${step.name}.name`] = answer.replace(/[/\\]+$/, '').split(/[/\\]/).pop() ?? '';
}

/**
 * Puts the answers a lesson already has (from progress) into `vars`, so text after
 * the ask steps reads right when a resumed lesson starts past them.
 *
 * @example
 *   restoreAnswers(lesson, { vmUser: 'ubuntu' }, ctx.vars); ctx.vars.vmUser // 'ubuntu'
 */
export function restoreAnswers(lesson: Pick<LoadedLesson, 'steps'>, answers: Record<string, string> | undefined, vars: Record<string, string>): void {
  for (const step of lesson.steps) {
    if (step.kind !== 'ask') continue;
    const answer = answers?.[step.name];
    if (answer !== undefined) assign(step, answer, vars);
  }
}

/**
 * Asks for a value (a path, a host, a user name…), keeps it in `{name}` and in progress;
 * a lesson that already has the answer (resumed) says so and does not ask again.
 *
 * @example
 *   await runAsk({ id: 'ask-user', kind: 'ask', name: 'vmUser', message: 'Your user on the VM?', default: 'ubuntu', validate: 'user' }, ctx);
 *   ctx.vars.vmUser // 'ubuntu' after Enter
 */
export async function runAsk(step: AskStep, ctx: Pick<Context, 'lesson' | 'terminal' | 'progress' | 'vars'>): Promise<StepOutcome> {
  const message = fillIn(step.message, ctx.vars);
  const known = ctx.progress.lesson(ctx.lesson.id).answers?.[step.name];
  if (known !== undefined) {
    ctx.terminal.step(`${message} ${known === '' ? '(none)' : known}  (your earlier answer)`);
    assign(step, known, ctx.vars);
    return CONTINUE;
  }
  const filled = step.default === undefined ? undefined : fillIn(step.default, ctx.vars);
  // A default naming something not known yet (e.g. the client id before the keystore is read) would mislead.
  const fallback = filled === undefined || UNFILLED.test(filled) ? undefined : filled;
  // A suggestion is shown as the answer Enter takes; an example (someone else's address) says "e.g." and Enter does not take it.
  const example = step.placeholder === undefined ? undefined : `e.g. ${fillIn(step.placeholder, ctx.vars)}`;
  const placeholder = fallback ?? example;
  const typed = await ctx.terminal.text(message, {
    ...(placeholder === undefined ? {} : { placeholder }),
    ...(fallback === undefined ? {} : { defaultValue: fallback }),
    validate: (value) => {
      if (value.trim() === '' && fallback !== undefined) return undefined;
      if (value.trim() === '' && example !== undefined && !step.optional) return `Type your own answer: the "e.g." is only an example (${LEAVE}).`;
      return checkAnswer(value, step.validate, step.optional);
    },
  });
  const answer = typed.trim() === '' ? (fallback ?? '') : typed.trim();
  await ctx.progress.rememberAnswer(ctx.lesson.id, step.name, answer);
  assign(step, answer, ctx.vars);
  return CONTINUE;
}
