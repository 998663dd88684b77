import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // vitest's own summary, then one plain "N passed, N failed" line for CI.
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Starts the sandbox (a real Kafka broker) once when none is running, and stops what it started.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores and one shared broker: keep files from crowding each other.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
