import type { MessageFacts, ProgramEvent } from '../../kafka/events.js';
import { committedOffsetOf, fetchCommittedOffsets } from '../../kafka/offsets.js';
import { explainKafkaError } from '../../kafka/errors.js';
import type { LessonCheck, LessonContext } from '../context.js';
import { timeLeft } from '../context.js';
import { produceMarked } from '../produce.js';
import { startLessonProgram } from '../programs.js';

/** Long enough that the stop always lands while "storing"; the check never waits it out. */
const STORE_MS = 20_000;

type MessageEvent = ProgramEvent & MessageFacts;
const isStoring = (e: ProgramEvent): e is MessageEvent => e.type === 'storing-started';
const isMessage = (e: ProgramEvent): e is MessageEvent => e.type === 'message' || e.type === 'storing-started';
const where = (e: { partition: number; offset: number }) => `partition ${e.partition}, offset ${e.offset}`;

/** Puts a new group at `offset` on partition 0 and at the end of every other partition, so that it reads only this run's messages. */
async function placeGroup(ctx: LessonContext, group: string, offset: number): Promise<void> {
  const admin = ctx.kafka.admin();
  try {
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(ctx.topic);
    const partitions = ends.map((p) => ({ partition: p.partition, offset: p.partition === 0 ? String(offset) : p.high }));
    await admin.setOffsets({ groupId: group, topic: ctx.topic, partitions });
  } catch (error) {
    throw explainKafkaError(error, { clientId: ctx.clientId, topic: ctx.topic, group, brokers: ctx.profile.brokers, sandbox: ctx.profile.sandbox });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

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
    const storing = await first.waitFor(isStoring, '"Start storing" from consume-commit', timeLeft(ctx));
    // SIGTERM, not SIGKILL: the lesson imitates `docker stop`.
    await first.stop('SIGTERM');
    const after = first.events.slice(first.events.indexOf(storing));
    const ended = after.some((e) => e.type === 'storing-ended' && e.offset === storing.offset && e.partition === storing.partition);
    if (!ended) ctx.pass('stop-window', `Stopped while storing the message at ${where(storing)}.`);
    else ctx.fail('stop-window', { message: `consume-commit finished storing ${where(storing)} although it was stopped with SIGTERM while storing it.`, fix: 'On SIGTERM a consumer should leave at once, without finishing or committing the message in hand.' });

    const committed = committedOffsetOf(await fetchCommittedOffsets(ctx.kafka, group, ctx.topic), storing.partition);
    if (committed === null || committed <= storing.offset) ctx.pass('not-committed', `The group's committed offset stayed at ${committed ?? 'none'}, so ${where(storing)} is still to be read.`);
    else ctx.fail('not-committed', { message: `The group committed offset ${committed}, past the interrupted message at ${where(storing)}: it would be lost.`, fix: 'Commit a message only after storing it.' });

    const second = startLessonProgram(ctx, 'consume-commit', args);
    const again = await second.waitFor(isMessage, 'the restarted consume-commit to receive a message', timeLeft(ctx));
    await second.stop('SIGTERM');
    if (again.partition === storing.partition && again.offset === storing.offset) {
      ctx.pass('redelivered', `After the restart, the first message processed was the interrupted one (${where(storing)}): at-least-once delivery.`);
    } else {
      ctx.fail('redelivered', {
        message: `Expected the restarted consumer to start with the interrupted message at ${where(storing)}, but it started with ${where(again)}.`,
        fix: 'The group resumes from its committed offset: commit only after storing, and never commit on shutdown.',
      });
    }
  },
};
