/** Where a consume-commit program's stop fell: the lessons' window is between "Start storing" and "End storing". */
import type { EventOf, ProgramEvent } from '../../kafka/events.js';
import { events, param, type Verification } from './types.js';
import { describeRef, type MessageRef } from './verdict.js';

export type StopPosition =
  /** Between "Start storing" and "End storing": the lesson's window. */
  | 'while-storing'
  /** After "End storing", before "Message committed": not committed either, so also redelivered. */
  | 'before-commit'
  /** After the message was both stored and committed: nothing was in hand. */
  | 'between-messages'
  /** It never started storing a message. */
  | 'before-first-message';

export interface StopClassification {
  position: StopPosition;
  /** The message in hand when it stopped (while-storing, before-commit); `committed` when the program had committed it before storing. */
  interrupted?: MessageRef & { value: string; committed: boolean };
  /** The last offset the program committed (the next it would read), or null. */
  lastCommitted: number | null;
  /** One sentence for the student. */
  description: string;
}

/**
 * Where a consume-commit run's stop fell, from its events, in order: a commit
 * after "Start storing" (the course's program) or before it (`--commit-before-store`).
 *
 * @example
 *   classifyStop(run.seen) // { position: 'while-storing', interrupted: { partition: 0, offset: 7, value: 'c', committed: false }, lastCommitted: 7, … }
 */
export function classifyStop(seen: readonly ProgramEvent[]): StopClassification {
  const startIndex = seen.findLastIndex((e) => e.type === 'storing-started');
  const commits = seen.filter((e): e is EventOf<'committed'> => e.type === 'committed');
  const lastCommitted = commits.at(-1)?.offset ?? null;
  const started = seen[startIndex];
  if (started?.type !== 'storing-started') return { position: 'before-first-message', lastCommitted, description: 'It stopped before it started storing any message.' };
  // A committed offset names the next message to read: offset + 1 means this one is done.
  const commitsIt = (e: ProgramEvent) => e.type === 'committed' && e.partition === started.partition && e.offset > started.offset;
  const committedFirst = seen.slice(0, startIndex).some(commitsIt);
  const after = seen.slice(startIndex + 1);
  const ref = { partition: started.partition, offset: started.offset, value: started.value, committed: committedFirst };
  const ended = after.some((e) => e.type === 'storing-ended' && e.partition === started.partition && e.offset === started.offset);
  if (after.some(commitsIt) || (ended && committedFirst)) return { position: 'between-messages', lastCommitted, description: `It stopped after storing and committing ${describeRef(ref)}: no message was in hand.` };
  if (ended) return { position: 'before-commit', interrupted: ref, lastCommitted, description: `It stopped after storing ${describeRef(ref)} but before committing it.` };
  const commit = committedFirst ? 'after committing it' : 'before committing it';
  return { position: 'while-storing', interrupted: ref, lastCommitted, description: `It stopped while storing ${describeRef(ref)} ("${ref.value}"), ${commit}.` };
}

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
    ctx.run.interrupted[name] = { partition: stop.interrupted.partition, offset: stop.interrupted.offset, committed: stop.interrupted.committed };
    return { ok: true, expected, happened };
  }
  return { ok: false, expected, happened, hint: 'Watch for the "Start storing" line and press a key right after it.' };
};
