import { UserError } from '../../errors.js';
import type { Finding } from '../steps/outcome.js';
import type { Verification } from './types.js';

const DOCTOR_TIMEOUT_MS = 8000;

// The sentence continues "Expected …, but <this>".
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The credentials lesson's check: the doctor's checklist (src/doctor/) passes, line by line on screen.
 *
 * @example
 *   await verifyCredentials(ctx, {}, 20_000) // { ok: true, happened: 'every check passed' }
 */
export const verifyCredentials: Verification = async (ctx) => {
  // Loaded late: the doctor pulls in PKCS#12 parsing and probes that other lessons never need.
  const [{ runDoctor, renderCheck }, { doctorInputFrom }, { resolveProfile, sandboxDefaults }] = await Promise.all([
    import('../../doctor/index.js'),
    import('../../doctor/from-profile.js'),
    import('../../profile/index.js'),
  ]);
  let profile: Awaited<ReturnType<typeof resolveProfile>>;
  try {
    profile = await resolveProfile(ctx.flags, { sandbox: await sandboxDefaults() });
  } catch (error) {
    // No cluster configured (and no sandbox): a finding the student can act on, not a crash.
    if (!(error instanceof UserError)) throw error;
    return { ok: false, expected: 'kafka-tutor to know which cluster to check your credentials against', happened: lowerFirst(error.message.replace(/\.$/, '')), ...(error.fix ? { hint: error.fix } : {}) };
  }
  const report = await runDoctor(doctorInputFrom(profile, { timeoutMs: DOCTOR_TIMEOUT_MS }), {
    onCheck: (check) => renderCheck(check).forEach((line) => ctx.terminal.print(line)),
  });
  // The credentials lesson's tests (doctor steps) judge this same report.
  ctx.run.doctor = report;
  const first = report.checks.find((c) => c.status === 'fail');
  const finding: Finding = {
    ok: report.ok,
    expected: 'your credentials folder to hold a CA certificate and a keystore that open and reach the cluster',
    happened: report.ok ? 'every check passed' : `"${first?.title}" failed: ${first?.message ?? ''}`,
  };
  if (first?.fix) finding.hint = first.fix;
  return finding;
};
