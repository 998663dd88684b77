import { describe, expect, it } from 'vitest';
import type { SharedContext } from '../../../src/check/context.js';
import { runLesson, StepFailed, type PerformStep } from '../../../src/check/runner.js';
import type { LoadedLesson } from '../../../src/engine/types.js';
import { UserError } from '../../../src/errors.js';

// The runner never touches Kafka itself: here each step's work is scripted, so no client is needed.
const shared = { kafka: { clientId: 'client1', topic: 'client1', bootstrap: '127.0.0.1:1' }, runId: 'r1', groupPrefix: 'client1-check-r1-', startProgram: () => { throw new Error('no programs here'); } } as unknown as SharedContext;

const lesson: LoadedLesson = {
  id: 'demo',
  title: 'Demo',
  summary: 'demo',
  hints: ['h'],
  dir: '.',
  prose: {},
  steps: [
    { id: 'intro', kind: 'explain', file: 'intro.md' },
    { id: 'a', kind: 'verify', check: 'assigned', test: 'a', title: 'first', points: 1 },
    { id: 'b', kind: 'verify', check: 'assigned', test: 'b', title: 'second', points: 2 },
  ],
};

const ok = { ok: true, expected: 'x', happened: 'it did' };

describe('runLesson', () => {
  it('reports each test as its verify step judged it, with points only for passes', async () => {
    const perform: PerformStep = async (step) => (step.id === 'a' ? { verdict: ok } : step.id === 'b' ? { verdict: { ok: false, expected: 'x', happened: 'lost', hint: 'do this', failureId: 'x' } } : { next: 'continue' });
    const tests = await runLesson(lesson, shared, 5000, perform);
    expect(tests.map((t) => [t.name, t.status, t.points, t.max_points])).toEqual([['demo: first', 'pass', 1, 1], ['demo: second', 'fail', 0, 2]]);
    expect(tests[1]).toMatchObject({ message: 'Expected x, but lost.', fix: 'do this', failure_id: 'x' });
  });

  it("fails the tests not yet made with Kafka's refusal in the lessons' words", async () => {
    const perform: PerformStep = async (step) => {
      if (step.id === 'b') throw new UserError('Client client1 may not use the topic client2.', { fix: 'Use your own topic: client1', code: 'topic-not-allowed' });
      return step.id === 'a' ? { verdict: ok } : { next: 'continue' };
    };
    const tests = await runLesson(lesson, shared, 5000, perform);
    expect(tests.map((t) => t.status)).toEqual(['pass', 'fail']);
    expect(tests[1]).toMatchObject({ message: 'Client client1 may not use the topic client2.', failure_id: 'topic-not-allowed' });
  });

  it('fails the tests after a step that could not go on, with its sentence', async () => {
    const perform: PerformStep = async (step) => {
      if (step.id === 'intro') throw new StepFailed({ ok: false, expected: 'consumer to be assigned its partitions', happened: 'it exited first' });
      return { verdict: ok };
    };
    const tests = await runLesson(lesson, shared, 5000, perform);
    expect(tests.map((t) => t.status)).toEqual(['fail', 'fail']);
    expect(tests[0]!.message).toBe('Expected consumer to be assigned its partitions, but it exited first.');
  });

  it('calls a bug of the check an error, not a failure of the student', async () => {
    const tests = await runLesson(lesson, shared, 5000, async () => { throw new TypeError('x is undefined'); });
    expect(tests.map((t) => t.status)).toEqual(['error', 'error']);
    expect(tests[0]!.message).toBe('The check itself broke: x is undefined.');
  });

  it('ends a lesson that runs out of time as an error', async () => {
    const tests = await runLesson(lesson, shared, 50, () => new Promise(() => undefined));
    expect(tests.map((t) => t.status)).toEqual(['error', 'error']);
    expect(tests[0]!.message).toBe("The lesson's check did not finish within its 0.05 s.");
  });

  it('reports a test the lesson never reached', async () => {
    const perform: PerformStep = async (step) => (step.id === 'a' ? { next: 'end' } : { next: 'continue' });
    const tests = await runLesson(lesson, shared, 5000, perform);
    expect(tests[1]).toMatchObject({ status: 'error', message: 'The lesson ended before making this check.' });
  });
});
