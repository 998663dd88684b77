/**
 * Consumer groups as the broker shows them to one principal: listed, described with
 * their committed offsets on one topic, and deleted by prefix (what `check` reads and tidies).
 */
import type { Admin, Kafka } from 'kafkajs';

/** Whom to ask: a kafkajs client (a short-lived admin is made for the call) or a session's admin, connected and left open. */
export type AdminSource = Kafka | { connectedAdmin(): Promise<Admin> };

async function withAdmin<T>(source: AdminSource, use: (admin: Admin) => Promise<T>): Promise<T> {
  if ('connectedAdmin' in source) return use(await source.connectedAdmin());
  const admin = source.admin();
  try {
    await admin.connect();
    return await use(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** One group, described, with its committed offsets on the topic asked about (partitions it never committed on left out). */
export interface GroupOffsets {
  groupId: string;
  /** Kafka's state name, e.g. 'Empty' or 'Stable'. */
  state: string;
  members: number;
  offsets: { partition: number; offset: number }[];
}

/**
 * Lists the groups this principal may see, lets `pick` choose which to describe, and
 * reads each chosen group's committed offsets on `topic`, in `pick`'s order.
 *
 * @example
 *   await readGroupOffsets(kafka, 'client1', (ids) => ids.filter((id) => id.startsWith('client1')));
 *   // [{ groupId: 'client1-x', state: 'Empty', members: 0, offsets: [{ partition: 0, offset: 42 }] }]
 */
export async function readGroupOffsets(kafka: AdminSource, topic: string, pick: (listed: string[]) => string[]): Promise<GroupOffsets[]> {
  return withAdmin(kafka, async (admin) => {
    const { groups } = await admin.listGroups();
    const described = await admin.describeGroups(pick(groups.map((g) => g.groupId)));
    const result: GroupOffsets[] = [];
    for (const group of described.groups) {
      const [entry] = await admin.fetchOffsets({ groupId: group.groupId, topics: [topic] });
      const offsets = (entry?.partitions ?? []).filter((p) => Number(p.offset) >= 0).map((p) => ({ partition: p.partition, offset: Number(p.offset) }));
      result.push({ groupId: group.groupId, state: group.state, members: group.members.length, offsets: offsets.sort((a, b) => a.partition - b.partition) });
    }
    return result;
  });
}

/**
 * Deletes the groups whose ids start with `prefix`, where the ACLs allow it; never throws
 * (what stays is empty and expires on its own).
 *
 * @example
 *   await deleteGroupsWithPrefix(kafka, 'client1-check-ab12');
 */
export async function deleteGroupsWithPrefix(kafka: AdminSource, prefix: string): Promise<void> {
  try {
    await withAdmin(kafka, async (admin) => {
      const { groups } = await admin.listGroups();
      const made = groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix));
      if (made.length > 0) await admin.deleteGroups(made);
    });
  } catch {
    // Not allowed, or still closing: the groups are empty and expire on their own.
  }
}
