import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toJunit } from '../../../src/check/junit.js';
import { sampleReport, test } from './fixtures.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' });

describe('toJunit', () => {
  it('writes one suite per lesson and marks failures, errors and skips the way CI tools read them', () => {
    const report = sampleReport([
      test('credentials', 'files', 'pass'),
      test('simple', 'delivered', 'fail', { message: 'Expected "a" & "b" <in order>', fix: 'kafka-tutor doctor', failure_id: 'topic-denied' }),
      test('simple', 'subscribe', 'error'),
      test('offset-reset', 'earliest', 'skipped'),
    ]);
    const xml = parser.parse(toJunit(report));
    const suites = xml.testsuites.testsuite as { name: string; tests: string; failures: string; errors: string; skipped: string; testcase: Record<string, unknown>[] }[];
    expect(suites.map((s) => s.name)).toEqual(['kafka-tutor check.credentials', 'kafka-tutor check.simple', 'kafka-tutor check.offset-reset']);
    expect(xml.testsuites).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1' });
    const simple = suites[1]!;
    expect(simple).toMatchObject({ tests: '2', failures: '1', errors: '1' });
    const failure = simple.testcase[0]!.failure as Record<string, string>;
    expect(failure.message).toBe('Expected "a" & "b" <in order>');
    expect(failure.type).toBe('topic-denied');
    expect(failure['#text']).toContain('Fix: kafka-tutor doctor');
    expect(suites[2]!.testcase[0]!.skipped).toBeDefined();
  });

  it('reports a check that could not run as an error, so CI goes red', () => {
    const report = sampleReport([], { error: { code: 'no-cluster', message: 'No Kafka cluster is configured.', fix: 'kafka-tutor sandbox start' } });
    const xml = parser.parse(toJunit(report));
    expect(xml.testsuites.errors).toBe('1');
    expect(xml.testsuites.testsuite[0].testcase[0].error.type).toBe('no-cluster');
  });
});
