import type { Context } from '../context.js';
import { ensureGroup } from '../groups.js';
import type { ShowStep } from '../types.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

/** One line a log file reads as well as a person: the group's committed offset per partition. */
function describeCommitted(id: string, offsets: { partition: number; offset: number | null }[]): string {
  if (offsets.every((o) => o.offset === null)) return `Group ${id} has committed nothing yet.`;
  return offsets.map((o) => `Group ${id}, partition ${o.partition}: committed ${o.offset ?? 'nothing'} (the next message it will read).`).join('\n');
}

/**
 * Shows the topic's log (the drawing of `kafka-tutor inspect`) and, for a group, its committed offsets read from the broker.
 *
 * @example
 *   await runShow({ id: 'offsets', kind: 'show', what: 'offsets', group: 'commit' }, ctx);
 */
export async function runShow(step: ShowStep, ctx: Pick<Context, 'lesson' | 'terminal' | 'kafka' | 'progress' | 'run' | 'vars'>): Promise<StepOutcome> {
  if (step.group === undefined) {
    ctx.terminal.note(await ctx.kafka.picture([], {}), step.title ?? `The log of ${ctx.kafka.topic}`);
    return CONTINUE;
  }
  const id = await ensureGroup(ctx, step.group);
  const offsets = await ctx.kafka.committed(id);
  (ctx.run.committed[step.group] ??= []).push(offsets);
  const interrupted = step.highlight === undefined ? undefined : ctx.run.interrupted[step.highlight];
  const picture = await ctx.kafka.picture([id], { [id]: step.group }, interrupted && { ...interrupted, label: 'interrupted: read again' });
  ctx.terminal.note(`${picture}\n\n${describeCommitted(id, offsets)}`, step.title ?? `Committed offsets of ${id}, read from the broker`);
  return CONTINUE;
}
