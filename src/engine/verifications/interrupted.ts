/**
 * What the verifications of a stopped consume-commit program share: the message
 * it was storing when it stopped, and its group's committed offset read from the
 * broker (not-committed, committed-past), or how its restart began (redelivery,
 * skipped-interrupted).
 */
import type { EventOf, ProgramEvent } from '../../kafka/events.js';
import { committedOffsetOf } from '../../kafka/offsets.js';
import { ensureGroup } from '../groups.js';
import { classifyStop, type StopClassification } from './stop-window.js';
import { events, param, type VerifyContext } from './types.js';
import type { Verdict } from './verdict.js';

export interface InterruptedCommit {
  /** The last message the program started storing. */
  storing: EventOf<'storing-started'>;
  /** Its group's id. */
  group: string;
  /** The group's committed offset on that message's partition, read from the broker (null: none). */
  committed: number | null;
}

/**
 * The message `params.program` was storing and its group's committed offset on the broker,
 * or the verdict that it never started storing one.
 *
 * @example
 *   await readInterruptedCommit(ctx, { program: 'committer', group: 'commit' }) // { storing: { offset: 3, … }, group: 'client1-commit-1', committed: 4 }
 */
export async function readInterruptedCommit(ctx: VerifyContext, params: Record<string, unknown>): Promise<InterruptedCommit | Verdict> {
  const name = param(params, 'program');
  const storing = events(ctx, name).filter((e): e is EventOf<'storing-started'> => e.type === 'storing-started').at(-1);
  if (!storing) return { ok: false, expected: `${name} to have been storing a message when it stopped`, happened: 'it never started storing one', hint: 'Stop it right after a "Start storing" line.' };
  const group = await ensureGroup(ctx, param(params, 'group'));
  return { storing, group, committed: committedOffsetOf(await ctx.kafka.committed(group), storing.partition) };
}

export interface Restart {
  /** Where the previous run's stop fell. */
  stop: StopClassification;
  /** The restarted run's events so far. */
  restarted: ProgramEvent[];
}

/**
 * Waits (at most `timeoutMs`) until the restarted `name` processed a message of the interrupted partition, or failed.
 *
 * @example
 *   const { stop, restarted } = await waitForRestart(ctx, 'committer', 20_000);
 */
export async function waitForRestart(ctx: VerifyContext, name: string, timeoutMs: number): Promise<Restart> {
  const stop = classifyStop(events(ctx, name, -2));
  // Someone else may write to another partition meanwhile: what counts is the interrupted message's partition.
  const partition = stop.interrupted?.partition;
  await ctx.programs.waitFor(name, (e) => (e.type === 'message' && (partition === undefined || e.partition === partition)) || e.type === 'error', { timeoutMs, signal: ctx.signal });
  return { stop, restarted: events(ctx, name) };
}

/**
 * The stop missed the window (and the student went on): the restart simply starts at the group's committed offset.
 *
 * @example
 *   judgeStartAtCommitted('committer', stop, restarted, 20_000) // ok when its first message is offset stop.lastCommitted
 */
export function judgeStartAtCommitted(name: string, { stop, restarted }: Restart, timeoutMs: number): Verdict {
  const first = restarted.find((e) => e.type === 'message');
  const expected = `the restarted ${name} to start at the group's committed offset (${stop.lastCommitted ?? 'none yet'})`;
  const ok = first?.type === 'message' && (stop.lastCommitted === null || first.offset === stop.lastCommitted);
  return { ok, expected, happened: first?.type === 'message' ? `its first message was offset ${first.offset} ("${first.value}")` : `it processed nothing within ${timeoutMs / 1000} s` };
}
