/**
 * The report as people read it: one line per check under its lesson, with a
 * symbol and a word (readable without colour), the duration, and for each
 * failure the sentence and fix; then `Points X/Y` for classroom graders.
 */
import chalk from 'chalk';
import { symbols } from '../ui/output.js';
import type { CheckReport, TestResult, TestStatus } from './types.js';

const LOOK: Record<TestStatus, { symbol: string; word: string }> = {
  pass: { symbol: symbols.pass, word: 'pass' },
  fail: { symbol: symbols.fail, word: 'FAIL' },
  error: { symbol: symbols.fail, word: 'ERROR' },
  skipped: { symbol: symbols.skip, word: 'skipped' },
};

function lines(test: TestResult, quiet: boolean, previous: TestResult | undefined, idWidth: number): string[] {
  if (quiet && test.status === 'pass') return [];
  const look = LOOK[test.status];
  const out = [`  ${look.symbol} ${look.word.padEnd(7)} ${test.check.padEnd(idWidth)} ${test.name.slice(test.lesson.length + 2)}  ${chalk.dim(`${test.duration.toFixed(1)} s`)}`];
  // A reason shared by several checks in a row (a skip, a refusal) is said once.
  const repeated = previous !== undefined && previous.status === test.status && previous.message === test.message;
  if (test.status !== 'pass' && !repeated) {
    out.push(`              ${test.message}`);
    if (test.fix) out.push(`              Fix: ${test.fix}`);
  }
  return out;
}

/**
 * The text `check` prints.
 *
 * @example
 *   formatReport(report, { quiet: false }).at(-1) // 'Points 13/13'
 */
export function formatReport(report: CheckReport, options: { quiet: boolean; titles?: Record<string, string> }): string[] {
  const out: string[] = [];
  if (!options.quiet) out.push(`kafka-tutor check: ${report.client_id ?? '(unknown client id)'} on ${report.bootstrap.join(',') || '(no cluster)'} (run ${report.run_id})`);
  const lessons = [...new Set(report.tests.map((t) => t.lesson))];
  // The names line up under the longest test id of the report.
  const idWidth = Math.max(13, ...report.tests.map((t) => t.check.length + 1));
  for (const lesson of lessons) {
    const tests = report.tests.filter((t) => t.lesson === lesson);
    const body = tests.flatMap((t, i) => lines(t, options.quiet, tests[i - 1], idWidth));
    if (body.length === 0) continue;
    const points = tests.reduce((s, t) => s + t.points, 0);
    const max = tests.reduce((s, t) => s + t.max_points, 0);
    out.push(`${options.titles?.[lesson] ?? lesson}  ${chalk.dim(`(${points}/${max})`)}`, ...body);
  }
  if (report.error) {
    out.push(`${symbols.fail} The check could not run: ${report.error.message}`);
    if (report.error.fix) out.push(`  Fix: ${report.error.fix}`);
  }
  if (!options.quiet && report.evidence) out.push(...formatEvidence(report));
  out.push(`Points ${report.points}/${report.max_points}`);
  return out;
}

function formatEvidence(report: CheckReport): string[] {
  const evidence = report.evidence!;
  const out = ['Evidence from the cluster (your consumer groups on your topic):'];
  if (evidence.groups_error) out.push(`  (could not read them: ${evidence.groups_error})`);
  else if (evidence.groups.length === 0) out.push('  (none yet)');
  for (const g of evidence.groups) {
    const offsets = g.offsets.length === 0 ? 'no committed offsets' : g.offsets.map((o) => `p${o.partition}@${o.offset}`).join(' ');
    // Kafka calls a group it does not know "Dead"; a grader reads "never used".
    const state = g.state === 'Dead' ? 'never used on this cluster' : `${g.state}, ${g.members} member${g.members === 1 ? '' : 's'}, ${offsets}`;
    out.push(`  ${g.group_id}  ${state}${g.lesson ? `  (lesson ${g.lesson})` : ''}`);
  }
  const progress = evidence.progress;
  if (progress) {
    const done = progress.lessons.map((l) => `${l.lesson} ${l.status}${l.finished_at ? ` ${l.finished_at}` : ''}`).join('; ');
    out.push(`Interactive lessons (${progress.path}): ${done || 'none started'}`);
  } else out.push('Interactive lessons: no progress file here.');
  return out;
}
