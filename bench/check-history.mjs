#!/usr/bin/env node
// What a topic's history costs `check` (issue 13, point 9: at most 1.2× a small topic), against the
// running sandbox: `check --json` for a student whose own topic holds a few hundred messages and for one
// whose topic holds a long history (default 200,000), rounds alternating. For each run: wall time and
// client CPU (user+sys of the check process and the lesson programs it ran and reaped, from the
// children's times in /proc/self/stat, so Linux only); then the per-test durations that differ most.
// The two students are provisioned afresh (certificate, topic, ACLs) and removed at the end.
// Usage: npm run build && node bench/check-history.mjs [messages=200000] [rounds=3]
// Prints numbers only; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka } from 'kafkajs';
import { provisionStudents } from '../dist/class/provision.js';
import { isSandboxRunning, readSandboxState } from '../dist/sandbox/state.js';
import { sandboxAdminConfig } from '../dist/kafka/sandbox-admin.js';
import { studentAcls } from '../dist/sandbox/students.js';

const bigCount = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 3);
const SMALL_COUNT = 300;
const BATCH = 1000;
const bin = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));

const state = await readSandboxState();
if (!state || !isSandboxRunning(state)) {
  console.error('The sandbox is not running: kafka-tutor sandbox start');
  process.exit(2);
}
const config = await sandboxAdminConfig(state);
const kafka = new Kafka({ ...config, logLevel: 0 });
const admin = kafka.admin();
const producer = kafka.producer();
await Promise.all([admin.connect(), producer.connect()]);
const outDir = mkdtempSync(join(tmpdir(), 'kt-bench-check-history-'));
const ca = { cert: readFileSync(state.caPath, 'utf8'), key: readFileSync(join(dirname(state.caPath), 'ca.key'), 'utf8') };
const made = [];

/** A fresh student (like the sandbox's own) whose topic holds `count` messages, written in sends of 1,000. */
async function studentWith(count) {
  const clientId = `client9${randomInt(100_000, 999_999)}`;
  const { students } = await provisionStudents({ students: [{ clientId }], outDir, ca, admin: config, partitions: 1, replicationFactor: state.brokers.length });
  made.push(clientId);
  for (let from = 0; from < count; from += BATCH) {
    await producer.send({ topic: clientId, messages: Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => ({ value: `old message ${from + i + 1}` })) });
  }
  return { clientId, dir: students[0].dir, count };
}

/** utime + stime of this process's reaped children so far, in ms (Linux /proc). */
function childrenCpuMs() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

function checkOnce(student) {
  const cpuBefore = childrenCpuMs();
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, 'check', '--json', '--bootstrap', state.bootstrap, '--auth', student.dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const report = JSON.parse(run.stdout);
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore, report, exitCode: run.status };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fillStart = performance.now();
const small = await studentWith(SMALL_COUNT);
const big = await studentWith(bigCount);
console.log(`check-history: ${rounds} round(s), alternating; small ${small.clientId} (${SMALL_COUNT}), long ${big.clientId} (${bigCount.toLocaleString('en-US')}), filled in ${fmt(performance.now() - fillStart)}`);
const results = { small: [], long: [] };
for (let i = 1; i <= rounds; i++) {
  // Alternating which goes first: a machine that gets busier favours neither.
  const order = i % 2 === 1 ? [['small', small], ['long', big]] : [['long', big], ['small', small]];
  for (const [name, student] of order) {
    const r = checkOnce(student);
    results[name].push(r);
    console.log(`round ${i} ${name.padEnd(5)}: ${fmt(r.wallMs)} wall, ${fmt(r.cpuMs)} CPU, exit ${r.exitCode}, status ${r.report.status}, points ${r.report.points}/${r.report.max_points}`);
  }
}
const wall = (name) => median(results[name].map((r) => r.wallMs));
const cpu = (name) => median(results[name].map((r) => r.cpuMs));
console.log(`medians: small ${fmt(wall('small'))} wall, ${fmt(cpu('small'))} CPU; long ${fmt(wall('long'))} wall, ${fmt(cpu('long'))} CPU`);
console.log(`ratio long / small (medians): wall ${(wall('long') / wall('small')).toFixed(2)}×, CPU ${(cpu('long') / cpu('small')).toFixed(2)}× (target ≤ 1.2×)`);
// Where a difference sits: each test's median duration, long against small.
const testMs = (name, test) => median(results[name].map((r) => (r.report.tests.find((t) => t.name === test)?.duration ?? 0) * 1000));
const deltas = results.small[0].report.tests.map((t) => ({ name: t.name, small: testMs('small', t.name), long: testMs('long', t.name) }));
for (const d of deltas.sort((a, b) => b.long - b.small - (a.long - a.small)).slice(0, 3)) console.log(`  ${d.name}: ${fmt(d.small)} → ${fmt(d.long)}`);

await producer.disconnect();
await admin.deleteTopics({ topics: made }).catch(() => undefined);
await admin.deleteAcls({ filters: made.flatMap((clientId) => studentAcls({ clientId, topic: clientId })) }).catch(() => undefined);
await admin.disconnect();
