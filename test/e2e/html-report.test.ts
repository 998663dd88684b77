/**
 * `grade --html`'s page in a real headless Chromium: what a person sees (every student,
 * a cell's status, details on click, the chart), dark mode, no network, and a screenshot.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/engine/course.js';
import { renderHtmlReport } from '../../src/grade/html-report.js';
import type { StudentGrade } from '../../src/grade/results.js';
import type { TestResult } from '../../src/check/types.js';
import { isPng, openPage, type OpenedPage } from '../support/browser.js';

const test = (lesson: string, check: string, status: TestResult['status'], points: number, message = `${check} passed.`, fix?: string): TestResult =>
  ({ name: `${lesson}: ${check}`, lesson, check, status, message, duration: 0.2, points, max_points: 1, ...(fix ? { fix } : {}) });

const passing = (id: string, name: string): StudentGrade => ({
  client_id: id, name, status: 'pass', exit_code: 0, points: 5, max_points: 5, seconds: 3.1, message: null,
  lessons: { credentials: { status: 'pass', points: 4, max_points: 4 }, simple: { status: 'pass', points: 1, max_points: 1 } },
  tests: [...['files', 'keystore', 'connection', 'access'].map((c) => test('credentials', c, 'pass', 1)), test('simple', 'delivered', 'pass', 1)],
  evidence: { groups: [{ group_id: 'simple_consumer', state: 'Empty', members: 0, offsets: [{ partition: 0, offset: 12 }] }], progress: null },
});

const REFUSED = 'Kafka refused client3 access to topic client3: the cluster\'s ACLs let each student use only their own topic.';
const grades: StudentGrade[] = [
  passing('client1', 'Ada Lovelace'),
  passing('client2', '<b>Bobby</b> Tables'),
  {
    client_id: 'client3', name: 'Alan Turing', status: 'fail', exit_code: 1, points: 3, max_points: 5, seconds: 2.2, message: `credentials: access: ${REFUSED}`,
    lessons: { credentials: { status: 'fail', points: 3, max_points: 4 }, simple: { status: 'skipped', points: 0, max_points: 1 } },
    tests: [...['files', 'keystore', 'connection'].map((c) => test('credentials', c, 'pass', 1)), test('credentials', 'access', 'fail', 0, REFUSED, 'Ask the course staff'), test('simple', 'delivered', 'skipped', 0, 'Skipped.')],
    evidence: { groups: [], groups_error: 'The cluster could not be reached with these credentials.', progress: null },
  },
  { client_id: 'client4', name: null, status: 'error', exit_code: 2, points: 0, max_points: 0, seconds: 0.1, message: 'The folder copies/client4 does not exist.', lessons: {}, tests: [], evidence: null },
];

const dir = mkdtempSync(join(tmpdir(), 'kt-html-'));
const file = join(dir, 'report.html');
const SHOTS = new URL('../../.kafka-tutor/screenshots/', import.meta.url).pathname;
let light: OpenedPage;

beforeAll(async () => {
  writeFileSync(file, renderHtmlReport(grades, { generatedAt: '2026-01-15T10:00:00.000Z', bootstrap: ['127.0.0.1:19093'], roster: 'class/roster.csv', lessons: loadCourse().lessons }));
  light = await openPage(file);
}, 60_000);

afterAll(async () => {
  await light?.close();
});

describe('the HTML class report in Chromium', () => {
  it('shows every student in the table, with their name as text (never as markup)', async () => {
    const rows = light.page.locator('tr.student');
    expect(await rows.count()).toBe(4);
    for (const id of ['client1', 'client2', 'client3', 'client4']) await expect.poll(() => light.page.getByRole('rowheader', { name: id, exact: true }).isVisible()).toBe(true);
    expect(await light.page.getByText('<b>Bobby</b> Tables').isVisible()).toBe(true);
  });

  it("shows each cell's status and points, and the pass rate per lesson", async () => {
    const row = light.page.locator('tr.student[data-client-id="client3"]');
    const cells = row.locator('td');
    expect(await cells.nth(1).innerText()).toBe('FAIL 3/4');
    expect(await cells.nth(2).innerText()).toBe('SKIP 0/1');
    expect(await light.page.locator('tr.student[data-client-id="client1"] td.total').innerText()).toBe('PASS 5/5');
    expect(await light.page.locator('svg.chart').getAttribute('aria-label')).toBe('Pass rate per lesson: credentials 2 of 4, simple 2 of 4');
    expect(await light.page.locator('svg.chart').isVisible()).toBe(true);
  });

  it("opens a student's messages and evidence with one click", async () => {
    const details = light.page.locator('details', { hasText: 'Messages and evidence for client3' });
    const fix = details.getByText('Fix: Ask the course staff');
    expect(await fix.isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await fix.isVisible()).toBe(true);
    expect(await details.getByText('Consumer groups could not be read').isVisible()).toBe(true);
    const shot = await light.page.screenshot({ fullPage: true });
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'html-report-light.png'), shot);
    expect(isPng(shot, 1200, 600)).toBe(true);
    expect(shot.length).toBeGreaterThan(20_000);
  });

  it('asks the network for nothing', () => {
    expect(light.requests).toEqual([]);
  });

  it('follows a dark colour scheme', async () => {
    const dark = await openPage(file, { colorScheme: 'dark' });
    try {
      const background = await dark.page.evaluate('getComputedStyle(document.body).backgroundColor');
      expect(background).toBe('rgb(17, 20, 24)');
      const shot = await dark.page.screenshot();
      writeFileSync(join(SHOTS, 'html-report-dark.png'), shot);
      expect(isPng(shot, 1200, 900)).toBe(true);
    } finally {
      await dark.close();
    }
  });
});
