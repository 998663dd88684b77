#!/usr/bin/env node
// How fast the interrupted-commit lesson turns around, against the running sandbox:
//   1. start consume-commit (fresh group, earliest: with latest a group that never committed would skip the interrupted message) → "assigned",
//   2. SIGTERM while storing → the restarted consumer re-processes the interrupted message
//      (target: under 2 s: the stopped consumer left its group, so the partition moves at once),
//   3. the same after SIGKILL (like `docker kill`): the broker keeps the dead member until its
//      session timeout expires, so the restart waits about that long.
// Usage: npm run build && node bench/consumer-restart.mjs [rounds=3] [clientN=client2]
// Prints numbers only; nothing here asserts a time.
import { randomUUID } from 'node:crypto';
import { startProgram } from '../dist/engine/process/index.js';
import { readSandboxState, isSandboxRunning } from '../dist/sandbox/state.js';
import { benchTopics } from './bench-topics.mjs';

const rounds = Number(process.argv[2] ?? 3);
const clientId = process.argv[3] ?? 'client2';
const SESSION_TIMEOUT_MS = 10_000; // the programs' default --session-timeout

const state = await readSandboxState();
if (!state || !(await isSandboxRunning(state))) {
  console.error('The sandbox is not running: kafka-tutor sandbox start');
  process.exit(2);
}
const student = state.students.find((s) => s.clientId === clientId);
if (!student) throw new Error(`The sandbox has no student ${clientId}.`);
const env = { KAFKA_TUTOR_BOOTSTRAP: state.bootstrap, KAFKA_TUTOR_AUTH: student.dir };
// Each round gets a topic of its own (with the student's ACLs): a fresh earliest group then finds only our message.
const benchTopicsOf = await benchTopics(state, clientId);
const createTopic = () => benchTopicsOf.create();

async function produce(topic, values) {
  const producer = startProgram('produce', [topic], { env });
  values.forEach((v) => producer.writeLine(v));
  producer.closeInput();
  const exit = await producer.exited;
  if (exit.exitCode !== 0) throw new Error(`produce failed: ${JSON.stringify(exit.events.at(-1))} ${exit.stderr}`);
}

const wait = (program, predicate, what, timeoutMs = 60_000) => program.waitFor(predicate, { timeoutMs, what });

async function round(signal) {
  const topic = await createTopic();
  const group = `${clientId}-bench-${randomUUID().slice(0, 8)}`;
  const args = [topic, group, '--from', 'earliest', '--store-ms', '5000', '--session-timeout', String(SESSION_TIMEOUT_MS)];
  const t0 = performance.now();
  const first = startProgram('consume-commit', args, { env });
  await wait(first, (e) => e.type === 'assigned', 'assignment');
  const assignedMs = performance.now() - t0;
  const value = `bench-${randomUUID()}`;
  await produce(topic, [value]);
  const storing = await wait(first, (e) => e.type === 'storing-started' && e.value === value, 'storing');
  const stopAt = performance.now();
  const exit = await first.stop(signal);
  const exitedMs = performance.now() - stopAt;
  const restarted = startProgram('consume-commit', args, { env });
  await wait(restarted, (e) => e.type === 'message' && e.partition === storing.partition && e.offset === storing.offset, 'the interrupted message again');
  const redeliveredMs = performance.now() - stopAt;
  await restarted.stop('SIGTERM');
  return { assignedMs, exitedMs, redeliveredMs, exitCode: exit.exitCode ?? exit.signal };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`consumer-restart: ${rounds} round(s) per signal, student ${clientId}, session timeout ${SESSION_TIMEOUT_MS / 1000} s, storing 5 s`);
for (const signal of ['SIGTERM', 'SIGKILL']) {
  for (let i = 1; i <= rounds; i++) {
    const r = await round(signal);
    console.log(`result: ${signal} round ${i}: start→assigned ${fmt(r.assignedMs)}  stop→exited ${fmt(r.exitedMs)}  stop→interrupted message re-processed ${fmt(r.redeliveredMs)}`);
  }
}
await benchTopicsOf.close();
console.log(`target: SIGTERM → re-processed under 2 s; SIGKILL waits for the session timeout (${SESSION_TIMEOUT_MS / 1000} s here, 30 s with kafkajs defaults / 45 s with librdkafka's)`);
