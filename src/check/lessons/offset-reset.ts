import type { LessonCheck } from '../context.js';
import { timeLeft } from '../context.js';
import { listValues, produceMarked } from '../produce.js';
import { verifyInOrder, verifyNoneOf, verifyStartsWith } from '../verify.js';
import { cameTrue } from '../wait.js';
import { startWatcher, type Received } from '../watcher.js';

const has = (values: { offset: number }[], offset: number) => values.some((m) => m.offset === offset);

/**
 * "earliest vs latest": two fresh groups see the messages already in the topic
 * differently; a new message reaches both; and a group that has committed
 * resumes where it stopped, whatever its reset policy says.
 */
export const offsetResetLesson: LessonCheck = {
  id: 'offset-reset',
  title: 'auto.offset.reset: earliest vs latest',
  checks: [
    { id: 'earliest', title: 'a new group with earliest reads the messages already in the topic', points: 1 },
    { id: 'latest', title: 'a new group with latest skips them', points: 1 },
    { id: 'both', title: 'a new message reaches both groups', points: 1 },
    { id: 'resume', title: 'a group with committed offsets resumes where it stopped', points: 2 },
  ],
  async run(ctx) {
    const old = await produceMarked(ctx, ['before 1', 'before 2']);
    const [earliest, latest] = await Promise.all([
      startWatcher(ctx, { group: ctx.groupId('earliest'), fromBeginning: true, autoCommit: false }),
      startWatcher(ctx, { group: ctx.groupId('latest'), fromBeginning: false, autoCommit: true }),
    ]);
    // Other lessons of this run wrote to the topic too: look only at this lesson's older messages.
    const olds = (r: Received[]) => r.filter((m) => has(old, m.offset));
    await cameTrue(earliest.waitFor((r) => olds(r).length >= old.length, 'the earliest consumer to read the older messages', timeLeft(ctx)));
    const early = verifyInOrder(old, olds(earliest.received));
    if (early.ok) ctx.pass('earliest', `Group ${earliest.group} (earliest) read ${listValues(old)}, produced before it started.`);
    else ctx.fail('earliest', { message: `Expected ${early.expected}, but ${early.happened}.`, fix: early.hint });

    const [fresh] = await produceMarked(ctx, ['after 1']);
    const reached = (r: { offset: number }[]) => has(r, fresh!.offset);
    await Promise.all([
      cameTrue(earliest.waitFor(reached, 'the new message at the earliest consumer', timeLeft(ctx))),
      cameTrue(latest.waitFor(reached, 'the new message at the latest consumer', timeLeft(ctx))),
    ]);
    // One partition keeps order: had latest read the older messages, they would have come before this one.
    const skipped = verifyNoneOf(old, latest.received, `group ${latest.group} (latest)`);
    if (skipped.ok) ctx.pass('latest', `Group ${latest.group} (latest) did not read the older messages.`);
    else ctx.fail('latest', { message: `Expected ${skipped.expected}, but ${skipped.happened}.`, fix: 'A group without committed offsets starts where auto.offset.reset says: latest means only new messages.' });
    const missing = [earliest, latest].filter((w) => !reached(w.received)).map((w) => w.group);
    if (missing.length === 0) ctx.pass('both', `${listValues([fresh!])} reached both groups.`);
    else ctx.fail('both', { message: `Expected ${listValues([fresh!])} to reach both groups, but ${missing.join(' and ')} never received it.`, fix: 'kafka-tutor doctor' });

    // Auto-commit must have recorded the new message before the consumer stops, or there is nothing to resume from.
    await latest.waitForCommit(fresh!.partition, fresh!.offset + 1, timeLeft(ctx));
    await latest.stop();
    const missed = await produceMarked(ctx, ['while stopped 1', 'while stopped 2']);
    const again = await startWatcher(ctx, { group: latest.group, fromBeginning: false, autoCommit: true });
    await cameTrue(again.waitFor((r) => r.length >= missed.length, 'the restarted latest consumer to read what it missed', timeLeft(ctx)));
    const resumed = verifyStartsWith(missed, again.received);
    if (resumed.ok) ctx.pass('resume', `Restarted in group ${latest.group}, the consumer read exactly what it missed: ${listValues(missed)}.`);
    else ctx.fail('resume', { message: `Expected ${resumed.expected}, but ${resumed.happened}.`, fix: resumed.hint });
  },
};
