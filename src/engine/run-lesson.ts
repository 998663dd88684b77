/**
 * Runs one lesson: its steps in order, progress saved around each, a failed
 * verification explained in one sentence with a way forward, and every
 * program stopped however the lesson ends.
 */
import { Cancelled, UserError, describeError } from '../errors.js';
import { explainKafkaError } from '../kafka/errors.js';
import { clusterGone, clusterGoneError } from './cluster-gone.js';
import type { Context } from './context.js';
import { nameKeptGroups } from './groups.js';
import { restoreAnswers } from './steps/ask.js';
import { runStep, type StepOutcome } from './steps/index.js';
import type { Step } from './types.js';
import { sentenceOf, type Verdict } from './verifications/verdict.js';

/**
 * Where a lesson starts: at the beginning, or (resuming) at the last checkpoint before the first unfinished step.
 *
 * @example
 *   resumeIndex(lesson.steps, (id) => record.steps[id]?.status === 'done') // 3
 */
export function resumeIndex(steps: Step[], done: (id: string) => boolean): number {
  const first = steps.findIndex((s) => !done(s.id));
  if (first <= 0) return Math.max(first, 0);
  for (let i = first; i > 0; i -= 1) if (steps[i]?.checkpoint) return i;
  return 0;
}

function checkpointBefore(steps: Step[], index: number): number {
  for (let i = index; i > 0; i -= 1) if (steps[i]?.checkpoint) return i;
  return 0;
}

/**
 * One sentence: what was expected, what happened, what to try.
 *
 * @example
 *   describeFinding({ ok: false, expected: 'x to print "a"', happened: 'it printed nothing' }) // 'Expected x to print "a", but it printed nothing.'
 */
export function describeFinding(finding: Verdict): string {
  return `${sentenceOf(finding)}${finding.hint ? `\nTry: ${finding.hint}` : ''}`;
}

type Failure = Extract<StepOutcome, { next: 'failed' }>;

/** A Kafka failure (broker down, access denied) becomes one sentence and a fix, not a bug report. */
function explainStepError(error: unknown, ctx: Pick<Context, 'kafka'>): unknown {
  if (error instanceof UserError || error instanceof Cancelled || !ctx.kafka.clientId) return error;
  return explainKafkaError(error, { clientId: ctx.kafka.clientId, topic: ctx.kafka.topic, brokers: ctx.kafka.bootstrap.split(',') });
}

/** The cluster went away: say so once, keep the progress, and wait for the student to bring it back. */
async function waitForCluster(ctx: Pick<Context, 'terminal' | 'kafka'>): Promise<'retry' | 'leave'> {
  ctx.terminal.error(describeError(clusterGoneError(ctx.kafka.bootstrap)).text);
  return ctx.terminal.select('What now?', [
    { value: 'retry', label: 'Try again (once the cluster is back)' },
    { value: 'leave', label: 'Leave the lesson (your progress is saved)' },
  ]);
}

/** A step's error or failure caused by the cluster's absence (never for a lesson without Kafka). */
async function lostCluster(ctx: Pick<Context, 'kafka'>, error?: unknown): Promise<boolean> {
  if (!ctx.kafka.clientId || error instanceof Cancelled) return false;
  return clusterGone(error, ctx.kafka.bootstrap.split(','));
}

/** After a failure: try again (from the retry step or the checkpoint), a hint, or leave. */
async function decide(ctx: Pick<Context, 'terminal' | 'showHint'>, failure: Failure, retryIndex: number): Promise<number | 'skip' | 'leave'> {
  ctx.terminal.error(describeFinding(failure.finding));
  if (failure.retryPrompt) return (await ctx.terminal.confirm(failure.retryPrompt, true)) ? retryIndex : 'skip';
  for (;;) {
    const choice = await ctx.terminal.select('What now?', [
      { value: 'retry', label: 'Try this part again' },
      { value: 'hint', label: 'Show a hint' },
      { value: 'leave', label: 'Leave the lesson (your progress is saved)' },
    ]);
    if (choice === 'retry') return retryIndex;
    if (choice === 'leave') return 'leave';
    ctx.showHint();
  }
}

/**
 * @example
 *   const result = await runLesson(ctx, { resume: true }); // 'done' or 'left'
 */
export async function runLesson(ctx: Context, options: { resume: boolean }): Promise<'done' | 'left'> {
  const { lesson, progress } = ctx;
  const record = progress.lesson(lesson.id);
  const start = options.resume && record.status === 'in-progress' ? resumeIndex(lesson.steps, (id) => record.steps[id]?.status === 'done') : 0;
  const started = await progress.startLesson(lesson.id, { fresh: start === 0, keepAnswers: options.resume });
  restoreAnswers(lesson, started.answers, ctx.vars);
  await nameKeptGroups(ctx);
  ctx.terminal.intro(lesson.title);
  if (start > 0) ctx.terminal.info(`Welcome back: continuing at step ${start + 1} of ${lesson.steps.length}.`);
  try {
    let index = start;
    while (index < lesson.steps.length) {
      const step = lesson.steps[index]!;
      await progress.markStep(lesson.id, step.id, 'in-progress');
      let outcome: StepOutcome | 'cluster-gone';
      try {
        outcome = await runStep(step, ctx);
      } catch (error) {
        if (ctx.signal.aborted) throw new Cancelled();
        const explained = explainStepError(error, ctx);
        if (!(await lostCluster(ctx, explained))) throw explained;
        outcome = 'cluster-gone';
      }
      if (ctx.signal.aborted) throw new Cancelled();
      // A failure because the cluster is gone is not the student's: no finding, no hint.
      if (outcome === 'cluster-gone' || (outcome.next === 'failed' && (await lostCluster(ctx)))) {
        await progress.markStep(lesson.id, step.id, 'failed');
        if ((await waitForCluster(ctx)) === 'leave') return 'left';
        await ctx.programs.stopAll();
        index = checkpointBefore(lesson.steps, index);
        continue;
      }
      if (outcome.next === 'failed') {
        await progress.markStep(lesson.id, step.id, 'failed');
        const target = outcome.retryFrom ? lesson.steps.findIndex((s) => s.id === outcome.retryFrom) : checkpointBefore(lesson.steps, index);
        const where = await decide(ctx, outcome, Math.max(target, 0));
        if (where === 'leave') return 'left';
        if (where === 'skip') index += 1;
        else {
          // A new attempt starts its programs afresh.
          await ctx.programs.stopAll();
          index = where;
        }
        continue;
      }
      await progress.markStep(lesson.id, step.id, 'done');
      if (outcome.next === 'end') break;
      index = outcome.next === 'goto' ? lesson.steps.findIndex((s) => s.id === outcome.stepId) : index + 1;
    }
    await progress.finishLesson(lesson.id);
    ctx.terminal.outro(`Lesson done: ${lesson.title}`);
    return 'done';
  } finally {
    await ctx.programs.stopAll();
  }
}
