import { describe, expect, it } from 'vitest';
import { renderCheck, renderSummary, reportToJson } from '../../../src/doctor/render.js';
import type { DoctorReport } from '../../../src/doctor/types.js';

// Symbols only: colour is off in tests (no TTY), as it is in a log file.
const report: DoctorReport = {
  ok: false,
  checks: [
    { id: 'auth-folder', title: 'Credentials folder', status: 'pass', message: 'auth is a folder.' },
    { id: 'permissions', title: 'Who can read your key', status: 'warn', message: 'Other users …', fix: 'chmod 600 auth/kafka.keystore.pkcs12 && chmod 700 auth', failureId: 'key-readable-by-others' },
    { id: 'brokers', title: 'Brokers answer', status: 'fail', message: 'Nothing accepts connections on 127.0.0.1:1.', fix: 'nc -vz 127.0.0.1 1', failureId: 'broker-refused' },
    { id: 'tls', title: 'TLS', status: 'skip', message: 'Skipped: "Brokers answer" failed.' },
  ],
};

describe('doctor output', () => {
  it('shows each check as a symbol line, its sentence and its fix', () => {
    expect(report.checks.flatMap(renderCheck).join('\n')).toBe(
      [
        '✔ Credentials folder',
        '    auth is a folder.',
        '▲ Who can read your key',
        '    Other users …',
        '    Fix: chmod 600 auth/kafka.keystore.pkcs12 && chmod 700 auth',
        '✖ Brokers answer',
        '    Nothing accepts connections on 127.0.0.1:1.',
        '    Fix: nc -vz 127.0.0.1 1',
        '○ TLS',
        '    Skipped: "Brokers answer" failed.',
      ].join('\n'),
    );
  });

  it('sums up what failed and warned', () => {
    expect(renderSummary(report)).toBe('1 check failed (1 warning): fix the first one, then run kafka-tutor doctor again.');
    expect(renderSummary({ ok: true, checks: [] })).toBe('Your credentials and the cluster are ready.');
  });

  it('writes versioned JSON with the documented fields only', () => {
    const parsed = JSON.parse(reportToJson(report)) as { version: number; ok: boolean; checks: Record<string, unknown>[] };
    expect(parsed.version).toBe(1);
    expect(parsed.ok).toBe(false);
    expect(Object.keys(parsed.checks[2] ?? {})).toEqual(['id', 'title', 'status', 'message', 'fix', 'failureId']);
  });
});
