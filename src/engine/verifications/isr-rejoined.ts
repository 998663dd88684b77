/** The restarted broker caught up and is back in the in-sync replicas of every partition. */
import { NOTHING_STOPPED, seenPartitions, waitForPartitions } from './replicas.js';
import type { Verification } from './types.js';

/**
 * @example
 *   await verifyIsrRejoined(ctx, {}, 60_000) // happened: 'partition 0: leader broker 3, in sync 3, 1, 2'
 */
export const verifyIsrRejoined: Verification = async (ctx, _params, timeoutMs) => {
  const stopped = ctx.run.brokerStopped;
  if (!stopped) return NOTHING_STOPPED;
  const { ok, partitions } = await waitForPartitions(ctx, (p) => p.isr.includes(stopped.nodeId) && p.replicas.every((r) => p.isr.includes(r)), timeoutMs);
  return {
    ok,
    expected: `broker ${stopped.nodeId}, back, to catch up and rejoin the in-sync replicas of every partition`,
    happened: seenPartitions(ok, partitions, timeoutMs),
    hint: `Is it running? kafka-tutor sandbox status (and kafka-tutor sandbox start --broker ${stopped.nodeId})`,
  };
};
