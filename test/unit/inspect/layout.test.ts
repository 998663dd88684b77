import { describe, expect, it } from 'vitest';
import { layoutLog, type Slot } from '../../../src/inspect/layout.js';

/** A slot list as a short string: offsets, "…3" for a gap hiding 3, "end12". */
const show = (slots: Slot[]) => slots.map((s) => (s.kind === 'cell' ? String(s.offset) : s.kind === 'gap' ? `…${s.hidden}` : `end${s.offset}`)).join(' ');

describe('layoutLog', () => {
  it('shows every offset and the end slot when they fit', () => {
    expect(show(layoutLog(0, 5, [], 10))).toBe('0 1 2 3 4 end5');
  });

  it('shows only the end slot for an empty log', () => {
    expect(show(layoutLog(7, 7, [], 10))).toBe('end7');
  });

  it('keeps the ends and an anchor in the middle, with a gap marker for each left-out run', () => {
    const slots = layoutLog(0, 100, [50], 12);
    expect(slots.length).toBeLessThanOrEqual(12);
    expect(show(slots)).toBe('0 1 2 …46 49 50 51 …45 97 98 99 end100');
  });

  it('accounts for every offset: shown cells plus hidden ones make the whole log', () => {
    const slots = layoutLog(3, 250, [120, 250, 4], 20);
    const shown = slots.filter((s) => s.kind === 'cell').length;
    const hidden = slots.reduce((sum, s) => sum + (s.kind === 'gap' ? s.hidden : 0), 0);
    expect(shown + hidden).toBe(250 - 3);
    expect(slots.length).toBeLessThanOrEqual(20);
    expect(slots.some((s) => s.kind === 'cell' && s.offset === 120)).toBe(true);
  });

  it('clamps anchors outside the log (deleted by retention) to its ends', () => {
    expect(show(layoutLog(10, 100, [2], 8))).toMatch(/^10 11 /);
  });
});
