/**
 * `check` runs the lesson programs in its own process (in-process.ts); the
 * tutor runs them as children. The same scripted scenario against the real
 * broker must give the same events and leave Kafka in the same state.
 */
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessStarter } from '../../src/engine/process/in-process.js';
import { startProgram, type ProgramHandle } from '../../src/engine/process/index.js';
import type { StartProgram } from '../../src/engine/programs.js';
import type { ProgramEvent } from '../../src/kafka/events.js';
import { fetchCommittedOffsets } from '../../src/kafka/offsets.js';
import { loadProfile } from '../../src/profile/index.js';
import { sandboxState, sandboxStudent, studentConfig } from '../support/sandbox.js';
import { CLIENT, freshGroup, freshTopic, produceValues, studentEnv, uniqueValues, waitForValues } from './programs.fixtures.js';

let env: Record<string, string>;
let kafka: Kafka;
let inProcess: StartProgram;
const started: ProgramHandle[] = [];

beforeAll(async () => {
  env = await studentEnv();
  kafka = new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 });
  const [state, student] = [await sandboxState(), await sandboxStudent(CLIENT)];
  inProcess = inProcessStarter(await loadProfile({ bootstrap: state.bootstrap, auth: student.dir }));
});
afterAll(async () => {
  await Promise.allSettled(started.map((p) => p.stop('SIGTERM')));
});

const ways: [string, () => StartProgram][] = [
  ['child process', () => startProgram as unknown as StartProgram],
  ['in-process', () => inProcess],
];

function start(way: () => StartProgram, kind: 'consume' | 'consume-commit', args: string[]): ProgramHandle {
  const program = way()(kind, args, { env }) as ProgramHandle;
  started.push(program);
  return program;
}

const assigned = (program: ProgramHandle) => program.waitFor((e) => e.type === 'assigned' && e.partitions.length > 0, { timeoutMs: 30_000, what: 'the assignment' });

/** Event types in order; kafkajs's automatic commits follow its batches, so only their last offset is compared. */
const shape = (events: readonly ProgramEvent[]) => events.filter((e) => e.type !== 'committed').map((e) => (e.type === 'message' ? `message ${e.value}` : e.type));

async function consumeScenario(way: () => StartProgram) {
  const topic = await freshTopic();
  const values = uniqueValues('same', 3);
  await produceValues(topic, values, env);
  const group = freshGroup('same');
  const consumer = start(way, 'consume', [topic, '--group', group, '--from', 'earliest', '--json']);
  await assigned(consumer);
  await waitForValues(consumer, values);
  await consumer.waitFor((e) => e.type === 'committed' && e.offset === 3, { timeoutMs: 20_000, what: 'the automatic commit' });
  const exit = await consumer.stop('SIGTERM');
  const committed = await fetchCommittedOffsets(kafka, group, topic);
  return { exit, values, committed, shape: shape(exit.events) };
}

async function interruptedScenario(way: () => StartProgram) {
  const topic = await freshTopic();
  const values = uniqueValues('stored', 2);
  await produceValues(topic, values, env);
  const group = freshGroup('stored');
  const committer = start(way, 'consume-commit', [topic, group, '--store-ms', '60000', '--json']);
  await committer.waitFor((e) => e.type === 'storing-started', { timeoutMs: 30_000, what: 'storing to start' });
  const exit = await committer.stop('SIGTERM');
  const committed = await fetchCommittedOffsets(kafka, group, topic);
  return { exit, values, committed, shape: shape(exit.events) };
}

describe('a lesson program in-process and as a child', () => {
  it('consume: the same events in the same order, the same clean stop, the same committed offset', async () => {
    const results = [];
    for (const [, way] of ways) results.push(await consumeScenario(way));
    for (const { exit, values, committed, shape: types } of results) {
      expect(types).toEqual(['assigned', ...values.map((v) => `message ${v}`), 'stopped']);
      expect(exit.exitCode).toBe(0);
      expect(exit.events.at(-1)).toMatchObject({ type: 'stopped', signal: 'SIGTERM' });
      expect(committed).toEqual(results[0]!.committed);
    }
    expect(results[0]!.committed).toMatchObject([{ partition: 0, offset: 3 }]);
  });

  it('consume-commit stopped while storing: neither commits the message in hand, both report stopped', async () => {
    const results = [];
    for (const [, way] of ways) results.push(await interruptedScenario(way));
    for (const { exit, values, committed, shape: types } of results) {
      expect(types).toEqual(['assigned', `message ${values[0]}`, 'storing-started', 'stopped']);
      expect(exit.exitCode).toBe(0);
      expect(committed).toEqual([{ partition: 0, offset: null }]);
    }
  });

  it('in-process refuses SIGKILL with a clear error instead of pretending', async () => {
    const topic = await freshTopic();
    const consumer = start(() => inProcess, 'consume', [topic, '--group', freshGroup('kill'), '--json']);
    await assigned(consumer);
    await expect(consumer.stop('SIGKILL')).rejects.toThrow(/cannot SIGKILL/);
    const exit = await consumer.stop('SIGTERM');
    expect(exit.events.at(-1)).toMatchObject({ type: 'stopped', signal: 'SIGTERM' });
  });

  it('in-process reports bad arguments as a child would: exit code 1 and the reason on stderr', async () => {
    const program = start(() => inProcess, 'consume', ['client3', '--from', 'yesterday']);
    const exit = await program.exited;
    expect(exit.exitCode).toBe(1);
    expect(exit.stderr).toMatch(/--from takes earliest or latest/);
  });
});
