/** Lesson 2, first part: auto.offset.reset decides where a new group starts. */
import type { ProgramEvent } from '../kafka/events.js';
import { messagesOf, quoteValues, type Verdict } from './verdict.js';

/**
 * The earliest consumer received the messages already in the topic when it
 * joined (in order), the latest consumer received none of them, and each
 * value of `newValues` (sent after both joined) reached both.
 *
 * @example
 *   verifyEarliestLatest(['old1', 'old2'], earliest.seen, latest.seen, ['new1']).ok // true
 */
export function verifyEarliestLatest(existingValues: readonly string[], earliestEvents: readonly ProgramEvent[], latestEvents: readonly ProgramEvent[], newValues: readonly string[] = []): Verdict {
  const early = messagesOf(earliestEvents).map((m) => m.value);
  const late = messagesOf(latestEvents).map((m) => m.value);
  const expected = `the earliest consumer to print the ${existingValues.length} message(s) already in the topic and the latest consumer none of them${newValues.length ? `; then ${quoteValues(newValues)} to reach both` : ''}`;
  const earlyMissing = existingValues.filter((v) => !early.includes(v));
  if (earlyMissing.length > 0) {
    return { ok: false, expected, happened: `the earliest consumer never printed ${quoteValues(earlyMissing)}`, hint: 'A group that already committed offsets resumes from them: use a new group id for the earliest consumer.' };
  }
  const lateOld = existingValues.filter((v) => late.includes(v));
  if (lateOld.length > 0) {
    return { ok: false, expected, happened: `the latest consumer printed old messages too: ${quoteValues(lateOld)}`, hint: 'Did its group read this topic before? "latest" only applies to a group without committed offsets.' };
  }
  const notBoth = newValues.filter((v) => !early.includes(v) || !late.includes(v));
  if (notBoth.length > 0) {
    const who = notBoth.map((v) => (!early.includes(v) && !late.includes(v) ? 'neither consumer' : !early.includes(v) ? 'the earliest consumer' : 'the latest consumer'));
    return { ok: false, expected, happened: `${quoteValues(notBoth)} did not reach ${[...new Set(who)].join(' and ')}`, hint: 'Both consumers must be running (and assigned) when the new message is sent.' };
  }
  return { ok: true, expected, happened: `the earliest consumer printed ${existingValues.length} old message(s), the latest none${newValues.length ? ', and both printed the new one' : ''}` };
}
