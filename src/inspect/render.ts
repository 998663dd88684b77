/**
 * Draws a `TopicPicture` as text: per partition, the log as a strip of cells and,
 * under it, one marker line per consumer group at its committed offset.
 * Pure: the same picture and options give the same string (tests snapshot it).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { GroupPicture, PartitionLog, TopicPicture } from '../kafka/topic-picture.js';
import { layoutLog, type Slot } from './layout.js';
import { describeGroupLine, type LinePart } from './group-line.js';

export interface RenderOptions {
  /** Terminal width in columns; the strip is compressed with a gap marker to fit. */
  width: number;
  /** ANSI colours (chalk); without them the picture reads the same, e.g. in a log file. */
  color: boolean;
  /** One offset to point out, e.g. the re-delivered message; `label` defaults to "highlighted". */
  highlight?: { partition: number; offset: number; label?: string } | undefined;
  /** Friendlier names for groups, e.g. `{ 'client3-earliest-x1': 'earliest' }`; the id is still shown. */
  labels?: Record<string, string> | undefined;
}

const INDENT = '  ';
export const SYMBOLS = { bar: '│', gap: '⋯', end: '·', group: '▲', highlight: '★', none: '○', denied: '✖' } as const;

const LEGEND = `${SYMBOLS.group} committed offset: the next message a group reads · ${SYMBOLS.gap} offsets left out · ${SYMBOLS.end.repeat(2)} log end`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The partition's heading: which offsets hold messages, and where the next one goes. */
function describeLog(log: PartitionLog): string {
  const count = log.logEnd - log.logStart;
  const held = count === 0 ? 'no messages' : `${plural(count, 'message')}, offsets ${log.logStart}–${log.logEnd - 1}`;
  return `partition ${log.partition} · ${held} · log end ${log.logEnd}`;
}

/** The strip itself and, for every offset it shows, the column of that offset's last character. */
function drawStrip(slots: Slot[], cellWidth: number, c: ChalkInstance, highlighted: number | undefined): { text: string; columns: Map<number, number> } {
  const columns = new Map<number, number>();
  let text = INDENT;
  let column = INDENT.length;
  for (const slot of slots) {
    let content: string;
    if (slot.kind === 'gap') content = c.dim(SYMBOLS.gap.padStart(cellWidth));
    else if (slot.kind === 'end') content = c.dim(SYMBOLS.end.repeat(cellWidth));
    else content = slot.offset === highlighted ? c.inverse.yellow(String(slot.offset).padStart(cellWidth)) : String(slot.offset).padStart(cellWidth);
    if (slot.kind !== 'gap') columns.set(slot.offset, column + cellWidth);
    text += c.dim(SYMBOLS.bar) + content;
    column += 1 + cellWidth;
  }
  return { text, columns };
}

const plainText = (parts: LinePart[]) => parts.map((p) => p.text).join('');
const styleText = (parts: LinePart[], c: ChalkInstance) => parts.map((p) => (p.style ? p.style(c)(p.text) : p.text)).join('');

/** Cuts a plain line to `width` columns with an ellipsis (only used when nothing else fits). */
const fit = (parts: LinePart[], room: number): LinePart[] => {
  const plain = plainText(parts);
  return plain.length <= room ? parts : [{ text: `${plain.slice(0, Math.max(0, room - 1))}…` }];
};

/**
 * Puts `marker text` at `column`, or `text marker` ending there when the text would run
 * past `width`; when neither fits, the marker keeps `head` and `tail` goes on the next line.
 */
function placeMarker(column: number, marker: string, head: LinePart[], tail: LinePart[], width: number, c: ChalkInstance): string[] {
  const all = [...head, ...tail];
  const fitsRight = (parts: LinePart[]) => column + 2 + plainText(parts).length <= width;
  const fitsLeft = (parts: LinePart[]) => plainText(parts).length + 1 <= column;
  const right = (parts: LinePart[]) => `${' '.repeat(column)}${marker} ${styleText(parts, c)}`;
  const left = (parts: LinePart[]) => `${' '.repeat(column - plainText(parts).length - 1)}${styleText(parts, c)} ${marker}`;
  if (fitsRight(all)) return [right(all)];
  if (fitsLeft(all)) return [left(all)];
  const [firstTail, ...restTail] = tail;
  const rest = firstTail?.text.startsWith(' · ') || firstTail?.text.startsWith('  ') ? [{ ...firstTail, text: firstTail.text.trimStart().replace(/^· /, '') }, ...restTail] : tail;
  const start = fitsRight(head) || !fitsLeft(head) ? column + 2 : column - plainText(head).length - 1;
  const first = fitsRight(head) || !fitsLeft(head) ? right(fit(head, width - column - 2)) : left(head);
  const indent = Math.min(start, Math.max(0, width - plainText(rest).length));
  return [first, `${' '.repeat(indent)}${styleText(fit(rest, width - indent), c)}`];
}

const rank = ({ group, offset }: { group: GroupPicture; offset: number | null }) => (group.error ? Infinity : offset ?? Number.MAX_SAFE_INTEGER);
const committedOn = (group: GroupPicture, partition: number) => group.positions.find((p) => p.partition === partition)?.committed ?? null;

function drawPartition(log: PartitionLog, groups: GroupPicture[], options: RenderOptions, c: ChalkInstance): string[] {
  const highlighted = options.highlight?.partition === log.partition ? options.highlight.offset : undefined;
  const committed = groups.map((g) => committedOn(g, log.partition)).filter((o): o is number => o !== null);
  const cellWidth = Math.max(1, String(log.logEnd).length);
  const maxSlots = Math.max(3, Math.floor((options.width - INDENT.length) / (cellWidth + 1)));
  const slots = layoutLog(log.logStart, log.logEnd, highlighted === undefined ? committed : [...committed, highlighted], maxSlots);
  const strip = drawStrip(slots, cellWidth, c, highlighted);
  const lines = [describeLog(log), strip.text];
  // Out-of-range offsets (deleted by retention, or past the end) point at the nearest slot.
  const columnOf = (offset: number) => strip.columns.get(Math.min(log.logEnd, Math.max(log.logStart, offset))) ?? INDENT.length;
  if (highlighted !== undefined) {
    const label = options.highlight?.label ?? 'highlighted';
    const parts: LinePart[] = [{ text: `offset ${highlighted}`, style: (x) => x.yellow }, { text: ` · ${label}`, style: (x) => x.yellow }];
    lines.push(...placeMarker(columnOf(highlighted), c.yellow(SYMBOLS.highlight), parts.slice(0, 1), parts.slice(1), options.width, c));
  }
  const placed = groups
    .map((group) => ({ group, offset: committedOn(group, log.partition) }))
    // Committed groups by offset, then the ones without a commit, then the ones we may not see.
    .sort((a, b) => rank(a) - rank(b) || a.group.groupId.localeCompare(b.group.groupId));
  for (const { group, offset } of placed) {
    const { head, tail } = describeGroupLine(group, log.partition, options.labels?.[group.groupId]);
    if (offset !== null) lines.push(...placeMarker(columnOf(offset), c.bold(SYMBOLS.group), head, tail, options.width, c));
    else lines.push(`${INDENT}${group.error ? c.red(SYMBOLS.denied) : c.dim(SYMBOLS.none)} ${styleText([...head, ...tail], c)}`);
  }
  return lines;
}

/**
 * Renders the picture as lines of text (no trailing newline).
 *
 * @example
 *   renderTopicPicture(picture, { width: 60, color: false, highlight: { partition: 0, offset: 4, label: 're-delivered' } })
 *   // client3 · 1 partition · 1 consumer group
 *   //
 *   // partition 0 · 12 messages at offsets 0–11 · log end 12 (the next message's offset)
 *   //   │ 0│ 1│ 2│ 3│ 4│ 5│ 6│ 7│ 8│ 9│10│11│··
 *   //             ★ offset 4 · re-delivered
 *   //             ▲ client3-commit  committed 4 · lag 8 · empty, no members
 */
export function renderTopicPicture(picture: TopicPicture, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const heading = `${c.bold(picture.topic)} · ${plural(picture.partitions.length, 'partition')} · ${plural(picture.groups.length, 'consumer group')}`;
  const lines = [heading];
  if (picture.groups.length === 0) lines.push(c.dim('No consumer group has committed an offset on this topic yet.'));
  for (const log of picture.partitions) lines.push('', ...drawPartition(log, picture.groups, options, c));
  lines.push('', c.dim(LEGEND));
  return lines.join('\n');
}
