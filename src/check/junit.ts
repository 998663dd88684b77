/**
 * The report as JUnit XML for CI systems: one testsuite per lesson, one
 * testcase per check; `fail` becomes <failure>, `error` <error>, `skipped` <skipped>.
 */
import type { CheckReport, TestResult } from './types.js';

/**
 * Escapes text for an XML attribute or element.
 *
 * @example
 *   escapeXml('a < "b"') // 'a &lt; &quot;b&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testcase(test: TestResult, suite: string): string {
  const open = `    <testcase classname="${escapeXml(suite)}" name="${escapeXml(test.name)}" time="${test.duration.toFixed(3)}"`;
  const detail = escapeXml(test.fix ? `${test.message}\nFix: ${test.fix}` : test.message);
  switch (test.status) {
    case 'pass':
      return `${open}/>`;
    case 'fail':
      return `${open}>\n      <failure message="${escapeXml(test.message)}" type="${escapeXml(test.failure_id ?? 'fail')}">${detail}</failure>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error message="${escapeXml(test.message)}" type="${escapeXml(test.failure_id ?? 'error')}">${detail}</error>\n    </testcase>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${escapeXml(test.message)}"/>\n    </testcase>`;
  }
}

/**
 * @example
 *   await writeFile('check.xml', toJunit(report));
 */
export function toJunit(report: CheckReport): string {
  const lessons = [...new Set(report.tests.map((t) => t.lesson))];
  const count = (tests: TestResult[], status: TestResult['status']) => tests.filter((t) => t.status === status).length;
  const suites = lessons.map((lesson) => {
    const tests = report.tests.filter((t) => t.lesson === lesson);
    const time = tests.reduce((s, t) => s + t.duration, 0);
    const name = `kafka-tutor check.${lesson}`;
    return [
      `  <testsuite name="${escapeXml(name)}" tests="${tests.length}" failures="${count(tests, 'fail')}" errors="${count(tests, 'error')}" skipped="${count(tests, 'skipped')}" time="${time.toFixed(3)}">`,
      ...tests.map((t) => testcase(t, name)),
      '  </testsuite>',
    ].join('\n');
  });
  if (report.error) {
    suites.push(`  <testsuite name="kafka-tutor check" tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase classname="kafka-tutor check" name="check could run" time="0">\n      <error message="${escapeXml(report.error.message)}" type="${escapeXml(report.error.code)}">${escapeXml(report.error.fix ? `${report.error.message}\nFix: ${report.error.fix}` : report.error.message)}</error>\n    </testcase>\n  </testsuite>`);
  }
  const all = report.tests;
  const errors = count(all, 'error') + (report.error ? 1 : 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kafka-tutor check ${escapeXml(report.client_id ?? '')}" tests="${all.length + (report.error ? 1 : 0)}" failures="${count(all, 'fail')}" errors="${errors}" skipped="${count(all, 'skipped')}" time="${report.duration.toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
