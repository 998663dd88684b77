/**
 * Draws a `TopicPicture` as text: per partition, the log as a strip of cells and,
 * under it, one marker line per consumer group at its committed offset.
 * Pure: the same picture and options give the same string (tests snapshot it).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { GroupPicture, PartitionLog, TopicPicture } from '../kafka/topic-picture.js';
import { layoutLog, type Slot } from './layout.js';
import { describeGroupName, describeGroupPosition, describeGroupSummary, type LinePart } from './group-line.js';

export interface RenderOptions {
  /** Terminal width in columns; the strip is compressed with a gap marker to fit. */
  width: number;
  /** ANSI colours (chalk); without them the picture reads the same, e.g. in a log file. */
  color: boolean;
  /** One offset to point out, e.g. the re-delivered message; `label` defaults to "highlighted". */
  highlight?: { partition: number; offset: number; label?: string } | undefined;
  /** Friendlier names for groups, e.g. `{ 'client3-earliest-x1': 'earliest' }`; the id is still shown. */
  labels?: Record<string, string> | undefined;
  /** Names for group members by member id, e.g. a lesson's program names; others read "member N". */
  members?: Record<string, string> | undefined;
}

const INDENT = '  ';
export const SYMBOLS = { bar: '│', gap: '⋯', end: '·', group: '▲', highlight: '★', none: '○', denied: '✖' } as const;

const LEGEND = [`${SYMBOLS.group} committed offset: the next message a group reads`, `${SYMBOLS.gap} offsets left out`, `${SYMBOLS.end.repeat(2)} log end`];

/** Joins the legend's items with " · ", starting a new line where the next would pass `width`. */
function wrapLegend(width: number): string[] {
  const lines: string[] = [];
  for (const item of LEGEND) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 3 + item.length <= width) lines[lines.length - 1] = `${last} · ${item}`;
    else lines.push(item);
  }
  return lines;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The partition's heading: which offsets hold messages, and where the next one goes. */
function describeLog(log: PartitionLog): string {
  const count = log.logEnd - log.logStart;
  const held = count === 0 ? 'no messages' : `${plural(count, 'message')}, offsets ${log.logStart}–${log.logEnd - 1}`;
  return `partition ${log.partition} · ${held} · log end ${log.logEnd}`;
}

const brokerList = (ids: number[]) => ids.join(', ');

/**
 * Who holds the partition: its leader and which replicas are in sync (undefined when not read).
 *
 * @example
 *   describeReplicas({ partition: 0, logStart: 0, logEnd: 3, leader: 2, replicas: [1, 2, 3], isr: [2, 3] })
 *   // 'leader broker 2 · replicas on brokers 1, 2, 3 · in sync 2, 3 · out of sync 1'
 */
export function describeReplicas(log: PartitionLog): string | undefined {
  if (log.replicas === undefined || log.isr === undefined || log.leader === undefined) return undefined;
  const isr = log.isr;
  const leader = log.leader === null ? 'no leader (offline)' : `leader broker ${log.leader}`;
  const out = log.replicas.filter((r) => !isr.includes(r));
  const replicas = `${log.replicas.length === 1 ? 'replica on broker' : 'replicas on brokers'} ${brokerList(log.replicas)}`;
  return [leader, replicas, `in sync ${isr.length > 0 ? brokerList(isr) : 'none'}`, ...(out.length > 0 ? [`out of sync ${brokerList(out)}`] : [])].join(' · ');
}

/** The strip itself and a lookup from an offset to the column of its cell (or of the gap that hides it). */
function drawStrip(slots: Slot[], cellWidth: number, c: ChalkInstance, highlighted: number | undefined): { text: string; columnOf: (offset: number) => number } {
  const columns: { from: number; to: number; column: number }[] = [];
  let text = INDENT;
  let column = INDENT.length;
  let next = 0; // the first offset after the previous slot
  for (const slot of slots) {
    let content: string;
    if (slot.kind === 'gap') content = c.dim(SYMBOLS.gap.padStart(cellWidth));
    else if (slot.kind === 'end') content = c.dim(SYMBOLS.end.repeat(cellWidth));
    else content = slot.offset === highlighted ? c.inverse.yellow(String(slot.offset).padStart(cellWidth)) : String(slot.offset).padStart(cellWidth);
    const from = slot.kind === 'gap' ? next : slot.offset;
    next = slot.kind === 'gap' ? next + slot.hidden : slot.offset + 1;
    columns.push({ from, to: next - 1, column: column + cellWidth });
    text += c.dim(SYMBOLS.bar) + content;
    column += 1 + cellWidth;
  }
  const columnOf = (offset: number) => columns.find((s) => offset >= s.from && offset <= s.to)?.column ?? INDENT.length + cellWidth;
  return { text, columnOf };
}

const plainText = (parts: LinePart[]) => parts.map((p) => p.text).join('');
const styleText = (parts: LinePart[], c: ChalkInstance) => parts.map((p) => (p.style ? p.style(c)(p.text) : p.text)).join('');

/** Shortens the first part (the group's name) with an ellipsis so the line fits `room`; the lag after it stays whole. */
const fit = (parts: LinePart[], room: number): LinePart[] => {
  const [name, ...rest] = parts;
  const excess = plainText(parts).length - room;
  if (excess <= 0 || !name) return parts;
  if (name.text.length - excess - 1 >= 1) return [{ ...name, text: `${name.text.slice(0, name.text.length - excess - 1)}…` }, ...rest];
  const plain = plainText(parts);
  return [{ text: `${plain.slice(0, Math.max(0, room - 1))}…` }];
};

/**
 * Puts `marker text` at `column`, or `text marker` ending there when the text would run
 * past `width`; tries each of `variants` (richest first) before cutting the last one short.
 */
function placeMarker(column: number, marker: string, variants: LinePart[][], width: number, c: ChalkInstance): string {
  for (const parts of variants) {
    const length = plainText(parts).length;
    if (column + 2 + length <= width) return `${' '.repeat(column)}${marker} ${styleText(parts, c)}`;
    if (length + 1 <= column) return `${' '.repeat(column - length - 1)}${styleText(parts, c)} ${marker}`;
  }
  // Nothing fits whole: shorten the name on whichever side has more room.
  const last = variants.at(-1) ?? [];
  if (column - 1 > width - column - 2) {
    const parts = fit(last, column - 1);
    return `${' '.repeat(column - plainText(parts).length - 1)}${styleText(parts, c)} ${marker}`;
  }
  return `${' '.repeat(column)}${marker} ${styleText(fit(last, width - column - 2), c)}`;
}

const rank = ({ offset }: { offset: number | null }) => offset ?? Number.MAX_SAFE_INTEGER;
const committedOn = (group: GroupPicture, partition: number) => group.positions.find((p) => p.partition === partition)?.committed ?? null;

function drawPartition(log: PartitionLog, groups: GroupPicture[], options: RenderOptions, c: ChalkInstance): string[] {
  const highlighted = options.highlight?.partition === log.partition ? options.highlight.offset : undefined;
  const committed = groups.map((g) => committedOn(g, log.partition)).filter((o): o is number => o !== null);
  // At least two columns per cell: single digits squeezed between bars are hard to read.
  const cellWidth = Math.max(2, String(log.logEnd).length);
  const maxSlots = Math.max(3, Math.floor((options.width - INDENT.length) / (cellWidth + 1)));
  // The highlighted offset first: when not everything fits, the lesson's point must.
  const slots = layoutLog(log.logStart, log.logEnd, highlighted === undefined ? committed : [highlighted, ...committed], maxSlots);
  const strip = drawStrip(slots, cellWidth, c, highlighted);
  const replicas = describeReplicas(log);
  const lines = [describeLog(log), ...(replicas === undefined ? [] : [`${INDENT}${c.dim(replicas)}`]), strip.text];
  // Out-of-range offsets (deleted by retention, or past the end) point at the nearest slot.
  const columnOf = (offset: number) => strip.columnOf(Math.min(log.logEnd, Math.max(log.logStart, offset)));
  if (highlighted !== undefined) {
    const label = options.highlight?.label ?? 'highlighted';
    lines.push(placeMarker(columnOf(highlighted), c.yellow(SYMBOLS.highlight), [[{ text: `offset ${highlighted} · ${label}`, style: (x) => x.yellow }], [{ text: label, style: (x) => x.yellow }]], options.width, c));
  }
  const placed = groups
    .map((group) => ({ group, offset: committedOn(group, log.partition) }))
    // Committed groups by offset, then the ones without a commit; the ones we may not see only in the summary.
    .filter(({ group }) => !group.error)
    .sort((a, b) => rank(a) - rank(b) || a.group.groupId.localeCompare(b.group.groupId));
  for (const { group, offset } of placed) {
    const variants = describeGroupPosition(group, log.partition, options.labels?.[group.groupId], options.members);
    if (offset !== null) lines.push(placeMarker(columnOf(offset), c.bold(SYMBOLS.group), variants, options.width, c));
    else lines.push(`${INDENT}${c.dim(SYMBOLS.none)} ${styleText(variants[0] ?? [], c)}`);
  }
  return lines;
}

/**
 * Renders the picture as lines of text (no trailing newline).
 *
 * @example
 *   renderTopicPicture(picture, { width: 80, color: false, highlight: { partition: 0, offset: 4, label: 're-delivered' } })
 *   // client3 · 1 partition · 1 consumer group
 *   //
 *   // partition 0 · 12 messages, offsets 0–11 · log end 12
 *   //   │ 0│ 1│ 2│ 3│ 4│ 5│ 6│ 7│ 8│ 9│10│11│··
 *   //                 ★ offset 4 · re-delivered
 *   //                 ▲ client3-commit  committed 4 · lag 8
 *   //
 *   // consumer groups
 *   //   client3-commit  empty, no members
 *   // …and a one-line legend.
 */
export function renderTopicPicture(picture: TopicPicture, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const heading = `${c.bold(picture.topic)} · ${plural(picture.partitions.length, 'partition')} · ${plural(picture.groups.length, 'consumer group')}`;
  const lines = [heading];
  if (picture.groups.length === 0) lines.push(c.dim('No consumer group has committed an offset on this topic yet.'));
  for (const log of picture.partitions) lines.push('', ...drawPartition(log, picture.groups, options, c));
  if (picture.groups.length > 0) {
    const nameWidth = Math.max(...picture.groups.map((g) => plainText(describeGroupName(g, options.labels?.[g.groupId])).length));
    lines.push('', 'consumer groups');
    for (const group of [...picture.groups].sort((a, b) => a.groupId.localeCompare(b.groupId))) lines.push(`${INDENT}${styleText(describeGroupSummary(group, options.labels?.[group.groupId], nameWidth), c)}`);
  }
  lines.push('', ...wrapLegend(options.width).map((line) => c.dim(line)));
  return lines.join('\n');
}
