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
import { judgeSkipped } from '../../src/engine/verifications/skipped-interrupted.js';
import { classifyStop } from '../../src/engine/verifications/stop-window.js';
import type { ProgramEvent } from '../../src/kafka/events.js';
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

const shape = (events: readonly ProgramEvent[]) => events.map((e) => (e.type === 'message' || e.type === 'storing-started' ? `${e.type} ${e.value}` : e.type === 'committed' ? `committed ${e.offset}` : e.type));

/** Stops consume-commit (with `flags`) while it stores the first of three messages, then restarts it in the same group until it has read the rest. */
async function stopAndRestart(label: string, flags: string[]) {
  const topic = await freshTopic();
  const values = uniqueValues(label, 3);
  const sent = await produceValues(topic, values, env);
  const group = freshGroup(label);
  const first = track(await startAssigned('consume-commit', [topic, group, '--store-ms', '60000', ...flags], env));
  await first.waitFor((e) => e.type === 'storing-started', { timeoutMs: 15_000, what: 'storing to start' });
  const stopped = await first.stop('SIGTERM');
  const kafka = new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 });
  const committedAtStop = await fetchCommittedOffsets(kafka, group, topic);
  const restarted = track(await startAssigned('consume-commit', [topic, group, '--store-ms', '50', ...flags], env));
  const end = sent[2]!.offset + 1;
  await restarted.waitFor((e) => e.type === 'committed' && e.offset === end, { timeoutMs: 15_000, what: 'the restart to read the rest' });
  await restarted.stop();
  return { values, sent, stopped, committedAtStop, restarted: restarted.seen };
}

describe('consume-commit --commit-before-store against the sandbox', () => {
  it('commits before "Start storing"; stopped while storing, the broker is past the message, and the restart never sees it', async () => {
    const { values, sent, stopped, committedAtStop, restarted } = await stopAndRestart('first', ['--commit-before-store']);
    const [v0, v1, v2] = values;
    const o0 = sent[0]!.offset;
    expect(shape(stopped.events)).toEqual(['assigned', `message ${v0}`, `committed ${o0 + 1}`, `storing-started ${v0}`, 'stopped']);
    expect(committedAtStop).toEqual([{ partition: 0, offset: o0 + 1 }]);
    const stop = classifyStop(stopped.events);
    expect(stop).toMatchObject({ position: 'while-storing', interrupted: { partition: 0, offset: o0, committed: true } });
    expect(stop.description).toContain('after committing it');
    // The restart: the next message first, the interrupted one never.
    expect(restarted.flatMap((e) => (e.type === 'message' ? [e.value] : []))).toEqual([v1, v2]);
    expect(judgeSkipped(stop.interrupted!, restarted)).toMatchObject({ ok: true });
  });

  it('the course\'s program (store, then commit) fails the same judgement: it reads the interrupted message again', async () => {
    const { values, sent, stopped, committedAtStop, restarted } = await stopAndRestart('stored', []);
    expect(committedAtStop).toEqual([{ partition: 0, offset: null }]);
    const stop = classifyStop(stopped.events);
    expect(stop.interrupted).toMatchObject({ offset: sent[0]!.offset, committed: false });
    expect(restarted.flatMap((e) => (e.type === 'message' ? [e.value] : []))).toEqual(values);
    const verdict = judgeSkipped(stop.interrupted!, restarted);
    expect(verdict.ok).toBe(false);
    expect(verdict.happened).toBe(`it processed offset ${sent[0]!.offset} of partition 0 ("${values[0]}") again: it had not been committed, so nothing was lost`);
  });
});
