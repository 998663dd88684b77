#!/usr/bin/env node
// Wall and client CPU time of a full `kafka-tutor check` for one sandbox student (issue 12's
// target on a 1-broker sandbox: at most 2.5 s wall and 1.0 s CPU), spawned as a user would run it,
// several rounds in a row, beside the figures measured before (issue 12). CPU is the child's
// user + system time (Linux: /proc/self/stat); the load average says how busy the machine was.
// Usage: npm run build && node bench/check.mjs [rounds=3] [clientN=client1] [--lesson <id> ...]
// Prints numbers only; nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isSandboxRunning, readSandboxState } from '../dist/sandbox/state.js';
import { envNote, machineDiffers, vmEnv } from './vm-env.mjs';

const lessonArgs = process.argv.slice(2).flatMap((arg, i, all) => (arg === '--lesson' ? ['--lesson', all[i + 1]] : []));
const positional = process.argv.slice(2).filter((arg, i, all) => arg !== '--lesson' && all[i - 1] !== '--lesson');
const rounds = Number(positional[0] ?? 3);
const clientId = positional[1] ?? 'client1';
const bin = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));
/** Issue 12, before this work: a 3-broker sandbox, Kafka 4.4.0, this 2-core machine. */
const BEFORE = { wall: 4.8, cpu: 2.5, where: '3 brokers, before issue 12' };

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
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

console.log(`sandbox: ${state.brokers?.length ?? 1} broker(s), Kafka ${state.kafkaVersion ?? '?'}; lessons: ${lessonArgs.length ? lessonArgs.filter((a) => a !== '--lesson').join(', ') : 'all'}; load average before: ${load()}`);
console.log(envNote());

/** One `kafka-tutor check --json`, spawned as a user runs it: wall and CPU seconds, and its report. */
function checkOnce(env) {
  const started = process.hrtime.bigint();
  const cpuBefore = childCpu();
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [bin, 'check', '--json', '--bootstrap', state.bootstrap, '--auth', student.dir, ...lessonArgs], { encoding: 'utf8', env });
  } catch (error) {
    stdout = error.stdout;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu: childCpu() - cpuBefore, report: JSON.parse(stdout) };
}

const times = [];
const cpus = [];
const cpusHere = [];
for (let round = 1; round <= rounds; round++) {
  const { seconds, cpu, report } = checkOnce(vmEnv());
  times.push(seconds);
  cpus.push(cpu);
  const slowest = [...report.tests].sort((a, b) => b.duration - a.duration)[0];
  console.log(`round ${round}: ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, status ${report.status}, points ${report.points}/${report.max_points}, slowest check ${slowest?.name} ${slowest?.duration.toFixed(2)} s, load ${load()}`);
  if (machineDiffers) {
    const here = checkOnce(process.env);
    cpusHere.push(here.cpu);
    console.log(`round ${round}, as set up here: ${here.seconds.toFixed(2)} s wall, ${here.cpu.toFixed(2)} s CPU, status ${here.report.status}`);
  }
}
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], best: sorted[0], worst: sorted.at(-1) };
};
const wall = summary(times);
const cpu = summary(cpus);
console.log(`result: check ${clientId}: wall median ${wall.median.toFixed(2)} s, best ${wall.best.toFixed(2)} s, worst ${wall.worst.toFixed(2)} s (target <= 2.5 s: ${(wall.median / 2.5).toFixed(2)}x of the budget; before: ${BEFORE.wall} s, ${BEFORE.where})`);
console.log(`result: check ${clientId}: CPU median ${cpu.median.toFixed(2)} s, best ${cpu.best.toFixed(2)} s, worst ${cpu.worst.toFixed(2)} s (target <= 1.0 s: ${(cpu.median / 1).toFixed(2)}x of the budget; before: ${BEFORE.cpu} s, ${BEFORE.where})`);
if (machineDiffers) console.log(`result: check ${clientId} as this machine is set up (its NODE_EXTRA_CA_CERTS read at start): CPU median ${summary(cpusHere).median.toFixed(2)} s`);
console.log(`load average after: ${load()} (2 cores: above 2 the machine was shared, and wall times stretch)`);
