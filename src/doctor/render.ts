import { symbols } from '../ui/output.js';
import type { CheckResult, DoctorReport } from './types.js';

/**
 * One check as the lines a student reads: a symbol (✔ ▲ ✖ ○), the title,
 * then the sentence and the fix indented below it.
 *
 * @example
 *   renderCheck({ id: 'ca-file', title: 'CA certificate (ca.crt)', status: 'pass', message: '…' })
 *   // ['✔ CA certificate (ca.crt)', '    …']
 */
export function renderCheck(check: CheckResult): string[] {
  const lines = [`${symbols[check.status]} ${check.title}`];
  if (check.message) lines.push(`    ${check.message}`);
  if (check.fix) lines.push(`    Fix: ${check.fix}`);
  return lines;
}

/** The closing line: usable or not, and how many checks failed or warned. */
export function renderSummary(report: DoctorReport): string {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  const warnings = warned === 0 ? '' : ` (${warned} warning${warned === 1 ? '' : 's'})`;
  if (report.ok) return `Your credentials and the cluster are ready${warnings}.`;
  return `${failed} check${failed === 1 ? '' : 's'} failed${warnings}: fix the first one, then run kafka-tutor doctor again.`;
}

/**
 * The report for `--json`: the password is not in a report to begin with, and
 * this only picks the documented fields.
 */
export function reportToJson(report: DoctorReport): string {
  const checks = report.checks.map(({ id, title, status, message, fix, failureId }) => ({ id, title, status, message, fix, failureId }));
  return JSON.stringify({ version: 1, ok: report.ok, checks }, null, 2);
}
