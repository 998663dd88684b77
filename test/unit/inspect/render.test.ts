/**
 * The drawing a student sees, on hand-built pictures: snapshots of the whole text plus
 * assertions on the facts it must show (markers under the right cell, lag, state).
 */
import { describe, expect, it } from 'vitest';
import { describeReplicas, renderTopicPicture } from '../../../src/inspect/render.js';
import { group, picture, stripAnsi } from './pictures.js';

const plain = (p: Parameters<typeof renderTopicPicture>[0], width = 80, extra = {}) => renderTopicPicture(p, { width, color: false, ...extra });

/** The column of `symbol` on the first line containing `text`. */
const columnOf = (drawing: string, text: string, symbol: string) => drawing.split('\n').find((l) => l.includes(text))?.indexOf(symbol);
/** The column of the last character of `offset`'s cell on the strip line. */
const cellColumn = (drawing: string, offset: number) => {
  const strip = drawing.split('\n').find((l) => l.startsWith('  │')) ?? '';
  const match = new RegExp(`│ *${offset}(?=│|$)`).exec(strip);
  return match ? match.index + match[0].length - 1 : -1;
};

describe('renderTopicPicture', () => {
  it('draws a short log in full, a marker under each committed offset with its lag, and the groups with state and members', () => {
    const drawing = plain(picture(0, 12, [group('client3-commit', 4, 12, { state: 'empty', members: 0 }), group('client3-latest', 12, 12)]));
    expect(drawing).toMatchSnapshot();
    expect(drawing).toContain('│ 0│ 1│ 2│ 3│ 4│ 5│ 6│ 7│ 8│ 9│10│11│··');
    expect(columnOf(drawing, 'client3-commit  committed 4 · lag 8', '▲')).toBe(cellColumn(drawing, 4));
    expect(drawing).toMatch(/client3-commit +empty, no members/);
    expect(drawing).toMatch(/client3-latest +stable, 1 member/);
  });

  it('says under each partition who leads it and which replicas are in sync, naming those out of sync', () => {
    const base = picture(0, 3, []);
    const partitions = base.partitions.map((p) => ({ ...p, leader: 3, replicas: [2, 3, 1], isr: [3, 1] }));
    const drawing = plain({ ...base, partitions });
    const lines = drawing.split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith('partition 0 ·')) + 1]).toBe('  leader broker 3 · replicas on brokers 2, 3, 1 · in sync 3, 1 · out of sync 2');
    expect(describeReplicas({ partition: 0, logStart: 0, logEnd: 0, leader: null, replicas: [1], isr: [] })).toBe('no leader (offline) · replica on broker 1 · in sync none · out of sync 1');
    expect(plain(base)).not.toContain('leader');
  });

  it('names the member that reads each partition: the caller\'s name for it, else "member N"', () => {
    const reading = group('client3-shared', 2, 6);
    const held = { ...reading, positions: reading.positions.map((p) => ({ ...p, member: 'client3-b-uuid' })) };
    expect(plain(picture(0, 6, [held]))).toContain('client3-shared  committed 2 · lag 4 · read by member 1');
    expect(plain(picture(0, 6, [held]), 80, { members: { 'client3-b-uuid': 'second' } })).toContain('client3-shared  committed 2 · lag 4 · read by second');
    expect(plain(picture(0, 6, [reading]))).not.toContain('read by');
  });

  it('compresses a long log with a gap marker and keeps the committed offsets visible', () => {
    const drawing = plain(picture(0, 500, [group('client3-a', 250, 500)]), 60);
    expect(drawing).toMatchSnapshot();
    const strip = drawing.split('\n').find((l) => l.startsWith('  │')) ?? '';
    expect(strip).toContain('⋯');
    expect(strip.length).toBeLessThanOrEqual(60);
    expect(columnOf(drawing, 'lag 250', '▲')).toBe(cellColumn(drawing, 250));
  });

  it('puts several groups on one offset at the same column, one line each', () => {
    const drawing = plain(picture(0, 6, [group('client3-b', 3, 6), group('client3-a', 3, 6), group('simple_consumer', 3, 6)]));
    const columns = ['client3-a', 'client3-b', 'simple_consumer'].map((g) => columnOf(drawing, `${g}  committed 3`, '▲'));
    expect(new Set(columns)).toEqual(new Set([cellColumn(drawing, 3)]));
    expect(drawing).toMatchSnapshot();
  });

  it('points a group with lag 0 at the log end, past the last message', () => {
    const drawing = plain(picture(0, 5, [group('client3-latest', 5, 5)]));
    const strip = drawing.split('\n').find((l) => l.startsWith('  │')) ?? '';
    expect(columnOf(drawing, 'lag 0', '▲')).toBe(strip.lastIndexOf('·'));
  });

  it('lists a group with no committed offset without a marker', () => {
    const drawing = plain(picture(0, 3, [group('client3-new', null, 3)]));
    expect(drawing).toContain('  ○ client3-new  no committed offset');
    expect(drawing).not.toContain('▲ client3-new');
  });

  it('says which group the student may not see, instead of failing', () => {
    const drawing = plain(picture(0, 3, [{ groupId: 'client1-x', state: 'unknown', members: 0, positions: [], error: 'not-authorized' }]));
    expect(drawing).toMatch(/client1-x +not allowed to see this group/);
  });

  it('highlights one offset (the re-delivered message) and shows labels beside group ids', () => {
    const p = picture(0, 8, [group('client3-commit-x1', 5, 8, { state: 'empty', members: 0 })]);
    const drawing = plain(p, 80, { highlight: { partition: 0, offset: 5, label: 're-delivered' }, labels: { 'client3-commit-x1': 'interrupted consumer' } });
    expect(drawing).toMatchSnapshot();
    expect(columnOf(drawing, 'offset 5 · re-delivered', '★')).toBe(cellColumn(drawing, 5));
    expect(drawing).toContain('interrupted consumer (client3-commit-x1)');
  });

  it('says so when no group has committed on the topic', () => {
    expect(plain(picture(0, 0, []))).toContain('No consumer group has committed an offset on this topic yet.');
  });

  it('draws the same text with colour codes when colour is on, and none when off', () => {
    const p = picture(0, 8, [group('client3-a', 2, 8)]);
    const coloured = renderTopicPicture(p, { width: 80, color: true, highlight: { partition: 0, offset: 2 } });
    const uncoloured = renderTopicPicture(p, { width: 80, color: false, highlight: { partition: 0, offset: 2 } });
    expect(coloured).toMatch(/\u001B\[/);
    expect(uncoloured).not.toMatch(/\u001B\[/);
    expect(stripAnsi(coloured)).toBe(uncoloured);
    expect(coloured).toMatchSnapshot();
  });

  it('keeps marker lines within a narrow width by shortening the label, never dropping the lag', () => {
    const drawing = plain(picture(0, 12, [group('client3-a-very-long-group-id', 12, 12)]), 44);
    for (const line of drawing.split('\n').filter((l) => /[▲│]/.test(l) && !l.startsWith('▲'))) expect(line.length).toBeLessThanOrEqual(44);
    expect(drawing).toContain('lag 0');
  });

  it('keeps the strip within the width when groups point at more offsets than fit, pointing the rest at a gap', () => {
    const groups = Array.from({ length: 12 }, (_, i) => group(`client3-g${String(i).padStart(2, '0')}`, i * 80, 1000));
    const drawing = plain(picture(0, 1000, groups), 40);
    const lines = drawing.split('\n');
    const strip = lines.find((l) => l.startsWith('  │')) ?? '';
    expect(strip.length).toBeLessThanOrEqual(40);
    const gapColumns = [...strip.matchAll(/⋯/g)].map((m) => m.index);
    let hidden = 0;
    for (const g of groups) {
      const committed = g.positions[0]!.committed!;
      // Every group keeps its lag on its marker line, even when its name had to be shortened.
      const line = lines.find((l) => l.includes('▲') && new RegExp(`lag ${1000 - committed}( |$)`).test(l));
      expect(line, g.groupId).toBeDefined();
      expect(line!.length).toBeLessThanOrEqual(40);
      if (cellColumn(drawing, committed) === -1) {
        hidden++;
        expect(gapColumns).toContain(line!.indexOf('▲'));
      } else expect(line!.indexOf('▲')).toBe(cellColumn(drawing, committed));
    }
    expect(hidden).toBeGreaterThan(0);
  });
});
