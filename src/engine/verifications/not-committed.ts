/** The message a stopped consumer was storing is not committed: the group's offset, read from the broker, stays before it. */
import type { EventOf } from '../../kafka/events.js';
import { committedOffsetOf } from '../../kafka/offsets.js';
import { ensureGroup } from '../groups.js';
import { events, param, type Verification } from './types.js';
import { describeRef } from './verdict.js';

/**
 * @example
 *   await verifyNotCommitted(ctx, { program: 'committer', group: 'commit' }, 20_000) // happened: 'it stayed at 4'
 */
export const verifyNotCommitted: Verification = async (ctx, params) => {
  const name = param(params, 'program');
  const storing = events(ctx, name).filter((e): e is EventOf<'storing-started'> => e.type === 'storing-started').at(-1);
  if (!storing) return { ok: false, expected: `${name} to have been storing a message when it stopped`, happened: 'it never started storing one', hint: 'Stop it right after a "Start storing" line.' };
  const group = await ensureGroup(ctx, param(params, 'group'));
  const committed = committedOffsetOf(await ctx.kafka.committed(group), storing.partition);
  // A committed offset names the next message to read: beyond the interrupted one, it is lost.
  const ok = committed === null || committed <= storing.offset;
  return {
    ok,
    expected: `group ${group}'s committed offset on partition ${storing.partition} to stay at or before the interrupted message (${describeRef(storing)})`,
    happened: ok ? `it is ${committed ?? 'not set yet'}, so the message is still to be read` : `it is ${committed}: the message would be lost`,
    hint: 'Commit a message only after storing it.',
  };
};
