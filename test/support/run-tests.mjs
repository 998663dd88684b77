#!/usr/bin/env node
// `npm test`: the whole suite on the default Kafka, then the broker-dependent tests
// (test/integration, test/e2e) again on Kafka 3.9 (KAFKA_TUTOR_KAFKA_VERSION), each run with
// its own sandbox folder. Ends with ONE plain line "Tests: N passed, N failed" over both runs,
// which CI reads. Extra arguments go to vitest in both runs (e.g. one test file).
// A run that fails to start its broker counts as a failure: the exit code is then non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITEST = join(ROOT, 'node_modules', '.bin', 'vitest');
// From the build (`pretest` builds first): the one place these versions are written.
const { DEFAULT_KAFKA_VERSION, KAFKA_3_VERSION, KAFKA_VERSION_ENV } = await import(new URL('../../dist/sandbox/version.js', import.meta.url).href);

const extra = process.argv.slice(2);
const runs = [
  { kafka: DEFAULT_KAFKA_VERSION, files: [] },
  { kafka: KAFKA_3_VERSION, files: ['test/integration', 'test/e2e'] },
];

const total = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
let exitCode = 0;
for (const [index, run] of runs.entries()) {
  const summaryFile = join(tmpdir(), `kafka-tutor-test-summary-${process.pid}-${index}.json`);
  rmSync(summaryFile, { force: true });
  process.stdout.write(`\n=== Tests on Kafka ${run.kafka}${run.files.length > 0 && extra.length === 0 ? ` (${run.files.join(', ')})` : ''}\n`);
  const env = { ...process.env, KAFKA_TUTOR_TEST_SUMMARY_FILE: summaryFile };
  if (run.kafka === DEFAULT_KAFKA_VERSION) delete env[KAFKA_VERSION_ENV];
  else env[KAFKA_VERSION_ENV] = run.kafka;
  const result = spawnSync(VITEST, ['run', ...(extra.length > 0 ? extra : run.files)], { cwd: ROOT, env, stdio: 'inherit' });
  const counts = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : undefined;
  rmSync(summaryFile, { force: true });
  if (result.status !== 0) exitCode = 1;
  if (!counts) {
    // No counts: vitest died before running tests (e.g. the sandbox broker did not start).
    process.stdout.write(`\nThe run on Kafka ${run.kafka} ended without running its tests (exit ${result.status ?? result.signal}); see its output above.\n`);
    total.failed += 1;
    continue;
  }
  if (result.status !== 0 && counts.failed === 0) {
    // vitest failed the run for something no test reported: never let that read as "0 failed".
    counts.failed = 1;
    counts.failures = [...(counts.failures ?? []), `vitest exited ${result.status ?? result.signal} with no failed test; see its output above`];
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  failures.push(...(counts.failures ?? []).map((failure) => `on Kafka ${run.kafka}: ${failure}`));
}
if (total.failed > 0) exitCode = 1;
// Repeated last, so the tail of a CI log names what failed.
for (const failure of failures) process.stdout.write(`\nFAILED ${failure}`);
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
process.stdout.write(`\nTests: ${total.passed} passed, ${total.failed} failed${skipped}\n`);
process.exitCode = exitCode;
