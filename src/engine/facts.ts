/**
 * Facts a lesson reads from the cluster at its start, as variables for its
 * text and its steps' `cases` (lesson.json `facts`): `partitions`, the number
 * of partitions of the student's topic (`{partitions}`, and `{partitionsText}` such as "1 partition").
 */
import type { Context } from './context.js';

/** The facts a lesson may ask for. */
export const FACTS = ['partitions'] as const;
export type Fact = (typeof FACTS)[number];

/**
 * Reads the lesson's facts into `ctx.vars` once per run (a resumed lesson reads them again).
 *
 * @example
 *   await readFacts(ctx); ctx.vars.partitions // '3'
 */
export async function readFacts(ctx: Pick<Context, 'lesson' | 'kafka' | 'vars'>): Promise<void> {
  for (const fact of ctx.lesson.facts ?? []) {
    if (fact === 'partitions' && ctx.vars.partitions === undefined) {
      const count = (await ctx.kafka.offsets()).length;
      ctx.vars.partitions = String(count);
      ctx.vars.partitionsText = `${count} partition${count === 1 ? '' : 's'}`;
    }
  }
}
