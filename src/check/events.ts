import type { ProgramEvent } from '../kafka/events.js';
import type { Received } from './watcher.js';

/**
 * What an in-process watcher received, as the `message` events a lesson
 * program prints: so that `check` judges with the lessons' own verifications
 * (src/experiments/).
 *
 * @example
 *   verifyDelivered(['a', 'b'], asMessageEvents(watcher.received, ctx.topic))
 */
export function asMessageEvents(received: readonly Received[], topic: string): ProgramEvent[] {
  return received.map((m) => ({ type: 'message', time: new Date(0).toISOString(), topic, partition: m.partition, offset: m.offset, value: m.value }));
}

/** A verdict's failure as a check failure: what was expected, what happened, what to try. */
export function failureOf(verdict: { expected: string; happened: string; hint?: string | undefined }): { message: string; fix?: string | undefined } {
  return { message: `Expected ${verdict.expected}, but ${verdict.happened}.`, fix: verdict.hint };
}
