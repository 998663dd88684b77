/**
 * Verifications about the interrupted commit: where the stop fell, what the
 * restarted consumer processed first, and how long a killed consumer's group waits.
 */
import { isMessageEvent, type ProgramEvent } from '../../kafka/events.js';
import type { ProgramRun } from '../programs.js';
import { param, type Verification, type VerifyContext } from './types.js';

type Msg = { partition: number; offset: number; value: string };

/** The message a stopped consume-commit run had started storing but not committed, if any. */
export function findInterrupted(run: ProgramRun | undefined): { interrupted?: Msg; lastCommitted?: number; storing: boolean } {
  const events = (run?.events ?? []).map((s) => s.event);
  const started = events.filter(isMessageEvent).filter((e) => e.type === 'storing-started').at(-1);
  const committed = events.filter((e): e is Extract<ProgramEvent, { type: 'committed' }> => e.type === 'committed').at(-1)?.offset;
  if (!started) return { lastCommitted: committed, storing: false };
  const ended = events.some((e) => e.type === 'storing-ended' && e.offset === started.offset && e.partition === started.partition);
  // Committed offsets name the next message to read: started.offset + 1 means this one was committed.
  const isCommitted = committed !== undefined && committed > started.offset;
  return isCommitted ? { lastCommitted: committed, storing: false } : { interrupted: started, lastCommitted: committed, storing: !ended };
}

async function waitForExit(ctx: VerifyContext, name: string, timeoutMs: number): Promise<ProgramRun | undefined> {
  await ctx.programs.waitUntil(() => ctx.programs.current(name)?.exited || undefined, { timeoutMs, signal: ctx.signal });
  return ctx.programs.current(name);
}

/** Did the stop fall between "Start storing" and the commit? */
export const verifyStopWindow: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const run = await waitForExit(ctx, name, timeoutMs);
  const { interrupted, storing } = findInterrupted(run);
  const expected = `the stop should fall while ${name} is storing a message (between "Start storing" and "End storing")`;
  if (interrupted) {
    return {
      ok: true,
      expected,
      happened: storing
        ? `it stopped while storing "${interrupted.value}" (offset ${interrupted.offset}), before committing it`
        : `it stopped just after storing "${interrupted.value}" (offset ${interrupted.offset}) but before committing it: the same situation`,
    };
  }
  const processed = (run?.events ?? []).some((s) => s.event.type === 'storing-started');
  return {
    ok: false,
    expected,
    happened: processed ? 'it stopped after a commit, between two messages, so nothing was left half-done' : 'it stopped before it began storing any message',
    hint: 'Watch for the "Start storing" line and press a key right after it.',
  };
};

/** The restarted consumer first processes the interrupted message again, and nothing before it. */
export const verifyRedelivery: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const history = ctx.programs.history(name);
  const stopped = history.at(-2);
  const { interrupted, lastCommitted } = findInterrupted(stopped);
  const first = await ctx.programs.waitFor(name, (e) => e.type === 'message' || e.type === 'error', { timeoutMs, signal: ctx.signal });
  const firstOffset = interrupted?.offset ?? lastCommitted;
  const expected = interrupted
    ? `the restarted ${name} should first process the interrupted message "${interrupted.value}" (partition ${interrupted.partition}, offset ${interrupted.offset}) again`
    : `the restarted ${name} should start at the group's committed offset ${lastCommitted ?? '(none)'}`;
  if (first?.type !== 'message') {
    return { ok: false, expected, happened: first?.type === 'error' ? `it failed: ${first.message}` : `it processed nothing within ${timeoutMs / 1000} s`, hint: 'Is the topic empty after the committed offset? Produce a message and try again.' };
  }
  const ok = firstOffset === undefined || (first.offset === firstOffset && (!interrupted || first.partition === interrupted.partition));
  return {
    ok,
    expected,
    happened: `its first message was "${first.value}" (partition ${first.partition}, offset ${first.offset})${ok && interrupted ? ': delivered a second time, at least once' : ''}`,
    hint: 'The restart must use the same group id; it is shown above.',
  };
};

/** How long the restarted consumer waited to be assigned, against the previous (clean) restart. */
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
  return {
    ok: assigned !== undefined,
    expected: `after a hard kill, the restarted ${name} should get its partition only once the group gives up on the killed member`,
    happened:
      now === undefined
        ? `it was not assigned within ${timeoutMs / 1000} s`
        : `it waited ${now.toFixed(1)} s for its partition${clean.length ? ` (after a clean stop it took ${Math.min(...clean).toFixed(1)} s)` : ''}`,
    hint: 'The wait is the group session timeout: the broker waits that long for a member that vanished without leaving.',
  };
};
