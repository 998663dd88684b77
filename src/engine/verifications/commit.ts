/**
 * Verifications about the interrupted commit: where the stop fell, what the
 * restarted consumer processed first, and how long a killed consumer's group waits.
 */
import { classifyStop, verifyRedelivery as checkRedelivery } from '../../experiments/index.js';
import type { ProgramRun } from '../programs.js';
import { events, param, type Verification } from './types.js';

/**
 * Did the stop fall between "Start storing" and the commit? (Read once the program has exited.)
 *
 * @example
 *   await verifyStopWindow(ctx, { program: 'committer' }, 20_000) // { ok: true, happened: 'it stopped while storing offset 1 …' }
 */
export const verifyStopWindow: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  await ctx.programs.waitUntil(() => ctx.programs.current(name)?.exited || undefined, { timeoutMs, signal: ctx.signal });
  const stop = classifyStop(events(ctx, name));
  const happened = stop.description.replace(/\.$/, '').replace(/^It/, 'it');
  const expected = `the stop to fall while ${name} stores a message (between "Start storing" and "End storing")`;
  if (stop.interrupted) {
    // Remembered for the pictures that follow: the student's stop, not any later one.
    ctx.run.interrupted[name] = { partition: stop.interrupted.partition, offset: stop.interrupted.offset };
    return { ok: true, expected, happened };
  }
  return { ok: false, expected, happened, hint: 'Watch for the "Start storing" line and press a key right after it.' };
};

/**
 * The restarted consumer first processes the interrupted message again, and nothing before it.
 *
 * @example
 *   await verifyRedelivery(ctx, { program: 'committer' }, 20_000)
 */
export const verifyRedelivery: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const stop = classifyStop(events(ctx, name, -2));
  await ctx.programs.waitFor(name, (e) => e.type === 'message' || e.type === 'error', { timeoutMs, signal: ctx.signal });
  if (stop.interrupted) return checkRedelivery(stop.interrupted, events(ctx, name));
  // The stop missed the window (and the student went on): the restart simply starts at the committed offset.
  const first = events(ctx, name).find((e) => e.type === 'message');
  const expected = `the restarted ${name} to start at the group's committed offset (${stop.lastCommitted ?? 'none yet'})`;
  const ok = first?.type === 'message' && (stop.lastCommitted === null || first.offset === stop.lastCommitted);
  return { ok, expected, happened: first?.type === 'message' ? `its first message was offset ${first.offset} ("${first.value}")` : `it processed nothing within ${timeoutMs / 1000} s` };
};

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
