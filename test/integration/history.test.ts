/**
 * A topic with a long history (issue 13, point 9), on the real broker: an earliest
 * consumer shows the first and last old messages and counts the rest, so a lesson
 * goes on at once whatever the topic holds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Kafka, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playLesson } from '../../src/engine/menu.js';
import { BIN_PATH, startProgram, type ProgramHandle } from '../../src/engine/process/index.js';
import type { EventOf } from '../../src/kafka/events.js';
import { fetchCommittedOffsets } from '../../src/kafka/offsets.js';
import { verifyRoundTrip } from '../../src/kafka/sandbox-verify.js';
import { createStudentTopic, sandboxState, sandboxStudent, studentConfig, uniqueName } from '../support/sandbox.js';
import { lessonSetup } from './lessons-helpers.js';
import { studentEnv } from './programs.fixtures.js';

const CLIENT = 'client1';
const HISTORY = 200_000;
const count = (n: number) => n.toLocaleString('en-US');

let kafka: Kafka;
let producer: Producer;
let env: Record<string, string>;
let longTopic: string;
const started: ProgramHandle[] = [];
const spawned: ChildProcess[] = [];

/** Writes `values` in order, in sends of 1,000 (kafkajs groups one send's messages in quadratic time). */
async function write(topic: string, values: string[]): Promise<void> {
  for (let i = 0; i < values.length; i += 1000) await producer.send({ topic, messages: values.slice(i, i + 1000).map((value) => ({ value })) });
}
const oldValues = (n: number) => Array.from({ length: n }, (_, i) => `old message ${i + 1}`);

async function highWatermark(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return Number((await admin.fetchTopicOffsets(topic)).find((p) => p.partition === 0)?.high);
  } finally {
    await admin.disconnect();
  }
}

async function consumer(topic: string, extra: string[] = []): Promise<ProgramHandle> {
  const program = startProgram('consume', [topic, '--group', uniqueName(`${CLIENT}-history`), ...extra], { env });
  started.push(program);
  await program.waitFor((e) => e.type === 'assigned', { timeoutMs: 30_000, what: 'the assignment' });
  return program;
}

const messages = (program: ProgramHandle) => program.seen.filter((e): e is EventOf<'message'> => e.type === 'message');
const skips = (program: ProgramHandle) => program.seen.filter((e): e is EventOf<'backlog-skipped'> => e.type === 'backlog-skipped');

beforeAll(async () => {
  env = await studentEnv(CLIENT);
  kafka = new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 });
  producer = kafka.producer();
  await producer.connect();
  longTopic = await createStudentTopic(CLIENT);
  await write(longTopic, oldValues(HISTORY));
});
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop('SIGKILL')));
  // A test that timed out must not leave its consumer behind.
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await producer?.disconnect();
});

describe(`consume --from earliest on a topic with ${count(HISTORY)} old messages`, () => {
  it('prints the first and last 3, one backlog-skipped event for the rest, then a new message; the group counts the skipped as read', async () => {
    const high = await highWatermark(longTopic);
    expect(high).toBe(HISTORY);
    const program = await consumer(longTopic, ['--from', 'earliest']);
    await producer.send({ topic: longTopic, messages: [{ value: 'new message' }] });
    await program.waitFor((e) => e.type === 'message' && e.value === 'new message', { timeoutMs: 20_000, what: 'the new message' });
    expect(messages(program).map((e) => [e.offset, e.value])).toEqual([
      [0, 'old message 1'],
      [1, 'old message 2'],
      [2, 'old message 3'],
      [high - 3, `old message ${high - 2}`],
      [high - 2, `old message ${high - 1}`],
      [high - 1, `old message ${high}`],
      [high, 'new message'],
    ]);
    expect(skips(program)).toEqual([expect.objectContaining({ topic: longTopic, partition: 0, fromOffset: 3, toOffset: high - 3, count: high - 6 })]);
    // The skip sits between the first and the last old messages.
    const order = program.seen.filter((e) => e.type === 'message' || e.type === 'backlog-skipped').map((e) => e.type);
    expect(order.indexOf('backlog-skipped')).toBe(3);
    // What Kafka recorded: the group's committed offset is past the skipped messages and the new one.
    await expect.poll(async () => (await fetchCommittedOffsets(kafka, (program.seen[0] as EventOf<'assigned'>).group, longTopic))[0]?.offset, { timeout: 10_000 }).toBe(high + 1);
    expect((await program.stop('SIGTERM')).exitCode).toBe(0);
  });

  it('prints the count with thousands separators in human mode, and says how to see everything', async () => {
    const high = await highWatermark(longTopic);
    const child = spawn(process.execPath, [BIN_PATH, 'consume', longTopic, '--group', uniqueName(`${CLIENT}-history`), '--from', 'earliest'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    spawned.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const lines: string[] = [];
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Bounded: a consumer that never prints the last old message is stopped, and the comparison below fails.
    const bound = setTimeout(() => child.kill('SIGTERM'), 30_000);
    try {
      for await (const line of createInterface({ input: child.stdout })) {
        lines.push(line);
        if (line.endsWith(`@${high - 1})`)) break;
      }
    } finally {
      clearTimeout(bound);
      child.kill('SIGTERM');
      await exited;
    }
    // The last old messages' values depend on what earlier tests added: their offsets say it all.
    const printedAt = (offset: number) => expect.stringMatching(new RegExp(`message.*\\(${longTopic}\\[0\\]@${offset}\\)$`));
    expect(lines.filter((line) => !line.startsWith('Assigned partitions'))).toEqual([
      `old message 1   (${longTopic}[0]@0)`,
      `old message 2   (${longTopic}[0]@1)`,
      `old message 3   (${longTopic}[0]@2)`,
      `… ${count(high - 6)} more old messages …   (${longTopic}[0]@3–${high - 4} not printed)`,
      printedAt(high - 3),
      printedAt(high - 2),
      printedAt(high - 1),
    ]);
    expect(stderr).toContain('--all to print every old message');
  });
});

describe('what is not a long history', () => {
  it('a short backlog is summarized without a seek, --all prints it whole, and a burst after "assigned" is new, not old', async () => {
    const topic = await createStudentTopic(CLIENT);
    await write(topic, oldValues(20));
    const [summarized, everything, latest] = await Promise.all([consumer(topic, ['--from', 'earliest']), consumer(topic, ['--from', 'earliest', '--all']), consumer(topic)]);
    const burst = Array.from({ length: 20 }, (_, i) => `burst ${i + 1}`);
    await write(topic, burst);
    for (const program of [summarized, everything, latest]) {
      await program.waitFor((e) => e.type === 'message' && e.value === 'burst 20', { timeoutMs: 20_000, what: 'the end of the burst' });
    }
    expect(messages(summarized).map((e) => e.offset)).toEqual([0, 1, 2, 17, 18, 19, ...burst.map((_, i) => 20 + i)]);
    expect(skips(summarized)).toEqual([expect.objectContaining({ fromOffset: 3, toOffset: 17, count: 14 })]);
    expect(messages(everything).map((e) => e.value)).toEqual([...oldValues(20), ...burst]);
    expect(skips(everything)).toEqual([]);
    // A latest consumer found no backlog: the 20 messages written after its assignment all print.
    expect(messages(latest).map((e) => e.value)).toEqual(burst);
    expect(skips(latest)).toEqual([]);
    await Promise.all([summarized, everything, latest].map((p) => p.stop('SIGTERM')));
  });
});

describe('lesson "offset-reset" on a topic with a long history', () => {
  it("shows the earliest consumer's summary and goes on at once to the end of the lesson", async () => {
    const high = await highWatermark(longTopic);
    const { options, script } = await lessonSetup({ topic: longTopic });
    const lesson = playLesson('offset-reset', options, false);
    await script.waitFor(`already holds ${high} messages this group has not read`);
    await script.waitFor('Predict: Two consumers start now');
    script.choose('Only the earliest one');
    await script.waitFor(`[earliest] old message 3   (${longTopic}[0]@2)`);
    await script.waitFor(`[earliest] … ${count(high - 6)} more old messages …`);
    await script.waitFor(new RegExp(`\\[earliest\\] [^\\n]*\\(${longTopic}\\[0\\]@${high - 1}\\)`));
    await script.waitFor('You predicted it');
    await script.waitFor(/it reached earliest and latest/);
    await script.waitFor('Predict: The latest consumer stops');
    script.choose('Exactly the two messages it missed');
    await script.waitFor('You predicted it');
    await expect(lesson).resolves.toBe('done');
    // Of the history, the earliest consumer printed the first and last 3 old messages, nothing else.
    const printed = [...script.screen().matchAll(new RegExp(`^\\[earliest\\] .*\\(${longTopic}\\[0\\]@(\\d+)\\)$`, 'gm'))].map((m) => Number(m[1]));
    expect(printed.filter((offset) => offset < high)).toEqual([0, 1, 2, high - 3, high - 2, high - 1]);
  });
});

describe(`the sandbox's start-up check on a topic with ${count(HISTORY)} old messages`, () => {
  it('reads its own message back first: none of the history is read before it', async () => {
    const state = await sandboxState();
    const student = { ...(await sandboxStudent(CLIENT)), topic: longTopic };
    const before = await highWatermark(longTopic);
    expect(await verifyRoundTrip(state, student, 30_000)).toBe(0);
    expect(await highWatermark(longTopic)).toBe(before + 1);
  });
});
