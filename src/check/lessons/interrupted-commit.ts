import { classifyStop, verifyRedelivery } from '../../experiments/index.js';
import type { MessageFacts, ProgramEvent } from '../../kafka/events.js';
import { committedOffsetOf, fetchCommittedOffsets } from '../../kafka/offsets.js';
import type { LessonCheck } from '../context.js';
import { timeLeft } from '../context.js';
import { failureOf } from '../events.js';
import { placeGroup } from '../place-group.js';
import { produceMarked } from '../produce.js';
import { startLessonProgram } from '../programs.js';

/** Long enough that the stop always lands while "storing"; the check never waits it out. */
const STORE_MS = 20_000;

const where = (e: { partition: number; offset: number }) => `offset ${e.offset} of partition ${e.partition}`;

/**
 * "The interrupted commit": `consume-commit` is stopped with SIGTERM (as
 * `docker stop` does) while it stores a message; restarted in the same group,
 * it must process that same message again: at-least-once delivery.
 */
export const interruptedCommitLesson: LessonCheck = {
  id: 'interrupted-commit',
  title: 'The interrupted commit',
  checks: [
    { id: 'stop-window', title: 'consume-commit stops between "Start storing" and "End storing"', points: 1 },
    { id: 'not-committed', title: 'the interrupted message is not committed', points: 1 },
    { id: 'redelivered', title: 'restarted in the same group, it processes the interrupted message again', points: 2 },
  ],
  async run(ctx) {
    const group = ctx.groupId('commit');
    const sent = await produceMarked(ctx, ['commit 1', 'commit 2', 'commit 3']);
    await placeGroup(ctx, group, sent[0]!.offset);
    const args = [ctx.topic, group, '--store-ms', String(STORE_MS), '--from', 'earliest'];

    const first = startLessonProgram(ctx, 'consume-commit', args);
    const storing = await first.waitFor<ProgramEvent & MessageFacts>((e) => e.type === 'storing-started', { timeoutMs: timeLeft(ctx), what: 'consume-commit to print "Start storing"' });
    // SIGTERM, not SIGKILL: the lesson imitates `docker stop`.
    const { events } = await first.stop('SIGTERM');
    const stop = classifyStop(events);
    if (stop.position === 'while-storing') ctx.pass('stop-window', `${stop.description}`);
    else ctx.fail('stop-window', { message: `Expected consume-commit to stop while storing ${where(storing)}, but: ${stop.description}`, fix: 'On SIGTERM a consumer should leave at once, without finishing or committing the message in hand.' });

    const committed = committedOffsetOf(await fetchCommittedOffsets(ctx.kafka, group, ctx.topic), storing.partition);
    if (committed === null || committed <= storing.offset) ctx.pass('not-committed', `The group's committed offset stayed at ${committed ?? 'none'}, so ${where(storing)} is still to be read.`);
    else ctx.fail('not-committed', { message: `The group committed offset ${committed}, past the interrupted message at ${where(storing)}: it would be lost.`, fix: 'Commit a message only after storing it.' });

    const second = startLessonProgram(ctx, 'consume-commit', args);
    // Someone else may write to another partition meanwhile: what counts is the interrupted message's partition.
    await second.waitFor((e) => e.type === 'message' && e.partition === storing.partition, { timeoutMs: timeLeft(ctx), what: `the restarted consume-commit to receive a message of partition ${storing.partition}` });
    const restarted = await second.stop('SIGTERM');
    const verdict = verifyRedelivery(storing, restarted.events);
    if (verdict.ok) ctx.pass('redelivered', `Restarted in group ${group}, ${verdict.happened}.`);
    else ctx.fail('redelivered', failureOf(verdict));
  },
};
