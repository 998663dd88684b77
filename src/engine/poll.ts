/**
 * Waiting for the cluster to reach a state: read it again and again, with a bound, never a
 * blind sleep. A read that fails (a broker just went away) is retried until the deadline.
 */
import type { Context } from './context.js';

const POLL_INTERVAL_MS = 500;

/**
 * Calls `read` until `done` holds for its value or `timeoutMs` passed (or the lesson was aborted);
 * returns the last value read (undefined when no read succeeded) and whether `done` held.
 *
 * @example
 *   const { ok, value } = await pollCluster(ctx, () => ctx.kafka.brokers(), (ids) => !ids.includes(2), 60_000);
 */
export async function pollCluster<T>(ctx: Pick<Context, 'sleep' | 'signal' | 'now'>, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<{ ok: boolean; value: T | undefined; error?: unknown }> {
  const deadline = ctx.now() + timeoutMs;
  let value: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      value = await read();
      error = undefined;
      if (done(value)) return { ok: true, value };
    } catch (caught) {
      error = caught;
    }
    if (ctx.signal.aborted || ctx.now() + POLL_INTERVAL_MS > deadline) return { ok: false, value, error };
    await ctx.sleep(POLL_INTERVAL_MS);
  }
}
