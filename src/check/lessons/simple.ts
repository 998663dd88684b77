import { quoteValues, verifyDelivered } from '../../experiments/index.js';
import type { LessonCheck } from '../context.js';
import { timeLeft } from '../context.js';
import { asMessageEvents, failureOf } from '../events.js';
import { produceMarked } from '../produce.js';
import { cameTrue } from '../wait.js';
import { startWatcher } from '../watcher.js';

/**
 * "Simple producer and consumer": a consumer subscribed to the student's topic
 * receives what a producer writes, in order. A fresh group (not the course's
 * `simple_consumer`) keeps a running copy of the student's own consumer out of it.
 */
export const simpleLesson: LessonCheck = {
  id: 'simple',
  title: 'Simple producer and consumer',
  checks: [
    { id: 'subscribe', title: 'a consumer joins a group on your topic', points: 1 },
    { id: 'delivered', title: 'every message produced reaches the consumer, in order', points: 2 },
  ],
  async run(ctx) {
    const watcher = await startWatcher(ctx, { group: ctx.groupId('simple'), fromBeginning: false, autoCommit: true });
    ctx.pass('subscribe', `Group ${watcher.group} assigned ${ctx.topic} to the consumer.`);
    const sent = (await produceMarked(ctx, ['simple 1', 'simple 2', 'simple 3'])).map((m) => m.value);
    await cameTrue(watcher.waitFor((r) => r.length >= sent.length, `the ${sent.length} messages to reach the consumer`, timeLeft(ctx)));
    const verdict = verifyDelivered(sent, asMessageEvents(watcher.received, ctx.topic));
    if (verdict.ok) ctx.pass('delivered', `The consumer received ${quoteValues(sent)} in order.`);
    else ctx.fail('delivered', failureOf(verdict));
  },
};
