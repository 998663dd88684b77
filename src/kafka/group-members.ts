/**
 * A consumer group's members as the broker describes them: its state and,
 * for each member, the partitions of one topic the group assigned it.
 */
import type { Admin } from 'kafkajs';
import { AssignerProtocol } from './kafkajs.js';

export interface GroupMember {
  /** The broker's member id (kafkajs reports it in GROUP_JOIN; the programs' `assigned` carries it). */
  memberId: string;
  clientId: string;
  /** Partitions of the topic asked about, ascending. */
  partitions: number[];
}

export interface GroupMembers {
  /** Kafka's state name: 'Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'. */
  state: string;
  members: GroupMember[];
}

/** A member's partitions of `topic`, ascending, or none when the assignment is not in the consumer protocol's format. */
export function partitionsOf(assignment: Buffer, topic: string): number[] {
  try {
    return [...(AssignerProtocol.MemberAssignment.decode(assignment)?.assignment[topic] ?? [])].sort((a, b) => a - b);
  } catch {
    return [];
  }
}

/**
 * Describes `groupId` through a connected admin: its state and each member's partitions of `topic`.
 *
 * @example
 *   await describeGroupMembers(admin, 'client1-groups-1a2b3c', 'client1')
 *   // { state: 'Stable', members: [{ memberId: 'client1-…', clientId: 'client1', partitions: [0] }, { …, partitions: [] }] }
 */
export async function describeGroupMembers(admin: Admin, groupId: string, topic: string): Promise<GroupMembers> {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  if (!group) return { state: 'Dead', members: [] };
  return {
    state: group.state,
    members: group.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, partitions: partitionsOf(m.memberAssignment, topic) })),
  };
}
