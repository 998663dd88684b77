#!/usr/bin/env node
// Wall time of a full `kafka-tutor check` for one sandbox student (target: under 10 s on
// this 2-core machine), spawned as a user would run it, several rounds in a row.
// Usage: npm run build && node bench/check.mjs [rounds=3] [clientN=client1]
// Prints numbers only; nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isSandboxRunning, readSandboxState } from '../dist/sandbox/state.js';

const rounds = Number(process.argv[2] ?? 3);
const clientId = process.argv[3] ?? 'client1';
const bin = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));

const state = await readSandboxState();
if (!state || !isSandboxRunning(state)) {
  console.error('The sandbox is not running: kafka-tutor sandbox start');
  process.exit(2);
}
const student = state.students.find((s) => s.clientId === clientId);
if (!student) throw new Error(`The sandbox has no student ${clientId}.`);

const times = [];
for (let round = 1; round <= rounds; round++) {
  const started = process.hrtime.bigint();
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [bin, 'check', '--json', '--bootstrap', state.bootstrap, '--auth', student.dir], { encoding: 'utf8' });
  } catch (error) {
    stdout = error.stdout;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = JSON.parse(stdout);
  times.push(seconds);
  const slowest = [...report.tests].sort((a, b) => b.duration - a.duration)[0];
  console.log(`round ${round}: ${seconds.toFixed(2)} s wall, status ${report.status}, points ${report.points}/${report.max_points}, slowest check ${slowest?.name} ${slowest?.duration.toFixed(2)} s`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`check ${clientId}: median ${median.toFixed(2)} s, best ${sorted[0].toFixed(2)} s, worst ${sorted.at(-1).toFixed(2)} s (target < 10 s: ${(median / 10).toFixed(2)}x of the budget)`);
