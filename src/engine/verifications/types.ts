import type { Context } from '../context.js';
import type { EventOf, ProgramEvent } from '../../kafka/events.js';
import type { SentMessage } from '../../kafka/lesson-side.js';
import type { Verdict } from './verdict.js';

export type VerifyContext = Pick<Context, 'programs' | 'kafka' | 'run' | 'signal' | 'now' | 'sleep' | 'vars' | 'lesson' | 'progress' | 'flags' | 'terminal' | 'askPassword' | 'writtenByOthers'>;

/** A named verification: waits (at most `timeoutMs`) for Kafka to show what the lesson claims. */
export type Verification = (ctx: VerifyContext, params: Record<string, unknown>, timeoutMs: number) => Promise<Verdict>;

/**
 * A string parameter of a verify step (the course self-check guarantees the names).
 *
 * @example
 *   param({ program: 'consumer' }, 'program') // 'consumer'
 */
export function param(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The messages a program's current run received, in order.
 *
 * @example
 *   received(ctx, 'consumer').map((m) => m.value) // ['a', 'b']
 */
export function received(ctx: Pick<Context, 'programs'>, name: string, runIndex = -1) {
  const run = ctx.programs.history(name).at(runIndex);
  return (run?.events ?? []).flatMap((s) => (s.event.type === 'message' ? [{ ...s.event, at: s.at }] : []));
}

export const at = (m: { partition: number; offset: number }) => `${m.partition}@${m.offset}`;

/**
 * The events without the messages another lesson of the same `check` run wrote meanwhile
 * (its lessons run at once on one topic): what a verification comparing with its own sent messages judges.
 *
 * @example
 *   ownEvents(ctx, events(ctx, 'latest')) // every event in the tutor; under check, not the other lessons' messages
 */
export function ownEvents<E extends ProgramEvent>(ctx: Pick<Context, 'writtenByOthers'>, seen: E[]): E[] {
  const others = ctx.writtenByOthers;
  return others ? seen.filter((e) => e.type !== 'message' || !others(e as EventOf<'message'>)) : seen;
}

/**
 * The events of a program's current run (or an earlier one), in order.
 *
 * @example
 *   events(ctx, 'committer', -2) // the stopped run's events
 */
export function events(ctx: Pick<Context, 'programs'>, name: string, runIndex = -1) {
  return (ctx.programs.history(name).at(runIndex)?.events ?? []).map((s) => s.event);
}

/**
 * Waits until `name` has received every message of `wanted` (or the time is up).
 *
 * @example
 *   await waitForAll(ctx, 'consumer', ctx.run.sent.typed ?? [], 15_000);
 */
export async function waitForAll(ctx: Pick<Context, 'programs' | 'signal'>, name: string, wanted: SentMessage[], timeoutMs: number): Promise<void> {
  await ctx.programs.waitUntil(() => {
    const got = new Set(received(ctx, name).map(at));
    return wanted.every((m) => got.has(at(m))) || undefined;
  }, { timeoutMs, signal: ctx.signal });
}
