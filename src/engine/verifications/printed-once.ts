/** Across a group's members (all their runs), every produced message was printed, and no message twice. */
import type { SentMessage } from '../../kafka/lesson-side.js';
import type { Context } from '../context.js';
import { at, ownEvents, param, type Verification } from './types.js';
import { describeRef, quoteValues, type Verdict } from './verdict.js';

export interface Print {
  /** The program that printed it. */
  name: string;
  partition: number;
  offset: number;
  value: string;
}

/**
 * Every sent message printed by some member, and no message (sent or older) printed more than once.
 *
 * @example
 *   judgePrintedOnce([{ value: 'a', partition: 0, offset: 4 }], [{ name: 'second', partition: 0, offset: 4, value: 'a' }]).ok // true
 */
export function judgePrintedOnce(sent: readonly Pick<SentMessage, 'value' | 'partition' | 'offset'>[], prints: readonly Print[]): Verdict {
  const expected = `the group's members together to print ${quoteValues(sent.map((m) => m.value))}, each exactly once`;
  const byRef = new Map<string, Print[]>();
  for (const p of prints) byRef.set(at(p), [...(byRef.get(at(p)) ?? []), p]);
  const twice = [...byRef.values()].find((ps) => ps.length > 1);
  if (twice) {
    const first = twice[0]!;
    return {
      ok: false,
      expected,
      happened: `"${first.value}" (${describeRef(first)}) was printed by ${twice.map((p) => p.name).join(' and again by ')}`,
      hint: 'A member stopped before it committed what it had printed, so the member that took over its partition read it again: at-least-once, not exactly-once.',
    };
  }
  const missing = sent.filter((m) => !byRef.has(at(m)));
  if (missing.length > 0) {
    return { ok: false, expected, happened: `no member printed ${quoteValues(missing.map((m) => m.value))}`, hint: 'Wait until the group has finished its rebalance (every member "Assigned partitions") before producing.' };
  }
  const names = [...new Set(sent.map((m) => byRef.get(at(m))![0]!.name))];
  const who = names.map((name) => `${name} printed ${quoteValues(sent.filter((m) => byRef.get(at(m))![0]!.name === name).map((m) => m.value))}`);
  return { ok: true, expected, happened: `${who.join('; ')}, and no message was printed twice` };
}

/** Every message printed by any run of these programs, in arrival order (under check, not the other lessons' messages). */
function printsOf(ctx: Pick<Context, 'programs' | 'writtenByOthers'>, names: readonly string[]): Print[] {
  return names
    .flatMap((name) => ctx.programs.history(name).flatMap((run) => run.events.flatMap((s) => (s.event.type === 'message' && ownEvents(ctx, [s.event]).length > 0 ? [{ name, partition: s.event.partition, offset: s.event.offset, value: s.event.value, seen: s.at }] : []))))
    .sort((a, b) => a.seen - b.seen)
    .map(({ seen: _seen, ...p }) => p);
}

/**
 * Waits until the group's members have printed every message of `messages`, then judges that none was printed twice.
 *
 * @example
 *   await verifyPrintedOnce(ctx, { programs: ['first', 'second', 'third'], messages: 'after-stop' }, 20_000)
 */
export const verifyPrintedOnce: Verification = async (ctx, params, timeoutMs) => {
  const names = Array.isArray(params.programs) ? params.programs.filter((p): p is string => typeof p === 'string') : [];
  const sent = ctx.run.sent[param(params, 'messages')] ?? [];
  await ctx.programs.waitUntil(() => {
    const got = new Set(printsOf(ctx, names).map(at));
    return sent.every((m) => got.has(at(m))) || undefined;
  }, { timeoutMs, signal: ctx.signal });
  const verdict = judgePrintedOnce(sent, printsOf(ctx, names));
  return { ...verdict, ok: verdict.ok && sent.length > 0 };
};
