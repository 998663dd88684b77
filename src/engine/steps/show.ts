import chalk from 'chalk';
import { renderTopicPicture, type RenderOptions } from '../../inspect/render.js';
import { fillIn, type Context } from '../context.js';
import { ensureGroup } from '../groups.js';
import type { ShowStep } from '../types.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

/** One line a log file reads as well as a person: the group's committed offset per partition. */
function describeCommitted(id: string, offsets: { partition: number; offset: number | null }[]): string {
  if (offsets.every((o) => o.offset === null)) return `Group ${id} has committed nothing yet.`;
  return offsets.map((o) => `Group ${id}, partition ${o.partition}: committed ${o.offset ?? 'nothing'} (the next message it will read).`).join('\n');
}

/** The drawing of `kafka-tutor inspect`, inside a note's frame: a little narrower than the terminal. */
async function draw(ctx: Pick<Context, 'kafka' | 'programs'>, groups: string[], options: Pick<RenderOptions, 'labels' | 'highlight'> = {}): Promise<string> {
  return renderTopicPicture(await ctx.kafka.picture(groups), { ...options, members: memberNames(ctx), width: Math.max(40, (process.stdout.columns ?? 80) - 8), color: chalk.level > 0 });
}

/** The lesson's program names by the group member id their `assigned` events carry (the picture says who reads what). */
function memberNames(ctx: Pick<Context, 'programs'>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const name of ctx.programs.names) {
    for (const run of ctx.programs.history(name)) for (const { event } of run.events) if (event.type === 'assigned' && event.member) names[event.member] = name;
  }
  return names;
}

/**
 * Shows the topic's log (the drawing of `kafka-tutor inspect`) and, for a group, its committed offsets read from the broker.
 *
 * @example
 *   await runShow({ id: 'offsets', kind: 'show', what: 'offsets', group: 'commit' }, ctx);
 */
export async function runShow(step: ShowStep, ctx: Pick<Context, 'lesson' | 'terminal' | 'kafka' | 'progress' | 'run' | 'vars' | 'programs'>): Promise<StepOutcome> {
  if (step.group === undefined) {
    ctx.terminal.note(await draw(ctx, []), step.title === undefined ? `The log of ${ctx.kafka.topic}` : fillIn(step.title, ctx.vars));
    return CONTINUE;
  }
  const id = await ensureGroup(ctx, step.group);
  const offsets = await ctx.kafka.committed(id);
  (ctx.run.committed[step.group] ??= []).push(offsets);
  const interrupted = step.highlight === undefined ? undefined : ctx.run.interrupted[step.highlight];
  const picture = await draw(ctx, [id], { labels: { [id]: step.group }, highlight: interrupted && { partition: interrupted.partition, offset: interrupted.offset, label: interrupted.committed ? 'interrupted: lost' : 'interrupted: read again' } });
  ctx.terminal.note(`${picture}\n\n${describeCommitted(id, offsets)}`, step.title === undefined ? `Committed offsets of ${id}, read from the broker` : fillIn(step.title, ctx.vars));
  return CONTINUE;
}
