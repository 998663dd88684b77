/**
 * Which offsets of a partition's log get a cell when the log is wider than the
 * terminal: the ends, the offsets that something points at, and their neighbours;
 * every run left out becomes one gap cell.
 */

/** One slot of the strip: a message's cell, a gap standing for `hidden` offsets, or the log end (where the next message goes). */
export type Slot = { kind: 'cell'; offset: number } | { kind: 'gap'; hidden: number } | { kind: 'end'; offset: number };

/** How many slots the sorted visible offsets need: one per offset plus one per gap between them. */
function countSlots(visible: number[]): number {
  let slots = visible.length;
  for (let i = 1; i < visible.length; i++) if (visible[i]! - visible[i - 1]! > 1) slots++;
  return slots;
}

function toSlots(visible: number[], logEnd: number): Slot[] {
  const slots: Slot[] = [];
  visible.forEach((offset, i) => {
    const previous = visible[i - 1];
    if (previous !== undefined && offset - previous > 1) slots.push({ kind: 'gap', hidden: offset - previous - 1 });
    slots.push(offset === logEnd ? { kind: 'end', offset } : { kind: 'cell', offset });
  });
  return slots;
}

/**
 * Lays out the offsets `logStart … logEnd` (logEnd being the end slot) in at most
 * `maxSlots` slots, keeping the log's ends and the offsets in `anchors` visible (in that
 * order of priority, as many as fit) and growing outwards from them.
 *
 * @example
 *   layoutLog(0, 100, [40], 12)
 *   // cells 0 1 2, gap, 38 39 40 41 42, gap, 99, end 100
 */
export function layoutLog(logStart: number, logEnd: number, anchors: number[], maxSlots: number): Slot[] {
  const all = logEnd - logStart + 1;
  if (all <= maxSlots) return toSlots(Array.from({ length: all }, (_, i) => logStart + i), logEnd);
  const clamp = (o: number) => Math.min(logEnd, Math.max(logStart, o));
  const visible = new Set<number>();
  const sorted = () => [...visible].sort((a, b) => a - b);
  // Seeds in priority order; those that no longer fit fall into a gap (their marker points at it).
  const seeds: number[] = [];
  for (const seed of [logStart, logEnd, ...(logEnd > logStart ? [logEnd - 1] : []), ...anchors.map(clamp)]) {
    if (visible.has(seed)) continue;
    visible.add(seed);
    if (visible.size > 2 && countSlots(sorted()) > maxSlots) visible.delete(seed);
    else seeds.push(seed);
  }
  // Grow each seed by one offset per round, contiguously, so the picture never gets stray single cells.
  for (let radius = 1; radius <= all; radius++) {
    let added = false;
    for (const seed of seeds) {
      for (const [candidate, neighbour] of [[seed + radius, seed + radius - 1], [seed - radius, seed - radius + 1]] as const) {
        if (candidate < logStart || candidate > logEnd || visible.has(candidate) || !visible.has(neighbour)) continue;
        visible.add(candidate);
        if (countSlots(sorted()) <= maxSlots) added = true;
        else visible.delete(candidate);
      }
    }
    if (!added) break;
  }
  return toSlots(sorted(), logEnd);
}
