import { describe, expect, it } from 'vitest';
import { judgeDelivered as verifyDelivered } from '../../../src/engine/verifications/delivered.js';
import { judgeRedelivery as verifyRedelivery } from '../../../src/engine/verifications/redelivery.js';
import { judgeResumed as verifyResumed } from '../../../src/engine/verifications/resumed.js';
import { judgeSkipped } from '../../../src/engine/verifications/skipped-interrupted.js';
import { classifyStop } from '../../../src/engine/verifications/stop-window.js';
import type { ProgramEvent } from '../../../src/kafka/events.js';

const time = '2026-11-25T09:00:00.000Z';
const at = (offset: number, value = `v${offset}`, partition = 0) => ({ time, topic: 'client1', partition, offset, value });
const msg = (offset: number, value?: string): ProgramEvent => ({ type: 'message', ...at(offset, value) });
const messages = (...values: string[]) => values.map((v, i) => msg(i, v));

describe('verifyDelivered', () => {
  it('accepts other messages in between, and rejects a missing or reordered one', () => {
    expect(verifyDelivered(['a', 'b'], messages('a', 'x', 'b')).ok).toBe(true);
    expect(verifyDelivered(['a', 'b'], messages('a')).happened).toBe('it never printed "b" (it printed "a")');
    expect(verifyDelivered(['a', 'b'], messages('b', 'a')).happened).toBe('it printed them in another order: "b", "a"');
  });
});

describe('verifyResumed', () => {
  it('rejects a restart that re-read an old message before the missed ones', () => {
    expect(verifyResumed(['m1', 'm2'], messages('m1', 'm2', 'later')).ok).toBe(true);
    expect(verifyResumed(['m1', 'm2'], messages('seen', 'm1', 'm2')).ok).toBe(false);
  });
});

describe('classifyStop', () => {
  const run = (...types: [ProgramEvent['type'], number][]) =>
    types.map(([type, offset]): ProgramEvent => (type === 'committed' ? { type, time, topic: 'client1', partition: 0, offset } : ({ type, ...at(offset) } as ProgramEvent)));

  it('tells the four places a stop can fall', () => {
    expect(classifyStop([]).position).toBe('before-first-message');
    expect(classifyStop(run(['message', 3], ['storing-started', 3])).position).toBe('while-storing');
    expect(classifyStop(run(['storing-started', 3], ['storing-ended', 3])).position).toBe('before-commit');
    const between = classifyStop(run(['storing-started', 3], ['storing-ended', 3], ['committed', 4]));
    expect(between).toMatchObject({ position: 'between-messages', lastCommitted: 4 });
    expect(between.interrupted).toBeUndefined();
  });

  it('reads the order of --commit-before-store: committed before "Start storing" is the message in hand, committed first', () => {
    const whileStoring = classifyStop(run(['message', 3], ['committed', 4], ['storing-started', 3]));
    expect(whileStoring).toMatchObject({ position: 'while-storing', interrupted: { offset: 3, committed: true }, lastCommitted: 4 });
    expect(whileStoring.description).toBe('It stopped while storing offset 3 of partition 0 ("v3"), after committing it.');
    expect(classifyStop(run(['committed', 4], ['storing-started', 3], ['storing-ended', 3])).position).toBe('between-messages');
    // The course's order: the commit of the message before does not count as this one's.
    expect(classifyStop(run(['committed', 3], ['storing-started', 3])).interrupted).toMatchObject({ offset: 3, committed: false });
  });
});

describe('judgeSkipped', () => {
  it('passes when the restart begins right after the interrupted message', () => {
    expect(judgeSkipped({ partition: 0, offset: 2 }, [msg(3), msg(4)])).toMatchObject({ ok: true, happened: 'it began at offset 3 of partition 0 ("v3"): the interrupted message was never processed again, so it is lost (at-most-once delivery)' });
  });

  it('fails when the interrupted message comes again, when an earlier one does, when one is skipped, and when nothing came', () => {
    expect(judgeSkipped({ partition: 0, offset: 2 }, [msg(2), msg(3)]).happened).toBe('it processed offset 2 of partition 0 ("v2") again: it had not been committed, so nothing was lost');
    expect(judgeSkipped({ partition: 0, offset: 2 }, [msg(3), msg(1)]).happened).toBe('it processed offset 1 of partition 0 again, which had been committed');
    expect(judgeSkipped({ partition: 0, offset: 2 }, [msg(5)]).happened).toBe('it began at offset 5 of partition 0');
    expect(judgeSkipped({ partition: 0, offset: 2 }, []).ok).toBe(false);
  });
});

describe('verifyRedelivery', () => {
  it('fails when an earlier, committed message is processed again', () => {
    const verdict = verifyRedelivery({ partition: 0, offset: 2 }, [msg(1), msg(2)]);
    expect(verdict.ok).toBe(false);
    expect(verdict.happened).toBe('it processed offset 1 of partition 0 again, which had been committed');
  });

  it('fails when the restart got nothing', () => {
    expect(verifyRedelivery({ partition: 0, offset: 2 }, []).happened).toBe('it processed no message of that partition');
  });
});
