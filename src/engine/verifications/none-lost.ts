/** A consumer read every acknowledged message, at the partition and offset the broker acknowledged: none was lost. */
import type { SentMessage } from '../../kafka/lesson-side.js';
import { at, received, waitForAll, type Verification } from './types.js';
import { quoteValues } from './verdict.js';

/**
 * @example
 *   await verifyNoneLost(ctx, { program: 'reader', messages: ['before', 'while-down'] }, 20_000) // happened: 'it read all 6 …'
 */
export const verifyNoneLost: Verification = async (ctx, params, timeoutMs) => {
  const name = typeof params.program === 'string' ? params.program : '';
  const keys = Array.isArray(params.messages) ? params.messages.filter((k): k is string => typeof k === 'string') : [];
  const sent: SentMessage[] = keys.flatMap((key) => ctx.run.sent[key] ?? []);
  await waitForAll(ctx, name, sent, timeoutMs);
  const got = new Map(received(ctx, name).map((m) => [at(m), m.value]));
  // Same place and same text: the message the broker acknowledged, not another one.
  const missing = sent.filter((m) => got.get(at(m)) !== m.value);
  const ok = sent.length > 0 && missing.length === 0;
  return {
    ok,
    expected: `${name} to read all ${sent.length} acknowledged messages (${keys.join(' and ')}), each at the offset the broker gave it`,
    happened: ok ? `it read all ${sent.length}: none was lost` : `it never read ${quoteValues(missing.map((m) => `${m.value} (${at(m)})`))}`,
    hint: `${name} must read the topic from the earliest offset; its lines start with its name.`,
  };
};
