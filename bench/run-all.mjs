#!/usr/bin/env node
// Runs the benchmarks that share the running sandbox, one after another, and says how to
// run the three that need more (a stopped sandbox; 30 students; a 200,000-message topic). Prints numbers, asserts nothing.
// Usage: npm run build && npm run bench
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const benches = ['help.mjs', 'doctor.mjs', 'inspect.mjs', 'consumer-restart.mjs', 'check.mjs'];

let failed = 0;
for (const name of benches) {
  console.log(`\n== bench/${name}`);
  const run = spawnSync(process.execPath, [here(name)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
console.log('\nNot run here: bench/sandbox-start.mjs (stop the sandbox first), bench/grade.mjs (adds 30 students), bench/check-history.mjs (fills a 200,000-message topic, several minutes).');
process.exitCode = failed === 0 ? 0 : 1;
