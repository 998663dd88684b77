/** The stopped broker dropped out of every partition's in-sync replicas, and the others stayed in. */
import { describePartitions, NOTHING_STOPPED, waitForPartitions } from './replicas.js';
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
    happened: ok ? describePartitions(partitions).join('; ') : `after ${Math.round(timeoutMs / 1000)} s: ${describePartitions(partitions).join('; ') || 'no partition could be read'}`,
    hint: 'A replica is in sync while it keeps fetching from the leader; a stopped broker fetches nothing.',
  };
};
