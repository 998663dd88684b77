/**
 * Piped `kafka-tutor produce` against the real sandbox: many lines per request, several requests
 * in flight, and still every line exactly once, in order, each with its own offset; a last line
 * without a newline; a SIGTERM mid-stream. What Kafka holds is read back from the broker.
 */
import { spawn } from 'node:child_process';
import { Kafka } from 'kafkajs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH } from '../../src/engine/process/index.js';
import { parseEvent, type EventOf } from '../../src/kafka/events.js';
import { studentConfig, uniqueName } from '../support/sandbox.js';
import { CLIENT, freshTopic, studentEnv, uniqueValues } from './programs.fixtures.js';

let env: Record<string, string>;
let kafka: Kafka;

beforeAll(async () => {
  env = { ...(await studentEnv()), PATH: process.env.PATH ?? '' };
  kafka = new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  sent: EventOf<'sent'>[];
}

/** Runs `kafka-tutor produce <topic> …args` with `feed` writing its stdin; resolves once it exited. */
function runProduce(args: string[], feed: (stdin: NodeJS.WritableStream, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  const child = spawn(process.execPath, [BIN_PATH, 'produce', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => undefined);
  feed(child.stdin, child);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const sent = stdout.split('\n').flatMap((line) => {
        const event = parseEvent(line);
        return event?.type === 'sent' ? [event] : [];
      });
      resolve({ code, stdout, stderr, sent });
    });
  });
}

/** Every value in `topic` (one partition), read from the beginning by a fresh group. */
async function readBack(topic: string, expected: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: uniqueName(`${CLIENT}-readback`) });
  const values: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) values.push(message.value?.toString() ?? '');
        if (values.length >= expected) resolve();
      },
    });
  });
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  await consumer.disconnect();
  return values;
}

async function endOffset(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return Number((await admin.fetchTopicOffsets(topic))[0]?.high);
  } finally {
    await admin.disconnect();
  }
}

describe('piped produce', () => {
  it('delivers 20,000 lines exactly once and in order, one sent event per line with consecutive offsets', async () => {
    const topic = await freshTopic();
    const values = uniqueValues('bulk', 20_000);
    const run = await runProduce([topic, '--json'], (stdin) => stdin.end(`${values.join('\n')}\n`));
    expect(run.code).toBe(0);
    expect(run.sent.map((e) => e.value)).toEqual(values);
    expect(run.sent.map((e) => e.offset)).toEqual(values.map((_, i) => i));
    expect(parseEvent(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({ type: 'stopped', signal: 'eof' });
    expect(await endOffset(topic)).toBe(values.length);
    expect(await readBack(topic, values.length)).toEqual(values);
  });

  it('sends a last line that has no newline, and empty lines as empty messages (human output)', async () => {
    const topic = await freshTopic();
    const run = await runProduce([topic], (stdin) => stdin.end('first\r\n\nlast without newline'));
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('sent '))).toEqual([`sent ${topic}[0]@0: first`, `sent ${topic}[0]@1: `, `sent ${topic}[0]@2: last without newline`]);
    expect(run.stderr).toContain(`Sent 3 messages to ${topic}.`);
    expect(await readBack(topic, 3)).toEqual(['first', '', 'last without newline']);
  });

  it('piped in human mode, lists the first 5 messages, then says which offsets the rest got; Kafka has them all', async () => {
    const topic = await freshTopic();
    const values = uniqueValues('listed', 12);
    const run = await runProduce([topic], (stdin) => stdin.end(`${values.join('\n')}\n`));
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('sent '))).toEqual(values.slice(0, 5).map((value, i) => `sent ${topic}[0]@${i}: ${value}`));
    expect(run.stderr).toContain(`Sent 12 messages to ${topic}.`);
    expect(run.stderr).toContain('Only the first 5 are listed above (--json lists every one); partition 0 got offsets 0-11.');
    expect(await readBack(topic, 12)).toEqual(values);
  });

  it('stopped by SIGTERM mid-stream, has in Kafka exactly what it reported sent, in order, and ends cleanly', async () => {
    const topic = await freshTopic();
    const values = uniqueValues('term', 200_000);
    let stopped = false;
    const run = await runProduce([topic, '--json'], (stdin, child) => {
      // Lines keep coming until the SIGTERM: the input never ends by itself.
      let next = 0;
      const write = () => {
        while (!stopped && next < values.length) if (!stdin.write(`${values.slice(next, (next += 1000)).join('\n')}\n`)) return void stdin.once('drain', write);
      };
      write();
      child.stdout!.on('data', () => {
        if (!stopped && next >= 5000) {
          stopped = true;
          child.kill('SIGTERM');
        }
      });
    });
    expect(run.code).toBe(0);
    expect(parseEvent(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({ type: 'stopped', signal: 'SIGTERM' });
    expect(run.sent.length).toBeGreaterThan(0);
    expect(run.sent.map((e) => e.value)).toEqual(values.slice(0, run.sent.length));
    expect(await endOffset(topic)).toBe(run.sent.length);
    expect(await readBack(topic, run.sent.length)).toEqual(run.sent.map((e) => e.value));
  });
});

describe('openBatchProducer', () => {
  it('sends over its own connections (not falling back to kafkajs) and reports the offsets the broker gave', async () => {
    const { openBatchProducer } = await import('../../src/kafka/batch-producer.js');
    const { loadProfile } = await import('../../src/profile/index.js');
    const { linesOf } = await import('../../src/kafka/programs/lines.js');
    const topic = await freshTopic(3);
    const { profile, credentials } = await loadProfile({ bootstrap: env.KAFKA_TUTOR_BOOTSTRAP, auth: env.KAFKA_TUTOR_AUTH });
    const producer = await openBatchProducer(profile, credentials, topic);
    const values = uniqueValues('direct', 3000);
    const facts = [await producer.send(linesOf(values.slice(0, 1500))), await producer.send(linesOf(values.slice(1500)))].flatMap((batch) =>
      batch.lines.texts().map((value, i) => ({ value, partition: batch.partitions[i]!, offset: batch.offsets[i]! })),
    );
    expect(producer.path()).toBe('direct');
    await producer.close();
    expect(facts.map((f) => f.value)).toEqual(values);
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    // Every partition got a share, and its end offset is one past the last offset reported for it.
    for (const { partition, high } of ends) expect(Math.max(...facts.filter((f) => f.partition === partition).map((f) => f.offset)) + 1).toBe(Number(high));
  });
});
