import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/check/format.js';
import { exitCodeOf } from '../../../src/check/types.js';
import { sampleReport, test } from './fixtures.js';

process.env.NO_COLOR = '1';

describe('formatReport', () => {
  const report = sampleReport([test('simple', 'subscribe', 'pass'), test('simple', 'delivered', 'fail', { message: 'It never received "x".', fix: 'kafka-tutor doctor' })]);

  it('shows each check with its status, and the failure with its fix, then Points', () => {
    const text = formatReport(report, { quiet: false, titles: { simple: 'Simple producer and consumer' } }).join('\n');
    expect(text).toContain('Simple producer and consumer  (1/2)');
    expect(text).toMatch(/pass\s+subscribe/);
    expect(text).toMatch(/FAIL\s+delivered/);
    expect(text).toContain('It never received "x".\n');
    expect(text).toContain('Fix: kafka-tutor doctor');
    expect(text).toContain('simple_consumer  Empty, 0 members, p0@7');
    expect(text.split('\n').at(-1)).toBe('Points 1/2');
  });

  it('with --quiet prints only failures and the Points line', () => {
    const lines = formatReport(report, { quiet: true });
    expect(lines.join('\n')).not.toMatch(/subscribe/);
    expect(lines.join('\n')).toMatch(/delivered/);
    expect(lines.at(-1)).toBe('Points 1/2');
  });

  it('says why a check could not run', () => {
    const broken = sampleReport([], { evidence: null, error: { code: 'no-cluster', message: 'No Kafka cluster is configured.', fix: 'kafka-tutor sandbox start' } });
    expect(formatReport(broken, { quiet: false }).join('\n')).toContain('The check could not run: No Kafka cluster is configured.\n  Fix: kafka-tutor sandbox start');
    expect(exitCodeOf(broken)).toBe(2);
    expect(exitCodeOf(report)).toBe(1);
  });
});
