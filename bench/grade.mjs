#!/usr/bin/env node
// Wall and CPU time of `kafka-tutor grade` for a class of sandbox students (issue 12's target:
// 100 students in at most 60 s on this 2-core machine, one broker), per student and beside the
// figures measured before (30 students in 52–55 s, 1.8 s per student). Adds the missing students
// client1…clientN to the running sandbox first (ensureStudents), as `sandbox start --students N` would.
// CPU is grade's and its workers' user + system time; the load average says how busy the machine was.
// Usage: npm run build && node bench/grade.mjs [students=100] [concurrency=default] [--lesson <id> ...]
// Prints numbers only; nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureStudents } from '../dist/sandbox/students.js';

const lessonArgs = process.argv.slice(2).flatMap((arg, i, all) => (arg === '--lesson' ? ['--lesson', all[i + 1]] : []));
const positional = process.argv.slice(2).filter((arg, i, all) => arg !== '--lesson' && all[i - 1] !== '--lesson');
const count = Number(positional[0] ?? 100);
const concurrency = positional[1];
const bin = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));
/** Issue 12, before this work: one process per student, one broker, this 2-core machine. */
const BEFORE = { students: 30, wall: '52–55', perStudent: 1.8 };

/** CPU seconds of this process's waited-for children so far (cutime + cstime, at 100 ticks a second). */
const childCpu = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
};
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const prepared = process.hrtime.bigint();
const state = await ensureStudents(count);
console.log(`students ready (client1…client${count}) in ${(Number(process.hrtime.bigint() - prepared) / 1e9).toFixed(1)} s`);
const dir = mkdtempSync(join(tmpdir(), 'kt-bench-grade-'));
const students = state.students.filter((s) => Number(s.clientId.replace(/\D/g, '')) <= count);
writeFileSync(join(dir, 'roster.csv'), ['client_id,credentials', ...students.map((s) => `${s.clientId},${s.dir}`)].join('\n') + '\n');

const args = [bin, 'grade', 'roster.csv', '--quiet', '--bootstrap', state.bootstrap, ...(concurrency ? ['--concurrency', concurrency] : []), ...lessonArgs];
console.log(`lessons: ${lessonArgs.length ? lessonArgs.filter((a) => a !== '--lesson').join(', ') : 'all'}; load average before: ${load()}`);
const started = process.hrtime.bigint();
const cpuBefore = childCpu();
try {
  execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
} catch {
  // Exit code 1 means some student did not pass; the numbers below still count.
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = childCpu() - cpuBefore;
const grades = JSON.parse(readFileSync(join(dir, 'grades.json'), 'utf8'));
const passed = grades.students.filter((s) => s.status === 'pass').length;
const slowest = Math.max(...grades.students.map((s) => s.seconds));
const n = students.length;
console.log(`result: grade ${n} students (concurrency ${concurrency ?? 'default'}): ${seconds.toFixed(1)} s wall, ${(seconds / n).toFixed(2)} s per student, ${cpu.toFixed(1)} s CPU (${(cpu / n).toFixed(2)} s per student), slowest student ${slowest.toFixed(1)} s, ${passed}/${n} passed`);
console.log(`  target: 100 students in <= 60 s (0.6 s per student): ${(seconds / n / 0.6).toFixed(2)}x of the budget per student; before: ${BEFORE.students} students in ${BEFORE.wall} s, ${BEFORE.perStudent} s per student`);
console.log(`load average after: ${load()} (2 cores: above 2 the machine was shared, and wall times stretch)`);
