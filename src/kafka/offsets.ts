/**
 * A group's committed offsets, read from the broker: what the interrupted-commit
 * lesson shows before and after, and what `check` compares against.
 */
import type { Admin, Kafka } from 'kafkajs';

/** One partition's committed offset: the next offset the group will read, or null when it never committed. */
export interface CommittedOffset {
  partition: number;
  offset: number | null;
}

/**
 * Reads the committed offsets of `group` for `topic` with the admin API
 * (OffsetFetch), sorted by partition.
 *
 * @example
 *   const offsets = await fetchCommittedOffsets(kafka, 'client1-lesson3-ab12', 'client1');
 *   // [{ partition: 0, offset: 12 }]   (or offset: null before the first commit)
 */
export async function fetchCommittedOffsets(kafka: Kafka, group: string, topic: string): Promise<CommittedOffset[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await committedOffsetsWith(admin, group, topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * The same, with an admin client already connected (a lesson's own, kept for the session).
 *
 * @example
 *   await committedOffsetsWith(admin, 'client1-lesson3-ab12', 'client1') // [{ partition: 0, offset: 12 }]
 */
export async function committedOffsetsWith(admin: Admin, group: string, topic: string): Promise<CommittedOffset[]> {
  const [entry] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  // kafkajs reports "-1" for a partition the group has never committed on.
  const partitions = (entry?.partitions ?? []).map((p) => ({ partition: p.partition, offset: Number(p.offset) < 0 ? null : Number(p.offset) }));
  return partitions.sort((a, b) => a.partition - b.partition);
}

/**
 * The committed offset of one partition, or null.
 *
 * @example
 *   committedOffsetOf(offsets, 0) // 12
 */
export function committedOffsetOf(offsets: CommittedOffset[], partition: number): number | null {
  return offsets.find((o) => o.partition === partition)?.offset ?? null;
}
