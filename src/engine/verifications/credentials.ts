import type { Finding } from '../steps/outcome.js';
import type { Verification } from './types.js';

const DOCTOR_TIMEOUT_MS = 8000;

/** The credentials lesson's check: the doctor's checklist (src/doctor/) passes, line by line on screen. */
export const verifyCredentials: Verification = async (ctx) => {
  // Loaded late: the doctor pulls in PKCS#12 parsing and probes that other lessons never need.
  const [{ runDoctor, renderCheck }, { doctorInputFrom }, { resolveProfile, sandboxDefaults }] = await Promise.all([
    import('../../doctor/index.js'),
    import('../../doctor/from-profile.js'),
    import('../../profile/index.js'),
  ]);
  const profile = await resolveProfile(ctx.flags, { sandbox: await sandboxDefaults() });
  const report = await runDoctor(doctorInputFrom(profile, { timeoutMs: DOCTOR_TIMEOUT_MS }), {
    onCheck: (check) => renderCheck(check).forEach((line) => ctx.terminal.print(line)),
  });
  const first = report.checks.find((c) => c.status === 'fail');
  const finding: Finding = {
    ok: report.ok,
    expected: 'your credentials folder to hold a CA certificate and a keystore that open and reach the cluster',
    happened: report.ok ? 'every check passed' : `"${first?.title}" failed: ${first?.message ?? ''}`,
  };
  if (first?.fix) finding.hint = first.fix;
  return finding;
};
