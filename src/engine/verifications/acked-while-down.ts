/** Messages produced with acks=all were acknowledged while the stopped broker was out of the in-sync replicas. */
import { param, type Verification } from './types.js';
import { describePartitions, NOTHING_STOPPED, waitForPartitions } from './replicas.js';

/**
 * @example
 *   await verifyAckedWhileDown(ctx, { messages: 'while-down' }, 20_000) // happened: '3 were acknowledged, at offsets 4–6 …'
 */
export const verifyAckedWhileDown: Verification = async (ctx, params) => {
  const stopped = ctx.run.brokerStopped;
  if (!stopped) return NOTHING_STOPPED;
  const sent = ctx.run.sent[param(params, 'messages')] ?? [];
  const acked = sent.filter((m) => m.offset >= 0);
  // Read once, now: the broker must still be out, or the acks could have come from all three.
  const [brokers, { partitions }] = await Promise.all([ctx.kafka.brokers(), waitForPartitions(ctx, () => true, 0)]);
  const stillDown = !brokers.includes(stopped.nodeId) && partitions.every((p) => !p.isr.includes(stopped.nodeId));
  const ok = sent.length > 0 && acked.length === sent.length && stillDown;
  const offsets = acked.map((m) => `${m.partition}@${m.offset}`).join(', ');
  return {
    ok,
    expected: `the ${sent.length} messages "${param(params, 'messages')}", produced with acks=all, to be acknowledged by the in-sync replicas without broker ${stopped.nodeId}`,
    happened: !stillDown
      ? `broker ${stopped.nodeId} is back in the cluster, so this cannot tell (${describePartitions(partitions).join('; ')})`
      : acked.length === sent.length && sent.length > 0
        ? `all ${sent.length} were acknowledged (partition@offset ${offsets}) while ${describePartitions(partitions).join('; ')}`
        : `${acked.length} of ${sent.length} were acknowledged`,
    hint: `Keep broker ${stopped.nodeId} stopped until the messages are written.`,
  };
};
