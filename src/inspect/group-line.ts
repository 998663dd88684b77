/**
 * The words beside a group's marker: its name, committed offset, lag, state and members.
 * Returned as parts so the renderer can measure them plain and print them in colour.
 */
import type { ChalkInstance } from 'chalk';
import type { GroupPicture, GroupState } from '../kafka/topic-picture.js';

export interface LinePart {
  text: string;
  style?: (c: ChalkInstance) => ChalkInstance;
}

const STATE_WORDS: Record<GroupState, string> = {
  empty: 'empty',
  stable: 'stable',
  rebalancing: 'rebalancing',
  // Kafka calls a group it does not know "Dead".
  dead: 'no such group',
  unknown: 'state unknown',
};

/** "stable, 1 member", "empty, no members". */
export function describeGroupState(group: Pick<GroupPicture, 'state' | 'members'>): string {
  if (group.state === 'dead') return STATE_WORDS.dead;
  const members = group.members === 0 ? 'no members' : `${group.members} member${group.members === 1 ? '' : 's'}`;
  return `${STATE_WORDS[group.state]}, ${members}`;
}

/**
 * The parts of one group's line for one partition: `head` names it and `tail` says where it
 * stands, so a narrow terminal can put the tail on a line of its own.
 *
 * @example
 *   const { head, tail } = describeGroupLine(group, 0, 'earliest');
 *   [...head, ...tail].map((p) => p.text).join('')
 *   // "earliest (client3-earliest-x1)  committed 12 · lag 0 · stable, 1 member"
 */
export function describeGroupLine(group: GroupPicture, partition: number, label?: string): { head: LinePart[]; tail: LinePart[] } {
  const name: LinePart[] = label && label !== group.groupId
    ? [{ text: label, style: (c) => c.bold }, { text: ` (${group.groupId})`, style: (c) => c.dim }]
    : [{ text: group.groupId, style: (c) => c.bold }];
  if (group.error === 'not-authorized') {
    return { head: name, tail: [{ text: '  not allowed to see this group (it is not yours)', style: (c) => c.red }] };
  }
  const state: LinePart = { text: describeGroupState(group), style: (c) => (group.state === 'stable' ? c.green : group.state === 'rebalancing' ? c.yellow : c.dim) };
  const position = group.positions.find((p) => p.partition === partition);
  if (!position || position.committed === null) {
    return { head: name, tail: [{ text: '  no committed offset', style: (c) => c.dim }, { text: ' · ' }, state] };
  }
  const lag = position.lag ?? 0;
  return {
    head: name,
    tail: [{ text: `  committed ${position.committed}` }, { text: ' · ' }, { text: `lag ${lag}`, style: (c) => (lag === 0 ? c.green : c.yellow) }, { text: ' · ' }, state],
  };
}
