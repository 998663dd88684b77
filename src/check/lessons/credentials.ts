/**
 * The first lesson, "Kafka credentials": its verification is the doctor's
 * checklist. `check` groups the checklist into four tests and reports the
 * first failure of each with the doctor's own sentence and fix.
 */
import type { CheckId, CheckResult, DoctorReport } from '../../doctor/types.js';
import type { CheckDefinition, Failure } from '../context.js';

interface CredentialGroup extends CheckDefinition {
  doctorChecks: CheckId[];
}

export const CREDENTIAL_GROUPS: CredentialGroup[] = [
  { id: 'files', title: 'the credentials folder holds ca.crt and the keystore', points: 1, doctorChecks: ['auth-folder', 'ca-file', 'keystore-file'] },
  { id: 'keystore', title: 'the keystore opens and holds a valid certificate for your client id', points: 1, doctorChecks: ['password', 'keystore', 'certificate', 'client-id', 'permissions'] },
  { id: 'connection', title: 'the brokers answer over SSL, and trust you as you trust them', points: 1, doctorChecks: ['brokers', 'tls'] },
  { id: 'access', title: 'you may use your topic and the course\'s consumer group', points: 1, doctorChecks: ['topic', 'group'] },
];

export const CREDENTIALS_LESSON = { id: 'credentials', title: 'Kafka credentials', checks: CREDENTIAL_GROUPS.map(({ id, title, points }) => ({ id, title, points })) };

/** Failures that mean there is nothing to check yet: `check` then exits 2 ("could not run"). */
export const NOTHING_TO_CHECK = new Set(['auth-missing', 'auth-found-elsewhere', 'auth-is-file', 'file-missing', 'password-missing', 'client-id-missing']);

export type GroupOutcome = { status: 'pass'; message: string } | { status: 'fail'; failure: Failure } | { status: 'skipped'; message: string };

/**
 * The outcome of one group of doctor checks.
 *
 * @example
 *   judgeGroup(CREDENTIAL_GROUPS[0]!, report) // { status: 'pass', message: 'Credentials folder, CA certificate (ca.crt), … passed.' }
 */
export function judgeGroup(group: CredentialGroup, report: DoctorReport): GroupOutcome {
  const checks = report.checks.filter((c) => group.doctorChecks.includes(c.id));
  const failed = checks.find((c) => c.status === 'fail');
  if (failed) return { status: 'fail', failure: failureOf(failed) };
  if (checks.length === 0 || checks.every((c) => c.status === 'skip')) {
    return { status: 'skipped', message: checks[0]?.message ?? 'The doctor did not run these checks.' };
  }
  const warnings = checks.filter((c) => c.status === 'warn' && c.message).map((c) => `Note: ${c.message}`);
  return { status: 'pass', message: [`${checks.map((c) => c.title).join(', ')}: passed.`, ...warnings].join(' ') };
}

function failureOf(check: CheckResult): Failure {
  return { message: check.message ?? `${check.title} failed.`, fix: check.fix, failureId: check.failureId };
}

/** The first failure that leaves nothing to check, if any. */
export function nothingToCheck(report: DoctorReport): CheckResult | undefined {
  const first = report.checks.find((c) => c.status === 'fail');
  return first?.failureId !== undefined && NOTHING_TO_CHECK.has(first.failureId) ? first : undefined;
}
