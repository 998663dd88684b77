#!/usr/bin/env node
// Wall and client CPU time of a full `kafka-tutor check` for one sandbox student (issue 12's
// target on a 1-broker sandbox: at most 2.5 s wall and 1.0 s CPU), spawned as a user would run it,
// several rounds in a row. CPU is the child's user + system time (Linux: /proc/self/stat).
// Usage: npm run build && node bench/check.mjs [rounds=3] [clientN=client1]
// Prints numbers only; nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** CPU seconds of this process's waited-for children so far (cutime + cstime, at 100 ticks a second). */
const childCpu = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
};

const times = [];
const cpus = [];
for (let round = 1; round <= rounds; round++) {
  const started = process.hrtime.bigint();
  const cpuBefore = childCpu();
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [bin, 'check', '--json', '--bootstrap', state.bootstrap, '--auth', student.dir], { encoding: 'utf8' });
  } catch (error) {
    stdout = error.stdout;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = childCpu() - cpuBefore;
  const report = JSON.parse(stdout);
  times.push(seconds);
  cpus.push(cpu);
  const slowest = [...report.tests].sort((a, b) => b.duration - a.duration)[0];
  console.log(`round ${round}: ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, status ${report.status}, points ${report.points}/${report.max_points}, slowest check ${slowest?.name} ${slowest?.duration.toFixed(2)} s`);
}
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], best: sorted[0], worst: sorted.at(-1) };
};
const wall = summary(times);
const cpu = summary(cpus);
console.log(`check ${clientId}: wall median ${wall.median.toFixed(2)} s, best ${wall.best.toFixed(2)} s, worst ${wall.worst.toFixed(2)} s (target <= 2.5 s: ${(wall.median / 2.5).toFixed(2)}x of the budget)`);
console.log(`check ${clientId}: CPU median ${cpu.median.toFixed(2)} s, best ${cpu.best.toFixed(2)} s, worst ${cpu.worst.toFixed(2)} s (target <= 1.0 s: ${(cpu.median / 1).toFixed(2)}x of the budget)`);
