import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CHECK_SCHEMA_VERSION } from '../../../src/check/types.js';
import { sampleReport, test } from './fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/check-schema.json', import.meta.url), 'utf8')) as { properties: { version: { const: number } } };
const validate = new Ajv({ allErrors: true, formats: { 'date-time': true } }).compile(schema);

describe('docs/check-schema.json', () => {
  it('is the version the code writes', () => {
    expect(schema.properties.version.const).toBe(CHECK_SCHEMA_VERSION);
  });

  it('accepts a passing, a failing and a could-not-run report', () => {
    for (const report of [
      sampleReport([test('simple', 'delivered', 'pass')]),
      sampleReport([test('simple', 'delivered', 'fail', { fix: 'kafka-tutor doctor', failure_id: 'topic-denied' })]),
      sampleReport([], { evidence: null, client_id: null, topic: null, error: { code: 'no-cluster', message: 'No cluster.' } }),
    ]) {
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects a test status autograders do not know, and an unknown field', () => {
    expect(validate(sampleReport([test('simple', 'delivered', 'passed' as 'pass')]))).toBe(false);
    expect(validate({ ...sampleReport([]), password: 'x' })).toBe(false);
  });
});
