/** Reports as `check` builds them, for the tests of what people and machines read. */
import type { CheckReport, TestResult } from '../../../src/check/types.js';

export function test(lesson: string, check: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult {
  const max = 1;
  return { name: `${lesson}: checks ${check}`, lesson, check, status, message: `${check} ${status}`, duration: 0.5, points: status === 'pass' ? max : 0, max_points: max, ...extra };
}

export function sampleReport(tests: TestResult[], extra: Partial<CheckReport> = {}): CheckReport {
  const failed = tests.some((t) => t.status !== 'pass');
  return {
    version: 1,
    status: extra.error ? 'error' : failed ? 'fail' : 'pass',
    client_id: 'client1',
    topic: 'client1',
    bootstrap: ['127.0.0.1:19093'],
    run_id: 'a1b2c3',
    started_at: '2026-11-25T09:00:00.000Z',
    duration: 4.2,
    points: tests.reduce((s, t) => s + t.points, 0),
    max_points: tests.reduce((s, t) => s + t.max_points, 0),
    tests,
    evidence: { groups: [{ group_id: 'simple_consumer', state: 'Empty', members: 0, offsets: [{ partition: 0, offset: 7 }] }], progress: null },
    ...extra,
  };
}
