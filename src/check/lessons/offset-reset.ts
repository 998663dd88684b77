import { quoteValues, verifyEarliestLatest, verifyResumed } from '../../experiments/index.js';
import type { LessonCheck } from '../context.js';
import { timeLeft } from '../context.js';
import { asMessageEvents, failureOf } from '../events.js';
import { produceMarked } from '../produce.js';
import { cameTrue } from '../wait.js';
import { startWatcher, type Received } from '../watcher.js';

const holds = (received: Received[], values: string[]) => values.every((v) => received.some((m) => m.value === v));

/**
 * "earliest vs latest": two fresh groups see the messages already in the topic
 * differently and a new message reaches both; then a group that has committed
 * resumes where it stopped, whatever its reset policy says.
 */
export const offsetResetLesson: LessonCheck = {
  id: 'offset-reset',
  title: 'auto.offset.reset: earliest vs latest',
  checks: [
    { id: 'reset-policy', title: 'a new group with earliest reads the older messages, one with latest does not, and a new message reaches both', points: 3 },
    { id: 'resume', title: 'a group with committed offsets resumes where it stopped', points: 2 },
  ],
  async run(ctx) {
    const old = (await produceMarked(ctx, ['before 1', 'before 2'])).map((m) => m.value);
    const [earliest, latest] = await Promise.all([
      startWatcher(ctx, { group: ctx.groupId('earliest'), fromBeginning: true, autoCommit: false }),
      startWatcher(ctx, { group: ctx.groupId('latest'), fromBeginning: false, autoCommit: true }),
    ]);
    await cameTrue(earliest.waitFor((r) => holds(r, old), 'the earliest consumer to read the older messages', timeLeft(ctx)));
    const [fresh] = await produceMarked(ctx, ['after 1']);
    const freshValue = [fresh!.value];
    // One partition keeps order: had latest read the older messages, they would have come before the new one.
    await Promise.all([
      cameTrue(earliest.waitFor((r) => holds(r, freshValue), 'the new message at the earliest consumer', timeLeft(ctx))),
      cameTrue(latest.waitFor((r) => holds(r, freshValue), 'the new message at the latest consumer', timeLeft(ctx))),
    ]);
    const policy = verifyEarliestLatest(old, asMessageEvents(earliest.received, ctx.topic), asMessageEvents(latest.received, ctx.topic), freshValue);
    if (policy.ok) ctx.pass('reset-policy', `Group ${earliest.group} (earliest) read ${quoteValues(old)}, group ${latest.group} (latest) did not, and both read ${quoteValues(freshValue)}.`);
    else ctx.fail('reset-policy', failureOf(policy));

    // Auto-commit must have recorded the new message before the consumer stops, or there is nothing to resume from.
    await latest.waitForCommit(fresh!.partition, fresh!.offset + 1, timeLeft(ctx));
    await latest.stop();
    const missed = (await produceMarked(ctx, ['while stopped 1', 'while stopped 2'])).map((m) => m.value);
    const again = await startWatcher(ctx, { group: latest.group, fromBeginning: false, autoCommit: true });
    await cameTrue(again.waitFor((r) => r.length >= missed.length, 'the restarted latest consumer to read what it missed', timeLeft(ctx)));
    const resumed = verifyResumed(missed, asMessageEvents(again.received, ctx.topic));
    if (resumed.ok) ctx.pass('resume', `Restarted in group ${latest.group}, the consumer read exactly what it missed: ${quoteValues(missed)}.`);
    else ctx.fail('resume', failureOf(resumed));
  },
};
