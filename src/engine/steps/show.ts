import type { Context } from '../context.js';
import { ensureGroup } from '../groups.js';
import type { ShowStep } from '../types.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

/** A small drawing of the topic's log with the group's committed position under it. */
function drawLog(topic: string, ranges: { partition: number; low: number; high: number }[], group?: { id: string; offsets: { partition: number; offset: number | null }[] }): string {
  return ranges
    .map((r) => {
      const shown = Math.min(r.high - r.low, 12);
      const first = r.high - shown;
      const cells = Array.from({ length: shown }, (_, i) => String(first + i).padStart(3));
      const committed = group?.offsets.find((o) => o.partition === r.partition)?.offset ?? null;
      const line = `${topic}[${r.partition}]  ${first > r.low ? '… ' : ''}|${cells.join('|')}|  next: ${r.high}`;
      if (!group) return line;
      const mark = committed === null ? `group ${group.id} has committed nothing yet` : `group ${group.id} committed ${committed} (the next message it will read)`;
      return `${line}\n${' '.repeat(topic.length + 4)}${mark}`;
    })
    .join('\n');
}

/** Shows the topic's log, a group's committed offsets (read from the broker), or the latency measured so far. */
export async function runShow(step: ShowStep, ctx: Pick<Context, 'lesson' | 'terminal' | 'kafka' | 'progress' | 'run' | 'vars'>): Promise<StepOutcome> {
  const ranges = await ctx.kafka.offsets();
  if (step.what === 'log' && !step.group) {
    ctx.terminal.note(drawLog(ctx.kafka.topic, ranges), step.title ?? `The log of ${ctx.kafka.topic}`);
    return CONTINUE;
  }
  const key = step.group ?? '';
  const id = await ensureGroup(ctx, key);
  const offsets = await ctx.kafka.committed(id);
  (ctx.run.committed[key] ??= []).push(offsets);
  ctx.terminal.note(drawLog(ctx.kafka.topic, ranges, { id, offsets }), step.title ?? `Committed offsets of ${id}, read from the broker`);
  return CONTINUE;
}
