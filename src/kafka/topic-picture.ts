/**
 * The data behind `kafka-tutor inspect`: a topic's log per partition and, for each
 * consumer group on it, the committed offset and lag. Read with the kafkajs admin API.
 */
import type { Admin, GroupDescription } from 'kafkajs';
import { partitionsOf } from './group-members.js';

/** A group's state in words a student meets in the course (Kafka's PreparingRebalance etc. → rebalancing). */
export type GroupState = 'empty' | 'stable' | 'rebalancing' | 'dead' | 'unknown';

/** One partition's log: offsets `logStart` … `logEnd − 1` hold messages; `logEnd` is where the next one goes. */
export interface PartitionLog {
  partition: number;
  logStart: number;
  logEnd: number;
  /** The broker that leads the partition (null: none, the partition is offline); absent when not read. */
  leader?: number | null;
  /** The brokers holding a copy of the partition, in Kafka's order. */
  replicas?: number[];
  /** The replicas that are in sync with the leader (the ISR). */
  isr?: number[];
}

/** Who holds one partition: its leader, its replicas and the in-sync ones, by broker id. */
export interface PartitionReplicas {
  partition: number;
  /** null: no leader (the partition is offline). */
  leader: number | null;
  replicas: number[];
  isr: number[];
}

/** Where a group stands on one partition: `committed` is the next offset it will read (null: never committed). */
export interface GroupPosition {
  partition: number;
  committed: number | null;
  /** logEnd − committed; null when nothing is committed. */
  lag: number | null;
  /** The member id of the live member the group gave this partition to, when one holds it. */
  member?: string;
}

export interface GroupPicture {
  groupId: string;
  state: GroupState;
  members: number;
  positions: GroupPosition[];
  /** Set when the broker would not tell us about this group; `positions` is then empty. */
  error?: 'not-authorized';
}

/** Everything `inspect` draws; also its `--json` output. */
export interface TopicPicture {
  topic: string;
  partitions: PartitionLog[];
  groups: GroupPicture[];
}

export interface ReadPictureOptions {
  /** Only these groups (shown even when they have no commit on the topic); default: every group on the topic. */
  groups?: string[] | undefined;
}

const GROUP_BATCH = 8;

const STATES: Record<string, GroupState> = {
  Empty: 'empty',
  Stable: 'stable',
  PreparingRebalance: 'rebalancing',
  CompletingRebalance: 'rebalancing',
  Dead: 'dead',
};

const errorType = (error: unknown): string | undefined => {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; depth++) {
    const { type, originalError } = e as { type?: unknown; originalError?: unknown };
    if (typeof type === 'string') return type;
    e = e.cause ?? originalError;
  }
  return undefined;
};

// kafkajs drops the broker's reason when FindCoordinator is refused: a forbidden group shows up as "coordinator not found".
const isGroupDenied = (error: unknown) => errorType(error) === 'GROUP_AUTHORIZATION_FAILED' || (error instanceof Error && error.name === 'KafkaJSGroupCoordinatorNotFound');

/**
 * The leader, replicas and in-sync replicas of each partition, asked afresh of a live broker
 * (kafkajs sends a metadata request each time); throws kafkajs' error for a missing or forbidden topic.
 *
 * @example
 *   await readReplicas(admin, 'client1') // [{ partition: 0, leader: 2, replicas: [2, 3, 1], isr: [2, 3, 1] }]
 */
export async function readReplicas(admin: Admin, topic: string): Promise<PartitionReplicas[]> {
  // Metadata fails at once (no retries) when the topic is missing or forbidden.
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const found = topics.find((t) => t.name === topic);
  // Shaped like kafkajs' own error, so that explainKafkaError names the missing topic.
  if (!found) throw Object.assign(new Error(`unknown topic ${topic}`), { type: 'UNKNOWN_TOPIC_OR_PARTITION', name: 'KafkaJSProtocolError' });
  return found.partitions
    .map((p) => ({ partition: p.partitionId, leader: p.leader >= 0 ? p.leader : null, replicas: [...p.replicas], isr: [...p.isr] }))
    .sort((a, b) => a.partition - b.partition);
}

/**
 * The ids of the brokers the cluster serves in its metadata now (a stopped broker drops out).
 *
 * @example
 *   await liveBrokers(admin) // [1, 3]
 */
export async function liveBrokers(admin: Admin): Promise<number[]> {
  const { brokers } = await admin.describeCluster();
  return brokers.map((b) => b.nodeId).sort((a, b) => a - b);
}

/** Reads log start and end, leader and in-sync replicas per partition; throws kafkajs' error for a missing or forbidden topic. */
async function readLogs(admin: Admin, topic: string): Promise<PartitionLog[]> {
  const replicas = await readReplicas(admin, topic);
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets
    .map((o) => {
      const held = replicas.find((r) => r.partition === o.partition);
      return { partition: o.partition, logStart: Number(o.low), logEnd: Number(o.high), ...(held ? { leader: held.leader, replicas: held.replicas, isr: held.isr } : {}) };
    })
    .sort((a, b) => a.partition - b.partition);
}

/** Group ids this client may see; an empty list when listing is not allowed (a student then names groups with --group). */
async function listGroupIds(admin: Admin): Promise<string[]> {
  try {
    const { groups } = await admin.listGroups();
    return [...new Set(groups.map((g) => g.groupId))].sort();
  } catch (error) {
    if (errorType(error) === 'CLUSTER_AUTHORIZATION_FAILED') return [];
    throw error;
  }
}

/** Describes groups one by one: kafkajs fails a whole batch when one group is forbidden. */
async function describeGroup(admin: Admin, groupId: string): Promise<GroupDescription | 'not-authorized'> {
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0] ?? { groupId, members: [], protocol: '', protocolType: '', state: 'Dead' };
  } catch (error) {
    if (isGroupDenied(error)) return 'not-authorized';
    throw error;
  }
}

/** Which live member holds each partition of `topic` (partition → member id); empty when none does. */
function holdersOf(group: GroupDescription, topic: string): Map<number, string> {
  const holders = new Map<number, string>();
  if (group.protocolType !== 'consumer') return holders;
  // An assignment not in kafkajs' format gives no partitions: we cannot tell, so we do not guess.
  for (const m of group.members) for (const partition of partitionsOf(m.memberAssignment, topic)) holders.set(partition, m.memberId);
  return holders;
}

/** One group's picture, and whether it has anything to do with the topic (a commit or an assigned member). */
async function readGroup(admin: Admin, groupId: string, topic: string, logs: PartitionLog[]): Promise<{ group: GroupPicture; related: boolean }> {
  const denied = (state: GroupState, members: number) => ({ group: { groupId, state, members, positions: [], error: 'not-authorized' as const }, related: false });
  const description = await describeGroup(admin, groupId);
  if (description === 'not-authorized') return denied('unknown', 0);
  const state = STATES[description.state] ?? 'unknown';
  let committed: Map<number, number>;
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    // kafkajs reports "-1" for a partition the group never committed on.
    committed = new Map((entry?.partitions ?? []).filter((p) => Number(p.offset) >= 0).map((p) => [p.partition, Number(p.offset)]));
  } catch (error) {
    if (isGroupDenied(error)) return denied(state, description.members.length);
    throw error;
  }
  const holders = holdersOf(description, topic);
  const positions = logs.map(({ partition, logEnd }): GroupPosition => {
    const offset = committed.get(partition);
    const member = holders.get(partition);
    return { partition, ...(offset === undefined ? { committed: null, lag: null } : { committed: offset, lag: Math.max(0, logEnd - offset) }), ...(member ? { member } : {}) };
  });
  return { group: { groupId, state, members: description.members.length, positions }, related: committed.size > 0 || holders.size > 0 };
}

/**
 * Reads the picture of `topic`: every partition's log and every consumer group on it
 * (a group with a committed offset or a member assigned to the topic). Groups the
 * client may not describe come back with `error: 'not-authorized'` rather than failing.
 *
 * @example
 *   const picture = await readTopicPicture(admin, 'client3', { groups: ['client3-commit'] });
 *   // { topic: 'client3', partitions: [{ partition: 0, logStart: 0, logEnd: 12 }],
 *   //   groups: [{ groupId: 'client3-commit', state: 'empty', members: 0, positions: [{ partition: 0, committed: 4, lag: 8 }] }] }
 */
export async function readTopicPicture(admin: Admin, topic: string, options: ReadPictureOptions = {}): Promise<TopicPicture> {
  const partitions = await readLogs(admin, topic);
  const named = options.groups !== undefined;
  const ids = named ? [...new Set(options.groups)] : await listGroupIds(admin);
  const read: Awaited<ReturnType<typeof readGroup>>[] = [];
  // A few groups at a time: a student may have dozens of old groups, each needing two requests.
  for (let i = 0; i < ids.length; i += GROUP_BATCH) {
    read.push(...(await Promise.all(ids.slice(i, i + GROUP_BATCH).map((groupId) => readGroup(admin, groupId, topic, partitions)))));
  }
  // Without --group, show only groups that have something to do with this topic.
  const groups = read.filter(({ related }) => named || related).map(({ group }) => group);
  return { topic, partitions, groups };
}
