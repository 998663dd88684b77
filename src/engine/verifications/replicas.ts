/**
 * What the replication verifications share: the broker the lesson stopped, and the
 * partitions' leaders and in-sync replicas read again and again until they show a state.
 */
import type { PartitionReplicas } from '../../kafka/topic-picture.js';
import { pollCluster } from '../poll.js';
import type { VerifyContext } from './types.js';
import type { Verdict } from './verdict.js';

/** The verdict when no step of the lesson stopped a broker (a lesson's mistake, or a resumed run). */
export const NOTHING_STOPPED: Verdict = {
  ok: false,
  expected: 'a broker stopped earlier in this lesson',
  happened: 'none was',
  hint: 'Start the lesson again from the beginning: it stops the leader\'s broker first.',
};

/**
 * Polls the topic's replicas until `done` holds for every partition or the time is up; the last picture read.
 *
 * @example
 *   const { ok, partitions } = await waitForPartitions(ctx, (p) => p.leader !== 2, 20_000);
 */
export async function waitForPartitions(ctx: VerifyContext, done: (partition: PartitionReplicas) => boolean, timeoutMs: number): Promise<{ ok: boolean; partitions: PartitionReplicas[] }> {
  const { ok, value, error } = await pollCluster(ctx, () => ctx.kafka.replicas(), (all) => all.length > 0 && all.every(done), timeoutMs);
  if (value === undefined && error !== undefined) throw error;
  return { ok, partitions: value ?? [] };
}

/**
 * What a wait for the partitions saw: their state when it held, else when the time ran out.
 *
 * @example
 *   seenPartitions(false, [], 20_000) // 'after 20 s: no partition could be read'
 */
export function seenPartitions(ok: boolean, partitions: PartitionReplicas[], timeoutMs: number): string {
  const seen = describePartitions(partitions).join('; ');
  return ok ? seen : `after ${Math.round(timeoutMs / 1000)} s: ${seen || 'no partition could be read'}`;
}

/**
 * One line per partition, as `inspect` says it.
 *
 * @example
 *   describePartitions([{ partition: 0, leader: 3, replicas: [2, 3, 1], isr: [3, 1] }]) // ['partition 0: leader broker 3, in sync 3, 1']
 */
export function describePartitions(partitions: PartitionReplicas[]): string[] {
  return partitions.map((p) => `partition ${p.partition}: ${p.leader === null ? 'no leader' : `leader broker ${p.leader}`}, in sync ${p.isr.join(', ') || 'none'}`);
}
