#!/usr/bin/env node
// What a topic's history costs a lesson consumer, against the running sandbox: `consume --from earliest`
// in a fresh group on a topic with a long history (default 200,000 messages) and on a small one (300).
// For each: start → the last old message printed, a new message's arrival after "assigned", and the
// consumer's CPU time until then (from /proc, so Linux only). The consumer summarizes a long backlog,
// so the ratios should stay near 1 (the target for check: at most 1.2×).
// Usage: npm run build && node bench/history.mjs [messages=200000] [rounds=3] [clientN=client2]
// Prints numbers only; nothing here asserts a time.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kafka } from 'kafkajs';
import { startProgram } from '../dist/engine/process/index.js';
import { sandboxAdminConfig } from '../dist/kafka/sandbox-admin.js';
import { readSandboxState, isSandboxRunning } from '../dist/sandbox/state.js';
import { studentAcls } from '../dist/sandbox/students.js';

const bigCount = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 3);
const clientId = process.argv[4] ?? 'client2';
const SMALL_COUNT = 300;
const BATCH = 10_000;

const state = await readSandboxState();
if (!state || !(await isSandboxRunning(state))) {
  console.error('The sandbox is not running: kafka-tutor sandbox start');
  process.exit(2);
}
const student = state.students.find((s) => s.clientId === clientId);
if (!student) throw new Error(`The sandbox has no student ${clientId}.`);
const env = { KAFKA_TUTOR_BOOTSTRAP: state.bootstrap, KAFKA_TUTOR_AUTH: student.dir };
const kafka = new Kafka({ ...(await sandboxAdminConfig(state)), logLevel: 0 });
const admin = kafka.admin();
await admin.connect();
const producer = kafka.producer();
await producer.connect();
const topics = [];

/** A topic of the student's holding `count` messages, written in batches of 10,000. */
async function filledTopic(count) {
  const topic = `${clientId}-history-${randomUUID().slice(0, 8)}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: state.brokers.length }], waitForLeaders: true });
  await admin.createAcls({ acl: studentAcls({ clientId, topic }).filter((entry) => entry.resourceName === topic) });
  topics.push(topic);
  for (let from = 0; from < count; from += BATCH) {
    const messages = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => ({ value: `old message ${from + i + 1}` }));
    await producer.send({ topic, messages });
  }
  return topic;
}

/** utime + stime of a live process, in ms (Linux /proc). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function round(topic, count) {
  const group = `${clientId}-history-${randomUUID().slice(0, 8)}`;
  const t0 = performance.now();
  const consumer = startProgram('consume', [topic, '--group', group, '--from', 'earliest'], { env });
  const wait = (predicate, what) => consumer.waitFor(predicate, { timeoutMs: 600_000, what });
  await wait((e) => e.type === 'assigned', 'assignment');
  const value = `new message ${randomUUID()}`;
  const sentAt = performance.now();
  await producer.send({ topic, messages: [{ value }] });
  await wait((e) => e.type === 'message' && e.offset === count - 1, 'the last old message');
  const lastOldMs = performance.now() - t0;
  await wait((e) => e.type === 'message' && e.value === value, 'the new message');
  const newMs = performance.now() - sentAt;
  const cpu = cpuMs(consumer.pid);
  const lines = consumer.seen.length;
  await consumer.stop('SIGTERM');
  return { lastOldMs, newMs, cpu, lines };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`history: consume --from earliest, fresh group, ${rounds} round(s) each, student ${clientId}`);
const fillStart = performance.now();
const big = await filledTopic(bigCount);
console.log(`filled ${big} with ${bigCount.toLocaleString('en-US')} messages in ${fmt(performance.now() - fillStart)}`);
const small = await filledTopic(SMALL_COUNT);
const results = {};
for (const [name, topic, count] of [['small', small, SMALL_COUNT], ['long history', big, bigCount]]) {
  results[name] = [];
  for (let i = 1; i <= rounds; i++) {
    const r = await round(topic, count);
    results[name].push(r);
    console.log(`${name} (${count.toLocaleString('en-US')}) round ${i}: start→last old message ${fmt(r.lastOldMs)}  new message after ${fmt(r.newMs)}  consumer CPU ${fmt(r.cpu)}  ${r.lines} event lines`);
  }
}
const ratio = (key) => (median(results['long history'].map((r) => r[key])) / median(results.small.map((r) => r[key]))).toFixed(2);
console.log(`ratio long history / small (medians): wall to last old message ${ratio('lastOldMs')}×, consumer CPU ${ratio('cpu')}×`);
await producer.disconnect();
await admin.deleteTopics({ topics }).catch(() => undefined);
await admin.deleteAcls({ filters: topics.flatMap((topic) => studentAcls({ clientId, topic }).filter((entry) => entry.resourceName === topic)) }).catch(() => undefined);
await admin.disconnect();
