/** After a hard kill, the restarted consumer waits for the group to give up on the dead member. */
import type { ProgramRun } from '../programs.js';
import { param, type Verification } from './types.js';

const NOTICEABLE_WAIT_S = 3;

/**
 * How long the restarted consumer waited to be assigned, against the earlier (clean) restarts.
 *
 * @example
 *   await verifyRejoinWait(ctx, { program: 'committer' }, 90_000) // happened: 'it waited 9.9 s …'
 */
export const verifyRejoinWait: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const assigned = await ctx.programs.waitFor(name, (e) => e.type === 'assigned', { timeoutMs, signal: ctx.signal });
  const waitOf = (run: ProgramRun | undefined) => {
    const seen = run?.events.find((s) => s.event.type === 'assigned');
    return run && seen ? (seen.at - run.startedAt) / 1000 : undefined;
  };
  const history = ctx.programs.history(name);
  const now = waitOf(history.at(-1));
  const clean = history.slice(0, -1).map(waitOf).filter((w): w is number => w !== undefined);
  const fastest = clean.length ? Math.min(...clean) : 0;
  return {
    // A wait no longer than a clean start would mean the group never waited for the dead member.
    ok: assigned !== undefined && now !== undefined && now >= fastest + NOTICEABLE_WAIT_S,
    expected: `after a hard kill, the restarted ${name} to get its partition only once the group gives up on the killed member`,
    happened:
      now === undefined
        ? `it was not assigned within ${timeoutMs / 1000} s`
        : `it waited ${now.toFixed(1)} s for its partition${clean.length ? ` (after the clean start it took ${fastest.toFixed(1)} s)` : ''}`,
    hint: 'The wait is the group session timeout: the broker waits that long for a member that vanished without leaving.',
  };
};
