import type { Finding } from '../steps/outcome.js';
import type { Verification } from './types.js';

/** The credentials lesson's check: the doctor's checklist (src/doctor/) must pass. */
export const verifyCredentials: Verification = async (ctx, params) => {
  // Loaded late: the doctor pulls in PKCS#12 parsing that other lessons never need.
  const { runDoctor } = (await import('../../doctor/index.js')) as unknown as {
    runDoctor: (options: Record<string, unknown>) => Promise<{ ok: boolean; failures?: { message: string; fix?: string }[] }>;
  };
  const report = await runDoctor({ ...params });
  const first = report.failures?.[0];
  const finding: Finding = {
    ok: report.ok,
    expected: 'your credentials folder should hold a CA certificate and a keystore that open and reach the cluster',
    happened: report.ok ? 'every check passed' : (first?.message ?? 'a check failed'),
  };
  if (first?.fix) finding.hint = first.fix;
  return finding;
};
