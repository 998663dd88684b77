import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/engine/course.js';
import { judgeDoctor, nothingToCheck } from '../../../src/engine/verifications/doctor.js';
import type { CheckResult, DoctorReport } from '../../../src/doctor/types.js';

const ids: CheckResult['id'][] = ['auth-folder', 'ca-file', 'keystore-file', 'password', 'keystore', 'certificate', 'client-id', 'permissions', 'brokers', 'tls', 'topic', 'group'];

function doctor(overrides: Partial<Record<CheckResult['id'], Partial<CheckResult>>>): DoctorReport {
  const checks = ids.map((id) => ({ id, title: `title ${id}`, status: 'pass' as const, ...overrides[id] }));
  return { ok: checks.every((c) => c.status !== 'fail'), checks };
}

// The credentials lesson's tests, as its lesson.json declares them: doctor steps naming doctor checks.
const CREDENTIAL_GROUPS = loadCourse().lessons.find((l) => l.id === 'credentials')!.steps.flatMap((s) =>
  s.kind === 'verify' && s.check === 'doctor' && s.test ? [{ id: s.test, doctorChecks: (s.params?.checks ?? []) as string[] }] : [],
);
const group = (id: string) => CREDENTIAL_GROUPS.find((g) => g.id === id)!.doctorChecks;

describe('the credentials lesson in check', () => {
  it('covers every doctor check exactly once', () => {
    expect(CREDENTIAL_GROUPS.map((g) => g.id)).toEqual(['files', 'keystore', 'connection', 'access']);
    expect(CREDENTIAL_GROUPS.flatMap((g) => g.doctorChecks).sort()).toEqual([...ids].sort());
  });

  it("gives the doctor's own sentence and fix for a failure", () => {
    const report = doctor({
      keystore: { status: 'fail', message: 'The password from password.txt does not open auth/kafka.keystore.pkcs12.', fix: 'read -rs KAFKA_TUTOR_PASSWORD', failureId: 'keystore-wrong-password' },
      brokers: { status: 'skip', message: 'Skipped: "Keystore opens" failed.' },
      tls: { status: 'skip', message: 'Skipped: "Keystore opens" failed.' },
    });
    expect(judgeDoctor(group('keystore'), report)).toMatchObject({
      ok: false,
      sentence: 'The password from password.txt does not open auth/kafka.keystore.pkcs12.',
      hint: 'read -rs KAFKA_TUTOR_PASSWORD',
      failureId: 'keystore-wrong-password',
    });
    expect(judgeDoctor(group('connection'), report)).toMatchObject({ ok: false, skipped: true, sentence: 'Skipped: "Keystore opens" failed.' });
    expect(judgeDoctor(group('files'), report).ok).toBe(true);
    expect(nothingToCheck(report)).toBeUndefined();
  });

  it('treats missing credentials as nothing to check (exit 2), not as a failed lesson', () => {
    const report = doctor({ 'auth-folder': { status: 'fail', message: 'There is no auth folder.', failureId: 'auth-missing' } });
    expect(nothingToCheck(report)?.failureId).toBe('auth-missing');
  });

  it('keeps a warning visible in a passing test', () => {
    const report = doctor({ permissions: { status: 'warn', message: 'Other users can read auth/kafka.keystore.pkcs12.' } });
    const verdict = judgeDoctor(group('keystore'), report);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.sentence).toContain('Note: Other users can read');
  });
});
