#!/usr/bin/env node
// Runs the benchmarks that share the running sandbox, one after another, and says how to
// run the three that need more (a stopped sandbox; 100 students; a 200,000-message topic). Prints numbers, asserts nothing.
// check's figure is for the course text's four lessons (issue 12's target); `node bench/check.mjs` alone checks every lesson.
// Usage: npm run build && npm run bench
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const COURSE_TEXT = ['credentials', 'simple', 'offset-reset', 'interrupted-commit'].flatMap((id) => ['--lesson', id]);
const benches = [['help.mjs'], ['doctor.mjs'], ['inspect.mjs'], ['consumer-restart.mjs'], ['check.mjs', '3', 'client1', ...COURSE_TEXT]];

let failed = 0;
for (const [name, ...args] of benches) {
  console.log(`\n== bench/${name} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [here(name), ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
console.log(`\nNot run here: bench/sandbox-start.mjs (stop the sandbox first), bench/grade.mjs 100 (adds 100 students; add ${COURSE_TEXT.join(' ')} for the course text's lessons), bench/check-history.mjs (fills a 200,000-message topic, several minutes).`);
process.exitCode = failed === 0 ? 0 : 1;
