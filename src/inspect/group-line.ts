/**
 * The words beside a group: on a partition, its name, committed offset and lag; in the
 * summary, its state and members. Returned as parts so the renderer can measure them
 * plain and print them in colour.
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

/** The group's name: its label with the id beside it, or just the id. */
export function describeGroupName(group: Pick<GroupPicture, 'groupId'>, label?: string): LinePart[] {
  return label && label !== group.groupId
    ? [{ text: label, style: (c) => c.bold }, { text: ` (${group.groupId})`, style: (c) => c.dim }]
    : [{ text: group.groupId, style: (c) => c.bold }];
}

/**
 * The words beside a group's marker on one partition, richest first: name, committed offset,
 * lag and the member reading it; then shorter variants for a narrow terminal (the lag always stays).
 *
 * @example
 *   describeGroupPosition(group, 0, 'earliest')[0].map((p) => p.text).join('')
 *   // "earliest (client3-earliest-x1)  committed 12 · lag 0"
 */
export function describeGroupPosition(group: GroupPicture, partition: number, label?: string, memberNames: Record<string, string> = {}): LinePart[][] {
  const name = describeGroupName(group, label);
  const short: LinePart[] = [{ text: label ?? group.groupId, style: (c) => c.bold }];
  const position = group.positions.find((p) => p.partition === partition);
  const holder = position?.member && memberName(group, position.member, memberNames);
  const readBy: LinePart[] = holder ? [{ text: ` · read by ${holder}`, style: (c) => c.cyan }] : [];
  if (!position || position.committed === null) return [[...name, { text: '  no committed offset', style: (c) => c.dim }, ...readBy], [...short, ...readBy]];
  const lag = position.lag ?? 0;
  const lagPart: LinePart = { text: `lag ${lag}`, style: (c) => (lag === 0 ? c.green : c.yellow) };
  const committed: LinePart = { text: `  committed ${position.committed} · ` };
  return [[...name, committed, lagPart, ...readBy], [...short, committed, lagPart, ...readBy], [...short, committed, lagPart], [...short, { text: ' · ' }, lagPart]];
}

/** A member's name: the caller's (a lesson's program name), else "member N", numbered in member-id order among the holders. */
function memberName(group: GroupPicture, memberId: string, names: Record<string, string>): string {
  if (names[memberId]) return names[memberId];
  const ids = [...new Set(group.positions.flatMap((p) => (p.member ? [p.member] : [])))].sort();
  return `member ${ids.indexOf(memberId) + 1}`;
}

/**
 * One line of the group summary: name (padded to `nameWidth`), then state and members.
 *
 * @example
 *   describeGroupSummary(group, undefined, 16).map((p) => p.text).join('')
 *   // "client3-commit    empty, no members"
 */
export function describeGroupSummary(group: GroupPicture, label: string | undefined, nameWidth: number): LinePart[] {
  const name = describeGroupName(group, label);
  const padding = ' '.repeat(Math.max(0, nameWidth - name.map((p) => p.text).join('').length) + 2);
  if (group.error === 'not-authorized') {
    return [...name, { text: padding }, { text: 'not allowed to see this group: a student sees only groups starting with their client id, and simple_consumer', style: (c) => c.red }];
  }
  const style = (c: ChalkInstance) => (group.state === 'stable' ? c.green : group.state === 'rebalancing' ? c.yellow : c.dim);
  return [...name, { text: padding }, { text: describeGroupState(group), style }];
}
