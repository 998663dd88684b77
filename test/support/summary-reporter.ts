import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';
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
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    // Failures that are no test's own: a file that did not load, a beforeAll/afterAll that
    // threw (vitest then marks the file's tests skipped), an error nobody awaited.
    const broken: string[] = [];
    const failures: string[] = [];
    for (const module of testModules) {
      let testsFailed = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed += 1;
        else if (state === 'failed') {
          testsFailed += 1;
          failures.push(`${relative(process.cwd(), module.moduleId)} > ${test.fullName}: ${firstLine(test.result().errors?.[0]?.message)}`);
        }
        else count.skipped += 1;
      }
      count.failed += testsFailed;
      if (module.state() === 'failed' && testsFailed === 0) {
        broken.push(`${relative(process.cwd(), module.moduleId)} (outside its tests): ${firstLine(module.errors()[0]?.message ?? suiteError(module))}`);
      }
    }
    for (const error of unhandledErrors) broken.push(`unhandled error: ${firstLine(error.message)}`);
    count.failed += broken.length;
    failures.push(...broken);
    const skipped = count.skipped > 0 ? `, ${count.skipped} skipped` : '';
    const file = process.env[SUMMARY_FILE_ENV];
    if (file) writeFileSync(file, JSON.stringify({ ...count, failures, kafkaVersion: TEST_KAFKA_VERSION }));
    const label = file ? `On Kafka ${TEST_KAFKA_VERSION}` : 'Tests:';
    // Repeated last, so a CI log's tail names what failed.
    if (!file) for (const failure of failures) process.stdout.write(`\nFAILED ${failure}`);
    process.stdout.write(`\n${label} ${count.passed} passed, ${count.failed} failed${skipped}\n`);
  }
}

const firstLine = (message: string | undefined): string => (message ?? 'no message').split('\n')[0]!.slice(0, 300);

/** A hook's error sits on the suite it belongs to, not on the module. */
function suiteError(module: TestModule): string | undefined {
  for (const suite of module.children.allSuites()) {
    const error = suite.errors()[0];
    if (error) return `${suite.fullName}: ${error.message}`;
  }
  return undefined;
}
