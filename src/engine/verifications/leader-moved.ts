/** The stopped broker led a partition; another in-sync replica was elected its leader. */
import { NOTHING_STOPPED, seenPartitions, waitForPartitions } from './replicas.js';
import type { Verification } from './types.js';

/**
 * @example
 *   await verifyLeaderMoved(ctx, {}, 20_000) // happened: 'partition 0: leader broker 3, in sync 3, 1'
 */
export const verifyLeaderMoved: Verification = async (ctx, _params, timeoutMs) => {
  const stopped = ctx.run.brokerStopped;
  if (!stopped) return NOTHING_STOPPED;
  const { ok, partitions } = await waitForPartitions(ctx, (p) => p.leader !== null && p.leader !== stopped.nodeId, timeoutMs);
  const before = Object.entries(stopped.leaders).map(([p, leader]) => `partition ${p}: ${leader === null ? 'none' : `broker ${leader}`}`).join('; ');
  return {
    ok,
    expected: `a broker other than ${stopped.nodeId} to lead every partition of ${ctx.kafka.topic} (leader before the stop: ${before})`,
    happened: `${ok ? 'the cluster elected one: ' : ''}${seenPartitions(ok, partitions, timeoutMs)}`,
    hint: 'A new leader can only come from the in-sync replicas: a topic with replication factor 1 has none to spare.',
  };
};
