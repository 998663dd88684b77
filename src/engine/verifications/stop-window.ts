/** Where a consume-commit program's stop fell: the lesson's window is between "Start storing" and "End storing". */
import type { EventOf, ProgramEvent } from '../../kafka/events.js';
import { events, param, type Verification } from './types.js';
import { describeRef, type MessageRef } from './verdict.js';

export type StopPosition =
  /** Between "Start storing" and "End storing": the lesson's window. */
  | 'while-storing'
  /** After "End storing", before "Message committed": not committed either, so also redelivered. */
  | 'before-commit'
  /** After a commit: nothing was in hand, nothing will be redelivered. */
  | 'between-messages'
  /** It never started storing a message. */
  | 'before-first-message';

export interface StopClassification {
  position: StopPosition;
  /** The message in hand and not committed when it stopped (while-storing, before-commit). */
  interrupted?: MessageRef & { value: string };
  /** The last offset the program committed (the next it would read), or null. */
  lastCommitted: number | null;
  /** One sentence for the student. */
  description: string;
}

/**
 * Where a consume-commit run's stop fell, from its events.
 *
 * @example
 *   classifyStop(run.seen) // { position: 'while-storing', interrupted: { partition: 0, offset: 7, value: 'c' }, lastCommitted: 7, … }
 */
export function classifyStop(seen: readonly ProgramEvent[]): StopClassification {
  const started = seen.filter((e): e is EventOf<'storing-started'> => e.type === 'storing-started').at(-1);
  const commits = seen.filter((e): e is EventOf<'committed'> => e.type === 'committed');
  const lastCommitted = commits.at(-1)?.offset ?? null;
  if (!started) return { position: 'before-first-message', lastCommitted, description: 'It stopped before it started storing any message.' };
  const ref = { partition: started.partition, offset: started.offset, value: started.value };
  const ended = seen.some((e) => e.type === 'storing-ended' && e.partition === started.partition && e.offset === started.offset);
  // A committed offset names the next message to read: offset + 1 means this one is done.
  const committed = commits.some((c) => c.partition === started.partition && c.offset > started.offset);
  if (committed) return { position: 'between-messages', lastCommitted, description: `It stopped after committing ${describeRef(ref)}: no message was in hand.` };
  if (ended) return { position: 'before-commit', interrupted: ref, lastCommitted, description: `It stopped after storing ${describeRef(ref)} but before committing it.` };
  return { position: 'while-storing', interrupted: ref, lastCommitted, description: `It stopped while storing ${describeRef(ref)} ("${ref.value}"), before committing it.` };
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
    ctx.run.interrupted[name] = { partition: stop.interrupted.partition, offset: stop.interrupted.offset };
    return { ok: true, expected, happened };
  }
  return { ok: false, expected, happened, hint: 'Watch for the "Start storing" line and press a key right after it.' };
};
