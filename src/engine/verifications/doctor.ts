/**
 * A part of the doctor's checklist (src/doctor/) passes: the credentials
 * lesson's tests. The checklist runs once per lesson run (the `credentials`
 * step's run in the tutor, `check`'s own otherwise); each step judges its checks.
 */
import type { CheckResult, DoctorReport } from '../../doctor/types.js';
import { UserError } from '../../errors.js';
import type { Verification, VerifyContext } from './types.js';
import type { Verdict } from './verdict.js';

const DOCTOR_TIMEOUT_MS = 8000;

/** Failures that mean there is nothing to check yet: `check` then exits 2 ("could not run"). */
export const NOTHING_TO_CHECK = new Set(['auth-missing', 'auth-found-elsewhere', 'auth-is-file', 'file-missing', 'password-missing', 'client-id-missing']);

/**
 * The first failure that leaves nothing to check, if any.
 *
 * @example
 *   nothingToCheck(report)?.failureId // 'auth-missing'
 */
export function nothingToCheck(report: DoctorReport): CheckResult | undefined {
  const first = report.checks.find((c) => c.status === 'fail');
  return first?.failureId !== undefined && NOTHING_TO_CHECK.has(first.failureId) ? first : undefined;
}

/**
 * The verdict on some of the doctor's checks: the first failure in the doctor's own words, skipped when none ran.
 *
 * @example
 *   judgeDoctor(['brokers', 'tls'], report) // { ok: true, sentence: 'Brokers reachable, TLS handshake: passed.', … }
 */
export function judgeDoctor(ids: readonly string[], report: DoctorReport): Verdict {
  const checks = report.checks.filter((c) => ids.includes(c.id));
  const expected = `${checks.map((c) => c.title).join(', ') || ids.join(', ')} to pass`;
  const failed = checks.find((c) => c.status === 'fail');
  if (failed) return { ok: false, expected, happened: `"${failed.title}" failed`, sentence: failed.message ?? `${failed.title} failed.`, hint: failed.fix, failureId: failed.failureId };
  if (checks.length === 0 || checks.every((c) => c.status === 'skip')) {
    const why = checks[0]?.message ?? 'The doctor did not run these checks.';
    return { ok: false, skipped: true, expected, happened: why, sentence: why };
  }
  const warnings = checks.filter((c) => c.status === 'warn' && c.message).map((c) => `Note: ${c.message}`);
  return { ok: true, expected, happened: 'they did', sentence: [`${checks.map((c) => c.title).join(', ')}: passed.`, ...warnings].join(' ') };
}

/** The checklist without a screen (when no `credentials` step ran it first), or why it cannot run. */
async function runQuietly(ctx: VerifyContext): Promise<DoctorReport | UserError> {
  // Loaded late: the doctor pulls in PKCS#12 parsing and probes that other lessons never need.
  const [{ runDoctor }, { doctorInputFrom }, { resolveProfile, sandboxDefaults }] = await Promise.all([import('../../doctor/run.js'), import('../../doctor/from-profile.js'), import('../../profile/index.js')]);
  try {
    const profile = await resolveProfile(ctx.flags, { sandbox: await sandboxDefaults() });
    return await runDoctor(doctorInputFrom(profile, { timeoutMs: DOCTOR_TIMEOUT_MS }));
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

/**
 * @example
 *   await verifyDoctor(ctx, { checks: ['topic', 'group'] }, 20_000) // { ok: false, sentence: 'Kafka refused client1 access to topic …', failureId: 'topic-denied' }
 */
export const verifyDoctor: Verification = async (ctx, params) => {
  const report = ctx.run.doctor ?? (await runQuietly(ctx));
  if (report instanceof UserError) return { ok: false, expected: 'kafka-tutor to know which cluster to check your credentials against', happened: report.message, sentence: report.message, hint: report.fix, failureId: report.code };
  ctx.run.doctor = report;
  return judgeDoctor(Array.isArray(params.checks) ? (params.checks as string[]) : [], report);
};
