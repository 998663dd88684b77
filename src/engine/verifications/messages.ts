/**
 * Verifications about which messages reached which consumer: delivery in order,
 * earliest versus latest, and a group resuming from its committed offsets.
 */
import { verifyDelivered as checkDelivered, verifyResumed as checkResumed } from '../../experiments/index.js';
import type { SentMessage } from '../kafka-side.js';
import type { Finding } from '../steps/outcome.js';
import { at, events, param, received, type Verification, type VerifyContext } from './types.js';

const list = (ms: { value: string }[]) => ms.map((m) => `"${m.value}"`).join(', ') || 'nothing';

/** Waits until `name` has received every message of `wanted` (or the time is up). */
async function waitForAll(ctx: VerifyContext, name: string, wanted: SentMessage[], timeoutMs: number): Promise<void> {
  await ctx.programs.waitUntil(() => {
    const got = new Set(received(ctx, name).map(at));
    return wanted.every((m) => got.has(at(m))) || undefined;
  }, { timeoutMs, signal: ctx.signal });
}

/**
 * Every message typed reached the consumer, in the order typed; reports the end-to-end latency.
 *
 * @example
 *   await verifyDelivered(ctx, { program: 'consumer', messages: 'typed' }, 15_000)
 */
export const verifyDelivered: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const sent = ctx.run.sent[param(params, 'messages')] ?? [];
  await waitForAll(ctx, name, sent, timeoutMs);
  const verdict = checkDelivered(sent.map((m) => m.value), events(ctx, name));
  const latencies = received(ctx, name).flatMap((m) => sent.filter((s) => at(s) === at(m)).map((s) => m.at - s.sentAt));
  return {
    ...verdict,
    ok: verdict.ok && sent.length > 0,
    details: latencies.length ? [`End-to-end latency (sent → printed): ${Math.min(...latencies)}–${Math.max(...latencies)} ms`] : [],
  };
};

/**
 * A message produced now reaches every listed consumer.
 *
 * @example
 *   await verifyReachedAll(ctx, { programs: ['earliest', 'latest'], messages: 'fresh' }, 15_000)
 */
export const verifyReachedAll: Verification = async (ctx, params, timeoutMs) => {
  const names = (params.programs as string[] | undefined) ?? [];
  const sent = ctx.run.sent[param(params, 'messages')] ?? [];
  for (const name of names) await waitForAll(ctx, name, sent, timeoutMs);
  const missing = names.filter((name) => !sent.every((m) => received(ctx, name).some((r) => at(r) === at(m))));
  return {
    ok: sent.length > 0 && missing.length === 0,
    expected: `${list(sent)} to reach ${names.join(' and ')}`,
    happened: missing.length === 0 ? `it reached ${names.join(' and ')}` : `it did not reach ${missing.join(' and ')}`,
    hint: 'Both consumers must still be running; their lines start with their names.',
  };
};

/**
 * The earliest group read what was already in the topic; the latest group did not.
 *
 * @example
 *   await verifyEarliestLatest(ctx, { earliest: 'earliest', latest: 'latest' }, 20_000)
 */
export const verifyEarliestLatest: Verification = async (ctx, params, timeoutMs) => {
  const earliest = param(params, 'earliest');
  const latest = param(params, 'latest');
  const highOf = (name: string) => ctx.run.highAtSpawn[name]?.at(-1) ?? {};
  const old = (name: string, m: { partition: number; offset: number }) => m.offset < (highOf(name)[m.partition] ?? 0);
  const before = Object.values(highOf(earliest)).reduce((a, b) => a + b, 0);
  await ctx.programs.waitUntil(() => {
    const last = received(ctx, earliest).filter((m) => old(earliest, m));
    return Object.entries(highOf(earliest)).every(([p, h]) => h === 0 || last.some((m) => m.partition === Number(p) && m.offset === h - 1)) || undefined;
  }, { timeoutMs, signal: ctx.signal });
  const earliestOld = received(ctx, earliest).filter((m) => old(earliest, m));
  const latestOld = received(ctx, latest).filter((m) => old(latest, m));
  const finding: Finding = {
    ok: before > 0 && earliestOld.length > 0 && latestOld.length === 0,
    expected: `${earliest} to print the messages already in ${ctx.kafka.topic}, and ${latest} none of them`,
    happened: `${earliest} printed ${earliestOld.length} old message(s), ${latest} printed ${latestOld.length}`,
    hint: 'Both groups must be new: a group with committed offsets ignores auto.offset.reset.',
  };
  return finding;
};

/**
 * A restarted consumer in the same group received exactly the messages produced while it was down.
 *
 * @example
 *   await verifyResumed(ctx, { program: 'latest', messages: 'missed' }, 20_000)
 */
export const verifyResumed: Verification = async (ctx, params, timeoutMs) => {
  const name = param(params, 'program');
  const missed = ctx.run.sent[param(params, 'messages')] ?? [];
  await waitForAll(ctx, name, missed, timeoutMs);
  const verdict = checkResumed(missed.map((m) => m.value), events(ctx, name));
  return { ...verdict, ok: verdict.ok && missed.length > 0 };
};
