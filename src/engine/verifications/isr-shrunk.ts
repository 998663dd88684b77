/** The stopped broker dropped out of every partition's in-sync replicas, and the others stayed in. */
import { NOTHING_STOPPED, seenPartitions, waitForPartitions } from './replicas.js';
import type { Verification } from './types.js';

/**
 * @example
 *   await verifyIsrShrunk(ctx, {}, 20_000) // happened: 'partition 0: leader broker 3, in sync 3, 1'
 */
export const verifyIsrShrunk: Verification = async (ctx, _params, timeoutMs) => {
  const stopped = ctx.run.brokerStopped;
  if (!stopped) return NOTHING_STOPPED;
  const { ok, partitions } = await waitForPartitions(ctx, (p) => !p.isr.includes(stopped.nodeId) && p.isr.length > 0, timeoutMs);
  return {
    ok,
    expected: `broker ${stopped.nodeId} to leave the in-sync replicas of every partition, and the running replicas to stay in`,
    happened: seenPartitions(ok, partitions, timeoutMs),
    hint: 'A replica is in sync while it keeps fetching from the leader; a stopped broker fetches nothing.',
  };
};
