/** The pure judgements of the consumer-groups verifications, and step cases. */
import { describe, expect, it } from 'vitest';
import { conditionHolds, resolveCases } from '../../../../src/engine/cases.js';
import type { PredictStep } from '../../../../src/engine/types.js';
import { judgePrintedOnce } from '../../../../src/engine/verifications/printed-once.js';
import { judgeShared } from '../../../../src/engine/verifications/shared-partitions.js';

describe('judgeShared', () => {
  it('passes one holder and two idle members on one partition', () => {
    const verdict = judgeShared('client1', 1, [{ name: 'first', partitions: [] }, { name: 'second', partitions: [0] }, { name: 'third', partitions: [] }]);
    expect(verdict).toMatchObject({ ok: true, happened: 'first holds none; second holds partition 0; third holds none' });
    expect(verdict.expected).toBe('the one partition of client1 to go to exactly one of the 3 members, and 2 of them to get none');
  });
  it('passes three partitions split between two members', () => {
    expect(judgeShared('t', 3, [{ name: 'a', partitions: [0, 2] }, { name: 'b', partitions: [1] }]).ok).toBe(true);
  });
  it('fails a partition held twice, one held by nobody, and an idle member while partitions are left', () => {
    expect(judgeShared('t', 1, [{ name: 'a', partitions: [0] }, { name: 'b', partitions: [0] }]).happened).toMatch(/^partition 0 went to a and b/);
    expect(judgeShared('t', 2, [{ name: 'a', partitions: [0] }]).happened).toMatch(/^partition 1 went to no member/);
    expect(judgeShared('t', 3, [{ name: 'a', partitions: [0, 1, 2] }, { name: 'b', partitions: [] }]).happened).toMatch(/^b got no partition/);
  });
});

describe('judgePrintedOnce', () => {
  const sent = [{ value: 'x', partition: 0, offset: 5 }, { value: 'y', partition: 0, offset: 6 }];
  it('passes when each was printed once, and says by whom', () => {
    const verdict = judgePrintedOnce(sent, [{ name: 'b', partition: 0, offset: 5, value: 'x' }, { name: 'b', partition: 0, offset: 6, value: 'y' }]);
    expect(verdict).toMatchObject({ ok: true, happened: 'b printed "x", "y", and no message was printed twice' });
  });
  it('fails a message printed by two members (an older one too) and one printed by nobody', () => {
    const twice = judgePrintedOnce(sent, [
      { name: 'a', partition: 0, offset: 4, value: 'w' },
      { name: 'b', partition: 0, offset: 4, value: 'w' },
      { name: 'b', partition: 0, offset: 5, value: 'x' },
      { name: 'b', partition: 0, offset: 6, value: 'y' },
    ]);
    expect(twice).toMatchObject({ ok: false, happened: '"w" (offset 4 of partition 0) was printed by a and again by b' });
    expect(judgePrintedOnce(sent, [{ name: 'a', partition: 0, offset: 5, value: 'x' }]).happened).toBe('no member printed "y"');
  });
});

describe('step cases', () => {
  const step: PredictStep = {
    id: 'p',
    kind: 'predict',
    question: 'q',
    options: [{ value: 'none', label: 'n' }, { value: 'one', label: 'o' }, { value: 'two', label: 't' }],
    answer: 'none',
    cases: { 'partitions=1': { answer: 'two' }, 'partitions=2': { answer: 'one' } },
  };
  it('picks the first holding case, else the step as written', () => {
    expect(resolveCases(step, { partitions: '1' }).answer).toBe('two');
    expect(resolveCases(step, { partitions: '2' }).answer).toBe('one');
    expect(resolveCases(step, { partitions: '6' }).answer).toBe('none');
    expect(resolveCases(step, {}).answer).toBe('none');
  });
  it('compares numbers as numbers and text only with = and !=', () => {
    expect(conditionHolds('partitions>1', { partitions: '10' })).toBe(true);
    expect(conditionHolds('partitions<=1', { partitions: '10' })).toBe(false);
    expect(conditionHolds('mode=fast', { mode: 'fast' })).toBe(true);
    expect(conditionHolds('mode>fast', { mode: 'fast' })).toBe(false);
  });
});
