import { describe, expect, it } from 'vitest';
import { describeFinding, resumeIndex } from '../../../src/engine/run-lesson.js';
import type { Step } from '../../../src/engine/types.js';

const steps: Step[] = [
  { id: 'a', kind: 'explain', file: 'a.md' },
  { id: 'b', kind: 'explain', file: 'b.md', checkpoint: true },
  { id: 'c', kind: 'explain', file: 'c.md' },
  { id: 'd', kind: 'explain', file: 'd.md' },
];

describe('resuming a lesson', () => {
  it('restarts at the last checkpoint before the first unfinished step', () => {
    const done = (ids: string[]) => (id: string) => ids.includes(id);
    expect(resumeIndex(steps, done([]))).toBe(0);
    expect(resumeIndex(steps, done(['a']))).toBe(1);
    expect(resumeIndex(steps, done(['a', 'b', 'c']))).toBe(1);
    expect(resumeIndex(steps, done(['a', 'b', 'c', 'd']))).toBe(0);
  });
});

describe('a failed verification', () => {
  it('reads as one sentence: expected, happened, what to try', () => {
    expect(describeFinding({ ok: false, expected: 'the consumer to print "a"', happened: 'it printed nothing', hint: 'wait for the assignment' })).toBe(
      'Expected the consumer to print "a", but it printed nothing.\nTry: wait for the assignment',
    );
  });
});
