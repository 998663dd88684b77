/** A group shares its topic: each partition goes to exactly one member, and members beyond the partitions get none. */
import type { EventOf } from '../../kafka/events.js';
import type { GroupMembers } from '../../kafka/group-members.js';
import type { Context } from '../context.js';
import type { Verification } from './types.js';
import type { Verdict } from './verdict.js';

/** Between two reads of the group while it settles: a rebalance takes a heartbeat or two. */
const POLL_MS = 250;

export interface MemberShare {
  /** The program's name in the lesson. */
  name: string;
  partitions: number[];
}

const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Judges one settled assignment: each partition 0…count-1 held by exactly one member, and
 * exactly min(members, partitions) members holding any.
 *
 * @example
 *   judgeShared('client1', 1, [{ name: 'first', partitions: [0] }, { name: 'second', partitions: [] }]).ok // true
 */
export function judgeShared(topic: string, partitionCount: number, members: readonly MemberShare[]): Verdict {
  const idle = Math.max(0, members.length - partitionCount);
  const expected = `${partitionCount === 1 ? 'the one partition' : `each of the ${partitionCount} partitions`} of ${topic} to go to exactly one of the ${plural(members.length, 'member')}${idle > 0 ? `, and ${idle} of them to get none` : ', and every member to get one'}`;
  const holders = (p: number) => members.filter((m) => m.partitions.includes(p)).map((m) => m.name);
  const problems: string[] = [];
  for (let p = 0; p < partitionCount; p += 1) {
    const who = holders(p);
    if (who.length === 0) problems.push(`partition ${p} went to no member`);
    if (who.length > 1) problems.push(`partition ${p} went to ${list(who)}`);
  }
  const idleNow = members.filter((m) => m.partitions.length === 0).map((m) => m.name);
  if (problems.length === 0 && idleNow.length !== idle) problems.push(`${list(idleNow)} got no partition`);
  const happened = members.map((m) => `${m.name} ${m.partitions.length ? `holds partition${m.partitions.length === 1 ? '' : 's'} ${m.partitions.join(', ')}` : 'holds none'}`).join('; ');
  if (problems.length > 0) return { ok: false, expected, happened: `${problems.join('; ')} (${happened})`, hint: 'Give the group a moment to finish its rebalance, then look again: kafka-tutor inspect' };
  return { ok: true, expected, happened };
}

/** The latest `assigned` of a program's current run. */
function lastAssigned(ctx: Pick<Context, 'programs'>, name: string): EventOf<'assigned'> | undefined {
  const found = ctx.programs.current(name)?.events.filter((s) => s.event.type === 'assigned').at(-1)?.event;
  return found?.type === 'assigned' ? found : undefined;
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Settled: the broker says Stable with one member per running program, and each program's
 * latest `assigned` is what the broker gave that member (a member that has not yet
 * reported its new share after a rebalance is waited for).
 */
function settled(ctx: Pick<Context, 'programs' | 'kafka'>, names: string[], group: GroupMembers): MemberShare[] | undefined {
  if (group.state !== 'Stable' || group.members.length !== names.length) return undefined;
  const shares: MemberShare[] = [];
  for (const name of names) {
    const event = lastAssigned(ctx, name);
    if (!event) return undefined;
    const partitions = event.partitions.filter((p) => p.topic === ctx.kafka.topic).map((p) => p.partition);
    const broker = group.members.find((m) => m.memberId === event.member);
    if (event.member !== undefined && (!broker || !sameSet(broker.partitions, partitions))) return undefined;
    shares.push({ name, partitions: partitions.sort((a, b) => a - b) });
  }
  return shares;
}

/**
 * Waits until the group of `programs` (those still running) is Stable on the broker with one member
 * each and every member has reported its share, then judges the share. No fixed sleep: it reads
 * the group again on each program event, or after a short poll.
 *
 * @example
 *   await verifySharedPartitions(ctx, { programs: ['first', 'second'] }, 20_000) // happened: 'first holds partition 0; second holds none'
 */
export const verifySharedPartitions: Verification = async (ctx, params, timeoutMs) => {
  const listed = Array.isArray(params.programs) ? params.programs.filter((p): p is string => typeof p === 'string') : [];
  const names = listed.filter((name) => {
    const run = ctx.programs.current(name);
    return run !== undefined && !run.exited && run.stop === undefined;
  });
  const group = names.map((name) => ctx.programs.current(name)?.group).find((g) => g !== undefined);
  const expected = `the running members of ${list(listed)} to share ${ctx.kafka.topic} in one group`;
  if (!group) return { ok: false, expected, happened: 'none of them is running in a group', hint: 'Start the consumers again: choose "Try this part again".' };
  const partitionCount = (await ctx.kafka.offsets()).length;
  const deadline = ctx.now() + timeoutMs;
  let last: GroupMembers = { state: 'unknown', members: [] };
  for (;;) {
    const seen = names.reduce((n, name) => n + (ctx.programs.current(name)?.events.length ?? 0), 0);
    last = await ctx.kafka.members(group);
    const shares = settled(ctx, names, last);
    if (shares) {
      const verdict = judgeShared(ctx.kafka.topic, partitionCount, shares);
      return { ...verdict, details: [`The broker describes group ${group} as ${last.state} with ${plural(last.members.length, 'member')} on ${plural(partitionCount, 'partition')}.`] };
    }
    const left = deadline - ctx.now();
    if (left <= 0 || ctx.signal.aborted) break;
    // Wake on the next program event (a member reports its share) or re-read the group shortly.
    await ctx.programs.waitUntil(() => (names.reduce((n, name) => n + (ctx.programs.current(name)?.events.length ?? 0), 0) !== seen ? true : undefined), { timeoutMs: Math.min(POLL_MS, left), signal: ctx.signal });
  }
  return {
    ok: false,
    expected,
    happened: `within ${timeoutMs / 1000} s the group did not settle: the broker described it as ${last.state} with ${plural(last.members.length, 'member')} while ${plural(names.length, 'program')} ran`,
    hint: 'A member that stopped without leaving stays in the group until its session timeout; wait a little and try this part again.',
  };
};
