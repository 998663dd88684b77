/** The message a stopped consumer was storing is not committed: the group's offset, read from the broker, stays before it. */
import { readInterruptedCommit } from './interrupted.js';
import type { Verification } from './types.js';
import { describeRef } from './verdict.js';

/**
 * @example
 *   await verifyNotCommitted(ctx, { program: 'committer', group: 'commit' }, 20_000) // happened: 'it is 4, so the message is still to be read'
 */
export const verifyNotCommitted: Verification = async (ctx, params) => {
  const read = await readInterruptedCommit(ctx, params);
  if ('ok' in read) return read;
  const { storing, group, committed } = read;
  // A committed offset names the next message to read: beyond the interrupted one, it is lost.
  const ok = committed === null || committed <= storing.offset;
  return {
    ok,
    expected: `group ${group}'s committed offset on partition ${storing.partition} to stay at or before the interrupted message (${describeRef(storing)})`,
    happened: ok ? `it is ${committed ?? 'not set yet'}, so the message is still to be read` : `it is ${committed}: the message would be lost`,
    hint: 'Commit a message only after storing it.',
  };
};
