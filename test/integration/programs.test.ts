/**
 * The lesson programs against the real sandbox broker, started the way the
 * engine starts them (src/engine/process/): what they report, what Kafka
 * did (committed offsets read back from the broker), and how they fail.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProgram, type ProgramHandle } from '../../src/engine/process/index.js';
import type { EventOf } from '../../src/kafka/events.js';
import { fetchCommittedOffsets } from '../../src/kafka/offsets.js';
import { studentConfig } from '../support/sandbox.js';
import { CLIENT, freshGroup, freshTopic, produceValues, startAssigned, studentEnv, uniqueValues, waitForValues } from './programs.fixtures.js';

let env: Record<string, string>;
let kafka: Kafka;
const started: ProgramHandle[] = [];

beforeAll(async () => {
  env = await studentEnv();
  kafka = new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 });
});
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop('SIGKILL')));
});

const track = (program: ProgramHandle) => (started.push(program), program);

describe('produce', () => {
  it('reports each piped line with consecutive offsets of the partition, then a clean stop', async () => {
    const topic = await freshTopic();
    const values = uniqueValues('piped', 5);
    const sent = await produceValues(topic, values, env);
    expect(sent.map((e) => e.value)).toEqual(values);
    const offsets = sent.map((e) => e.offset);
    expect(offsets).toEqual(offsets.map((_, i) => offsets[0]! + i));
    // The broker agrees: the partition's end offset is one past the last reported offset.
    const admin = kafka.admin();
    await admin.connect();
    const [end] = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(Number(end?.high)).toBe(offsets.at(-1)! + 1);
  });
});

describe('produce to several partitions', () => {
  it("reports each message's own partition and offset, as the broker stored them", async () => {
    const topic = await freshTopic(3);
    const values = uniqueValues('spread', 30);
    const sent = await produceValues(topic, values, env);
    // --all: about 10 old messages per partition would otherwise be summarized (first and last 3).
    const consumer = track(await startAssigned('consume', [topic, '--group', freshGroup('spread'), '--from', 'earliest', '--all'], env));
    await waitForValues(consumer, values);
    const where = (e: { value: string; partition: number; offset: number }) => `${e.value} ${e.partition}@${e.offset}`;
    const received = consumer.seen.flatMap((e) => (e.type === 'message' ? [where(e)] : []));
    expect(new Set(sent.map((e) => e.partition)).size).toBeGreaterThan(1);
    expect(received.sort()).toEqual(sent.map(where).sort());
    await consumer.stop();
  });
});

describe('consume', () => {
  it('prints its assignment, then every message of a fresh earliest group in order with its offset', async () => {
    const topic = await freshTopic();
    const sent = await produceValues(topic, uniqueValues('early', 3), env);
    const consumer = track(await startAssigned('consume', [topic, '--group', freshGroup('consume'), '--from', 'earliest'], env));
    expect(consumer.seen[0]).toMatchObject({ type: 'assigned', partitions: [{ topic, partition: 0 }] });
    await waitForValues(consumer, sent.map((e) => e.value));
    const messages = consumer.seen.filter((e) => e.type === 'message');
    expect(messages.map((e) => [e.value, e.offset])).toEqual(sent.map((e) => [e.value, e.offset]));
    const exit = await consumer.stop('SIGTERM');
    expect(exit.exitCode).toBe(0);
    expect(exit.events.at(-1)).toMatchObject({ type: 'stopped', signal: 'SIGTERM' });
  });
});

describe('assigned', () => {
  it('means ready: a latest consumer gets a message sent the moment it reports its assignment', async () => {
    const topic = await freshTopic();
    const producer = track(startProgram('produce', [topic], { env }));
    const [warmup, value] = uniqueValues('ready', 2);
    producer.writeLine(warmup!);
    await producer.waitFor((e) => e.type === 'sent', { timeoutMs: 20_000, what: 'the producer to be connected' });
    const consumer = track(await startAssigned('consume', [topic, '--group', freshGroup('ready')], env));
    producer.writeLine(value!);
    await waitForValues(consumer, [value!]);
    expect(consumer.seen.filter((e) => e.type === 'message').map((e) => e.type === 'message' && e.value)).toEqual([value]);
    producer.closeInput();
    await Promise.all([producer.exited, consumer.stop()]);
  });
});

describe('a second consumer in the same group', () => {
  it('shares the one partition: after the rebalance exactly one of the two holds it', async () => {
    const topic = await freshTopic();
    const group = freshGroup('pair');
    const first = track(await startAssigned('consume', [topic, '--group', group], env));
    const second = track(startProgram('consume', [topic, '--group', group], { env }));
    const secondGot = await second.waitFor<EventOf<'assigned'>>((e) => e.type === 'assigned', { timeoutMs: 30_000, what: 'the second consumer to join' });
    // The rebalance reassigns the first one too; which member keeps the partition is the assigner's choice.
    const firstGot = await first.waitFor<EventOf<'assigned'>>((e) => e.type === 'assigned' && e !== first.seen[0], { timeoutMs: 30_000, what: 'the first consumer to be reassigned' });
    expect([firstGot.partitions.length, secondGot.partitions.length].sort()).toEqual([0, 1]);
    await Promise.all([first.stop(), second.stop()]);
  });
});

describe('consume-commit', () => {
  it('stopped while storing, commits nothing for the message in hand: the broker keeps its offset', async () => {
    const topic = await freshTopic();
    const sent = await produceValues(topic, uniqueValues('store', 3), env);
    const group = freshGroup('commit');
    const consumer = track(startProgram('consume-commit', [topic, group, '--store-ms', '1500'], { env }));
    await consumer.waitFor((e) => e.type === 'committed' && e.offset === sent[0]!.offset + 1, { timeoutMs: 30_000, what: 'the first message to be committed' });
    const storing = await consumer.waitFor<EventOf<'storing-started'>>((e) => e.type === 'storing-started' && e.offset === sent[1]!.offset, { timeoutMs: 10_000, what: 'the second message to be stored' });
    const exit = await consumer.stop('SIGTERM');

    expect(exit.exitCode).toBe(0);
    expect(exit.events.some((e) => e.type === 'storing-ended' && e.offset === storing.offset)).toBe(false);
    expect(exit.events.some((e) => e.type === 'committed' && e.offset > storing.offset)).toBe(false);
    expect(exit.events.at(-1)).toMatchObject({ type: 'stopped', signal: 'SIGTERM' });
    const committed = await fetchCommittedOffsets(kafka, group, topic);
    expect(committed).toEqual([{ partition: 0, offset: storing.offset }]);
  });
});

describe('stopping', () => {
  it('treats Ctrl-C (SIGINT) like docker stop: a clean stop that commits nothing in hand', async () => {
    const topic = await freshTopic();
    const sent = await produceValues(topic, uniqueValues('ctrlc', 1), env);
    const group = freshGroup('ctrlc');
    const consumer = track(startProgram('consume-commit', [topic, group, '--store-ms', '60000'], { env }));
    await consumer.waitFor((e) => e.type === 'storing-started', { timeoutMs: 30_000, what: 'storing to start' });
    process.kill(consumer.pid!, 'SIGINT');
    const exit = await consumer.exited;
    expect(exit.exitCode).toBe(0);
    expect(exit.events.at(-1)).toMatchObject({ type: 'stopped', signal: 'SIGINT' });
    expect(await fetchCommittedOffsets(kafka, group, topic)).toEqual([{ partition: 0, offset: null }]);
    expect(sent).toHaveLength(1);
  });

  it('exits after a bounded wait when the broker never answers', async () => {
    // A loopback server that accepts connections and never says a word: kafkajs would keep retrying.
    let connected!: () => void;
    const connecting = new Promise<void>((resolve) => (connected = resolve));
    const silent = createServer(() => connected());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const consumer = startProgram('consume', ['client3'], { env: { ...env, KAFKA_TUTOR_BOOTSTRAP: `127.0.0.1:${port}` } });
      // Once it connects it is waiting on the broker, with its stop handling in place.
      await connecting;
      const begun = Date.now();
      const exit = await consumer.stop('SIGTERM');
      // Bounded by STOP_GRACE_MS (4 s), far below kafkajs's own retries.
      expect(Date.now() - begun).toBeLessThan(8000);
      expect(exit.signal).toBeNull();
      expect(exit.exitCode).not.toBeNull();
    } finally {
      silent.close();
    }
  });
});

describe('failures', () => {
  it("names the client id and what it may use when the topic is another student's", async () => {
    const consumer = startProgram('consume', ['client4'], { env });
    const exit = await consumer.exited;
    expect(exit.exitCode).toBe(1);
    expect(exit.events).toHaveLength(1);
    expect(exit.events[0]).toMatchObject({ type: 'error', code: 'topic-not-allowed', message: expect.stringContaining(`Client ${CLIENT} may not use the topic client4`) });
  });

  it('produce refuses a foreign topic before any line is typed, and exits though its input stays open', async () => {
    const producer = startProgram('produce', ['client4'], { env });
    const exit = await producer.exited;
    expect(exit.exitCode).toBe(1);
    expect(exit.events).toEqual([expect.objectContaining({ type: 'error', code: 'topic-not-allowed' })]);
  });

  it('names the allowed groups when the group belongs to someone else', async () => {
    const topic = await freshTopic();
    const exit = await startProgram('consume', [topic, '--group', 'client4-mine'], { env }).exited;
    expect(exit.exitCode).toBe(1);
    expect(exit.events[0]).toMatchObject({ type: 'error', code: 'group-not-allowed', message: expect.stringContaining('simple_consumer') });
  });

  it('says the broker is not running when nothing listens at the address', async () => {
    const port = await closedPort();
    const exit = await startProgram('produce', ['client3'], { env: { ...env, KAFKA_TUTOR_BOOTSTRAP: `127.0.0.1:${port}` } }).exited;
    expect(exit.exitCode).toBe(1);
    expect(exit.events[0]).toMatchObject({ type: 'error', code: 'broker-unreachable', message: expect.stringContaining(`127.0.0.1:${port}`) });
  });

  it('refuses a bad --store-ms with one line and no stack trace', async () => {
    const exit = await startProgram('consume-commit', ['client3', 'client3-x', '--store-ms', 'soon'], { env }).exited;
    expect(exit.exitCode).not.toBe(0);
    expect(exit.stderr).toContain('whole number of milliseconds');
    expect(exit.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('secrets', () => {
  it('passes the keystore password through the environment, never on the command line', async () => {
    const password = readFileSync(`${env.KAFKA_TUTOR_AUTH}/password.txt`, 'utf8').trim();
    const consumer = track(await startAssigned('consume', [await freshTopic(), '--group', freshGroup('secret')], { ...env, KAFKA_TUTOR_PASSWORD: password }));
    const cmdline = readFileSync(`/proc/${consumer.pid}/cmdline`, 'utf8');
    expect(cmdline).toContain('consume');
    expect(cmdline).not.toContain(password);
    expect(() => startProgram('consume', ['client3', password], { env: { KAFKA_TUTOR_PASSWORD: password } })).toThrow(/never be passed as an argument/);
    await consumer.stop('SIGTERM');
  });
});

/** A loopback port nothing listens on: bind one, then free it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
