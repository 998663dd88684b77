/**
 * Each pure judgement of the verification library (src/engine/verifications/) over the events of the real
 * programs against the sandbox broker: it passes when Kafka did what the
 * lesson claims, and fails when the setup makes Kafka do something else.
 */
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramHandle } from '../../src/engine/process/index.js';
import { judgeDelivered as verifyDelivered } from '../../src/engine/verifications/delivered.js';
import { judgeRedelivery as verifyRedelivery } from '../../src/engine/verifications/redelivery.js';
import { judgeResumed as verifyResumed } from '../../src/engine/verifications/resumed.js';
import { classifyStop } from '../../src/engine/verifications/stop-window.js';
import { fetchCommittedOffsets } from '../../src/kafka/offsets.js';
import { studentConfig } from '../support/sandbox.js';
import { CLIENT, freshGroup, freshTopic, produceValues, startAssigned, studentEnv, uniqueValues, waitForValues } from './programs.fixtures.js';

let env: Record<string, string>;
const started: ProgramHandle[] = [];
const track = (program: ProgramHandle) => (started.push(program), program);

beforeAll(async () => {
  env = await studentEnv();
});
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop('SIGKILL')));
});

describe('verifyDelivered', () => {
  it('passes for a consumer that was assigned before the producer sent', async () => {
    const topic = await freshTopic();
    const consumer = track(await startAssigned('consume', [topic, '--group', freshGroup('deliv')], env));
    const values = uniqueValues('typed', 3);
    await produceValues(topic, values, env);
    await waitForValues(consumer, values);
    const verdict = verifyDelivered(values, consumer.seen);
    expect(verdict).toMatchObject({ ok: true });
    await consumer.stop();
  });

  it('fails for a latest consumer that joined after the messages were sent', async () => {
    const topic = await freshTopic();
    const values = uniqueValues('before', 2);
    await produceValues(topic, values, env);
    const consumer = track(await startAssigned('consume', [topic, '--group', freshGroup('late')], env));
    // A marker sent after it joined proves it was reading; the earlier ones never come.
    const [marker] = uniqueValues('marker', 1);
    await produceValues(topic, [marker!], env);
    await waitForValues(consumer, [marker!]);
    const verdict = verifyDelivered(values, consumer.seen);
    expect(verdict.ok).toBe(false);
    expect(verdict.happened).toContain('never printed');
    await consumer.stop();
  });
});

describe('verifyResumed', () => {
  it('passes when a latest group restarts after committing, and fails for a new latest group', async () => {
    const topic = await freshTopic();
    const group = freshGroup('resume');
    const first = track(await startAssigned('consume', [topic, '--group', group], env));
    const [seenBefore] = uniqueValues('seen', 1);
    await produceValues(topic, [seenBefore!], env);
    await waitForValues(first, [seenBefore!]);
    await first.waitFor((e) => e.type === 'committed', { timeoutMs: 10_000, what: 'the automatic commit' });
    await first.stop('SIGTERM');

    const missed = uniqueValues('missed', 3);
    await produceValues(topic, missed, env);
    const [restarted, stranger] = await Promise.all([
      startAssigned('consume', [topic, '--group', group], env).then(track),
      startAssigned('consume', [topic, '--group', freshGroup('stranger')], env).then(track),
    ]);
    await waitForValues(restarted, missed);
    expect(verifyResumed(missed, restarted.seen)).toMatchObject({ ok: true });
    // A group without committed offsets starts at the end: it missed them for good.
    const after = uniqueValues('after', 1);
    await produceValues(topic, after, env);
    await waitForValues(stranger, after);
    expect(verifyResumed(missed, stranger.seen).ok).toBe(false);
    await Promise.all([restarted.stop(), stranger.stop()]);
  });
});

describe('classifyStop and verifyRedelivery', () => {
  it('a SIGTERM while storing is classified, and the restart re-processes exactly that message', async () => {
    const topic = await freshTopic();
    const sent = await produceValues(topic, uniqueValues('commit', 3), env);
    const group = freshGroup('redeliver');
    const first = track(await startAssigned('consume-commit', [topic, group, '--store-ms', '1500'], env));
    await first.waitFor((e) => e.type === 'storing-started' && e.offset === sent[1]!.offset, { timeoutMs: 15_000, what: 'the second message to be stored' });
    const exit = await first.stop('SIGTERM');

    const stop = classifyStop(exit.events);
    expect(stop).toMatchObject({ position: 'while-storing', interrupted: { partition: 0, offset: sent[1]!.offset }, lastCommitted: sent[1]!.offset });
    const kafka = new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 });
    expect(await fetchCommittedOffsets(kafka, group, topic)).toEqual([{ partition: 0, offset: sent[1]!.offset }]);

    const restarted = track(await startAssigned('consume-commit', [topic, group, '--store-ms', '50'], env));
    await restarted.waitFor((e) => e.type === 'committed' && e.offset === sent[2]!.offset + 1, { timeoutMs: 15_000, what: 'the restart to catch up' });
    expect(verifyRedelivery(stop.interrupted!, restarted.seen)).toMatchObject({ ok: true });
    // The message before it had been committed: claiming it was interrupted must fail.
    const wrong = verifyRedelivery({ partition: 0, offset: sent[0]!.offset }, restarted.seen);
    expect(wrong.ok).toBe(false);
    expect(wrong.happened).toContain('had been committed');
    await restarted.stop();
  });
});
