import { existsSync } from 'node:fs';
import { readPasswordFile } from '../../credentials/password.js';
import { UserError } from '../../errors.js';
import type { ClusterProfile } from '../../profile/types.js';
import type { Verdict } from './verdict.js';
import type { Verification, VerifyContext } from './types.js';

const DOCTOR_TIMEOUT_MS = 8000;

// The sentence continues "Expected …, but <this>", and describeFinding adds the full stop.
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const withoutStop = (text: string) => text.replace(/\.+$/, '');

/**
 * The password typed in the tutor, asked before the checks start (their network
 * deadline must not run while the student types); undefined when the env, the
 * config file or password.txt gives one, or there is no keystore to open yet.
 */
async function typedPassword(profile: ClusterProfile, ask: VerifyContext['askPassword']): Promise<string | undefined> {
  if (!ask || profile.securityProtocol === 'PLAINTEXT' || profile.password !== undefined) return undefined;
  if (!existsSync(profile.keystorePath) || (await readPasswordFile(profile.keystorePath)) !== undefined) return undefined;
  return ask(profile.keystorePath);
}

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
    return { ok: false, expected: 'kafka-tutor to know which cluster to check your credentials against', happened: lowerFirst(withoutStop(error.message)), ...(error.fix ? { hint: error.fix } : {}) };
  }
  const typed = await typedPassword(profile, ctx.askPassword);
  const report = await runDoctor(doctorInputFrom(profile, { timeoutMs: DOCTOR_TIMEOUT_MS }), {
    onCheck: (check) => renderCheck(check).forEach((line) => ctx.terminal.print(line)),
    // The doctor's password check then says the password comes from "the password prompt".
    ...(typed === undefined ? {} : { ask: async () => typed }),
  });
  // The credentials lesson's tests (doctor steps) judge this same report.
  ctx.run.doctor = report;
  const first = report.checks.find((c) => c.status === 'fail');
  const finding: Verdict = {
    ok: report.ok,
    expected: 'your credentials folder to hold a CA certificate and a keystore that open and reach the cluster',
    happened: report.ok ? 'every check passed' : `"${first?.title}" failed: ${withoutStop(first?.message ?? '')}`,
  };
  if (first?.fix) finding.hint = first.fix;
  return finding;
};
