/** At-most-once: the message a stopped consumer was storing is already committed; the group's offset, read from the broker, is past it. */
import { readInterruptedCommit } from './interrupted.js';
import type { Verification } from './types.js';
import { describeRef } from './verdict.js';

/**
 * @example
 *   await verifyCommittedPast(ctx, { program: 'committer', group: 'first' }, 20_000) // happened: 'it is 4: the group will never read it again'
 */
export const verifyCommittedPast: Verification = async (ctx, params) => {
  const read = await readInterruptedCommit(ctx, params);
  if ('ok' in read) return read;
  const { storing, group, committed } = read;
  // A committed offset names the next message to read: past the interrupted one, the group is done with it.
  const ok = committed !== null && committed > storing.offset;
  return {
    ok,
    expected: `group ${group}'s committed offset on partition ${storing.partition} to be past the interrupted message (${describeRef(storing)})`,
    happened: ok ? `it is ${committed}: the group will never read that message again` : `it is ${committed ?? 'not set yet'}, so the message is still to be read`,
    hint: 'Start consume-commit with --commit-before-store: it commits each message before storing it.',
  };
};
