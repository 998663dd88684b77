import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { TEST_KAFKA_VERSION } from './test-kafka.js';

/** Set by test/support/run-tests.mjs: where this run leaves its counts for the combined line. */
export const SUMMARY_FILE_ENV = 'KAFKA_TUTOR_TEST_SUMMARY_FILE';

/**
 * Ends a run with the plain line "Tests: N passed, N failed[, N skipped]" that CI systems
 * read whatever the runner, after vitest's own summary. Under `npm test` (two runs, one per
 * Kafka version) it writes its counts to a file instead and labels its line with the Kafka
 * version, and the runner prints the combined "Tests:" line last.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed += 1;
        else if (state === 'failed') count.failed += 1;
        else count.skipped += 1;
      }
      // A file that failed to load has no tests to count, but the run failed.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) count.failed += 1;
    }
    const skipped = count.skipped > 0 ? `, ${count.skipped} skipped` : '';
    const file = process.env[SUMMARY_FILE_ENV];
    if (file) writeFileSync(file, JSON.stringify({ ...count, kafkaVersion: TEST_KAFKA_VERSION }));
    const label = file ? `On Kafka ${TEST_KAFKA_VERSION}` : 'Tests:';
    process.stdout.write(`\n${label} ${count.passed} passed, ${count.failed} failed${skipped}\n`);
  }
}
