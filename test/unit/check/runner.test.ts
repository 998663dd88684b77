import { describe, expect, it } from 'vitest';
import type { LessonCheck } from '../../../src/check/context.js';
import { runLesson, type SharedContext } from '../../../src/check/runner.js';
import { UserError } from '../../../src/errors.js';

// The runner never touches Kafka itself: a lesson here only reports, so no client is needed.
const shared = {} as SharedContext;

function lesson(run: LessonCheck['run']): LessonCheck {
  return { id: 'demo', title: 'Demo', checks: [{ id: 'a', title: 'first', points: 1 }, { id: 'b', title: 'second', points: 2 }], run };
}

describe('runLesson', () => {
  it('reports each check as the lesson made it, with points only for passes', async () => {
    const tests = await runLesson(lesson(async (ctx) => { ctx.pass('a', 'fine'); ctx.fail('b', { message: 'lost', fix: 'do this', failureId: 'x' }); }), shared, 5000);
    expect(tests.map((t) => [t.name, t.status, t.points, t.max_points])).toEqual([['demo: first', 'pass', 1, 1], ['demo: second', 'fail', 0, 2]]);
    expect(tests[1]).toMatchObject({ message: 'lost', fix: 'do this', failure_id: 'x' });
  });

  it("fails the checks not yet made with Kafka's refusal in the lessons' words", async () => {
    const tests = await runLesson(lesson(async (ctx) => {
      ctx.pass('a', 'fine');
      throw new UserError('Client client1 may not use the topic client2.', { fix: 'Use your own topic: client1', code: 'topic-not-allowed' });
    }), shared, 5000);
    expect(tests.map((t) => t.status)).toEqual(['pass', 'fail']);
    expect(tests[1]).toMatchObject({ message: 'Client client1 may not use the topic client2.', failure_id: 'topic-not-allowed' });
  });

  it('calls a bug of the check an error, not a failure of the student', async () => {
    const tests = await runLesson(lesson(async () => { throw new TypeError('x is undefined'); }), shared, 5000);
    expect(tests.map((t) => t.status)).toEqual(['error', 'error']);
    expect(tests[0]!.message).toBe('The check itself broke: x is undefined.');
  });

  it('ends a lesson that runs out of time as an error, and still runs its cleanups', async () => {
    let cleaned = false;
    const tests = await runLesson(lesson((ctx) => { ctx.defer(async () => { cleaned = true; }); return new Promise(() => undefined); }), shared, 50);
    expect(tests.map((t) => t.status)).toEqual(['error', 'error']);
    expect(tests[0]!.message).toBe("The lesson's check did not finish within its 0.05 s.");
    expect(cleaned).toBe(true);
  });

  it('reports a check the lesson never reached', async () => {
    const tests = await runLesson(lesson(async (ctx) => { ctx.pass('a', 'fine'); }), shared, 5000);
    expect(tests[1]).toMatchObject({ status: 'error', message: 'The lesson ended before making this check.' });
  });
});
