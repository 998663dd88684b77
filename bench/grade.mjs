#!/usr/bin/env node
// Wall time of `kafka-tutor grade` for a class of sandbox students (target: 30 students under
// 60 s on this 2-core machine), printed as seconds per student. Adds the missing students
// client1…clientN to the running sandbox first (ensureStudents), as `sandbox start --students N` would.
// Usage: npm run build && node bench/grade.mjs [students=30] [concurrency=default]
// Prints numbers only; nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureStudents } from '../dist/sandbox/students.js';

const count = Number(process.argv[2] ?? 30);
const concurrency = process.argv[3];
const bin = fileURLToPath(new URL('../bin/kafka-tutor.js', import.meta.url));

const prepared = process.hrtime.bigint();
const state = await ensureStudents(count);
console.log(`students ready (client1…client${count}) in ${(Number(process.hrtime.bigint() - prepared) / 1e9).toFixed(1)} s`);
const dir = mkdtempSync(join(tmpdir(), 'kt-bench-grade-'));
const students = state.students.filter((s) => Number(s.clientId.replace(/\D/g, '')) <= count);
writeFileSync(join(dir, 'roster.csv'), ['client_id,credentials', ...students.map((s) => `${s.clientId},${s.dir}`)].join('\n') + '\n');

const args = [bin, 'grade', 'roster.csv', '--quiet', '--bootstrap', state.bootstrap, ...(concurrency ? ['--concurrency', concurrency] : [])];
const started = process.hrtime.bigint();
try {
  execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
} catch {
  // Exit code 1 means some student did not pass; the numbers below still count.
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const grades = JSON.parse(readFileSync(join(dir, 'grades.json'), 'utf8'));
const passed = grades.students.filter((s) => s.status === 'pass').length;
const slowest = Math.max(...grades.students.map((s) => s.seconds));
console.log(`grade ${students.length} students (concurrency ${concurrency ?? 'default'}): ${seconds.toFixed(1)} s wall, ${(seconds / students.length).toFixed(2)} s per student, slowest student ${slowest.toFixed(1)} s, ${passed}/${students.length} passed (target < 60 s: ${(seconds / 60).toFixed(2)}x of the budget)`);
