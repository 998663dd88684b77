/** auto.offset.reset: a new earliest group reads what was already in the topic; a new latest group does not. */
import { param, received, type Verification } from './types.js';

/**
 * "Old" means below the topic's end when the program started.
 *
 * @example
 *   await verifyEarliestLatest(ctx, { earliest: 'earliest', latest: 'latest' }, 20_000)
 */
export const verifyEarliestLatest: Verification = async (ctx, params, timeoutMs) => {
  const earliest = param(params, 'earliest');
  const latest = param(params, 'latest');
  const highOf = (name: string) => ctx.run.highAtSpawn[name]?.at(-1) ?? {};
  const old = (name: string, m: { partition: number; offset: number }) => m.offset < (highOf(name)[m.partition] ?? 0);
  const before = Object.values(highOf(earliest)).reduce((a, b) => a + b, 0);
  // The last old message of each partition: a long backlog may be summarized, its end never is.
  await ctx.programs.waitUntil(() => {
    const last = received(ctx, earliest).filter((m) => old(earliest, m));
    return Object.entries(highOf(earliest)).every(([p, h]) => h === 0 || last.some((m) => m.partition === Number(p) && m.offset === h - 1)) || undefined;
  }, { timeoutMs, signal: ctx.signal });
  const earliestOld = received(ctx, earliest).filter((m) => old(earliest, m));
  const latestOld = received(ctx, latest).filter((m) => old(latest, m));
  return {
    ok: before > 0 && earliestOld.length > 0 && latestOld.length === 0,
    expected: `${earliest} to print the messages already in ${ctx.kafka.topic}, and ${latest} none of them`,
    happened: `${earliest} printed ${earliestOld.length} old message(s), ${latest} printed ${latestOld.length}`,
    hint: 'Both groups must be new: a group with committed offsets ignores auto.offset.reset.',
  };
};
