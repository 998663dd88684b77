#!/usr/bin/env node
// Runs the benchmarks that share the running sandbox, one after another, and says how to
// run the three that need more (a stopped sandbox; 100 students; a 200,000-message topic). Prints numbers, asserts nothing.
// check's figure is for the course text's four lessons (issue 12's target); `node bench/check.mjs` alone checks every lesson.
// --markdown: then prints a table of each bench's `result:` lines (else its last line) with the machine, for README.md.
// Usage: npm run build && npm run bench [-- --markdown]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { markdownTable } from './markdown.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const COURSE_TEXT = ['credentials', 'simple', 'offset-reset', 'interrupted-commit'].flatMap((id) => ['--lesson', id]);
const benches = [['help.mjs'], ['doctor.mjs'], ['inspect.mjs'], ['consumer-restart.mjs'], ['check.mjs', '5', 'client1', ...COURSE_TEXT], ['produce.mjs', '5']];

let failed = 0;
const outputs = [];
for (const [name, ...args] of benches) {
  console.log(`\n== bench/${name} ${args.join(' ')}`);
  // Output passes through as it comes; it is kept for the table too.
  const run = spawnSync(process.execPath, [here(name), ...args], { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(run.stdout ?? '');
  outputs.push({ name, stdout: run.stdout ?? '', status: run.status });
  if (run.status !== 0) failed += 1;
}
console.log(`\nNot run here: bench/sandbox-start.mjs (stop the sandbox first), bench/grade.mjs 100 (adds 100 students; add ${COURSE_TEXT.join(' ')} for the course text's lessons), bench/check-history.mjs (fills a 200,000-message topic, several minutes).`);
if (process.argv.includes('--markdown')) console.log(`\n${markdownTable(outputs)}`);
process.exitCode = failed === 0 ? 0 : 1;
