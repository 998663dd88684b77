import { fillIn, type Context } from '../context.js';
import { ensureGroup } from '../groups.js';
import type { ProduceStep } from '../types.js';
import { CONTINUE, type StepOutcome } from './outcome.js';

const SETTLE_TIMEOUT_MS = 15_000;

/** How many messages wait unread for a group: from its committed offset (or the log start) to the end. */
async function countUnread(ctx: Pick<Context, 'kafka'>, group: string): Promise<number> {
  const [ranges, committed] = await Promise.all([ctx.kafka.offsets(), ctx.kafka.committed(group)]);
  return ranges.reduce((sum, r) => sum + r.high - Math.max(r.low, committed.find((c) => c.partition === r.partition)?.offset ?? r.low), 0);
}

/** Waits until each earliest program has received every message that was in the topic when it started. */
async function settle(ctx: Pick<Context, 'programs' | 'run' | 'signal'>, names: string[]): Promise<void> {
  for (const name of names.filter((n) => ctx.run.startsFrom[n] === 'earliest')) {
    const high = ctx.run.highAtSpawn[name]?.at(-1) ?? {};
    await ctx.programs.waitUntil(() => {
      const run = ctx.programs.current(name);
      const seen = (run?.events ?? []).map((s) => s.event).filter((e) => e.type === 'message');
      return Object.entries(high).every(([p, h]) => h === 0 || seen.some((e) => e.type === 'message' && e.partition === Number(p) && e.offset >= h - 1)) || undefined;
    }, { timeoutMs: SETTLE_TIMEOUT_MS, signal: ctx.signal });
  }
  // No grace after that: a consumer reports "assigned" only after its first fetch, when a "latest" position is fixed.
}

/**
 * The engine produces messages into the student's topic, and remembers them under `as`.
 *
 * @example
 *   await runProduce({ id: 'seed', kind: 'produce', as: 'seed', count: 3, text: 'old {n}' }, ctx); ctx.run.sent.seed.length // 3
 */
export async function runProduce(
  step: ProduceStep,
  ctx: Pick<Context, 'lesson' | 'terminal' | 'kafka' | 'programs' | 'progress' | 'run' | 'vars' | 'sleep' | 'signal'>,
): Promise<StepOutcome> {
  if (step.unlessUnreadBy !== undefined) {
    const unread = await countUnread(ctx, await ensureGroup(ctx, step.unlessUnreadBy));
    if (unread >= step.count) {
      ctx.terminal.info(`Your topic ${ctx.kafka.topic} already holds ${unread} messages this group has not read; no need for more.`);
      ctx.run.sent[step.as] = [];
      return CONTINUE;
    }
  }
  if (step.settle) await settle(ctx, step.settle);
  const stamp = new Date().toISOString().slice(11, 19);
  const values = Array.from({ length: step.count }, (_, i) => fillIn(step.text, { ...ctx.vars, n: String(i + 1), time: stamp }));
  const sent = await ctx.kafka.produce(values);
  ctx.run.sent[step.as] = sent;
  ctx.terminal.info(`kafka-tutor produced ${sent.length} message(s) into ${ctx.kafka.topic}: ${sent.map((m) => `"${m.value}" (offset ${m.offset})`).join(', ')}`);
  return CONTINUE;
}
