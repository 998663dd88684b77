/**
 * `grade --html`: the class on one self-contained page (no network, no scripts or fonts
 * from elsewhere): students × lessons with status and points, each lesson's pass rate as
 * an inline SVG chart, and each student's messages and evidence in a <details>. It reads
 * well in dark mode and printed (every <details> opens for printing). Built from grades,
 * which never hold a password or key.
 */
import writeFileAtomic from 'write-file-atomic';
import type { Evidence, TestResult } from '../check/types.js';
import type { LessonGrade, StudentGrade } from './results.js';

export interface HtmlReportMeta {
  generatedAt: string;
  bootstrap: string[];
  roster: string;
  /** The course's lessons in order, for the columns and their titles. */
  lessons: { id: string; title: string }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every text from a report goes through here: a client id or message may hold anything. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STATUS_WORD: Record<string, string> = { pass: 'pass', fail: 'fail', error: 'error', skipped: 'skip' };

/** The lessons any student was graded on, in the course's order. */
function lessonsOf(grades: StudentGrade[], course: HtmlReportMeta['lessons']): string[] {
  return course.map((l) => l.id).filter((id) => grades.some((g) => g.lessons[id]));
}

function cell(grade: LessonGrade | undefined): string {
  if (!grade) return '<td class="st-none">–</td>';
  return `<td class="st-${grade.status}"><span class="word">${STATUS_WORD[grade.status] ?? grade.status}</span> <span class="pts">${grade.points}/${grade.max_points}</span></td>`;
}

/** One horizontal bar per lesson: the share of the class who passed it (a check that could not run is no pass). */
function passRateChart(grades: StudentGrade[], lessons: string[], titles: Map<string, string>): string {
  const rowHeight = 28, labelWidth = 190, barWidth = 300, height = lessons.length * rowHeight + 8;
  const bars = lessons.map((id, i) => {
    const passed = grades.filter((g) => g.lessons[id]?.status === 'pass').length;
    const rate = grades.length === 0 ? 0 : passed / grades.length;
    const y = i * rowHeight + 4;
    const label = `${passed}/${grades.length} (${Math.round(rate * 100)}%)`;
    return `<g><title>${escapeHtml(titles.get(id) ?? id)}: ${label} passed</title>`
      + `<text x="0" y="${y + 17}" class="lbl">${escapeHtml(id)}</text>`
      + `<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="20" class="track"/>`
      + `<rect x="${labelWidth}" y="${y}" width="${Math.round(rate * barWidth)}" height="20" class="bar"/>`
      + `<text x="${labelWidth + barWidth + 8}" y="${y + 17}" class="lbl">${label}</text></g>`;
  });
  const summary = lessons.map((id) => `${id} ${grades.filter((g) => g.lessons[id]?.status === 'pass').length} of ${grades.length}`).join(', ');
  return `<svg class="chart" role="img" aria-label="Pass rate per lesson: ${escapeHtml(summary)}" viewBox="0 0 ${labelWidth + barWidth + 110} ${height}" width="${labelWidth + barWidth + 110}" height="${height}">${bars.join('')}</svg>`;
}

function testRows(tests: TestResult[]): string {
  if (tests.length === 0) return '<p>No check result (see the message above).</p>';
  const rows = tests.map((t) => `<tr class="st-${t.status}"><td>${escapeHtml(t.lesson)}</td><td>${escapeHtml(t.check)}</td><td><span class="word">${STATUS_WORD[t.status] ?? t.status}</span></td><td>${t.points}/${t.max_points}</td>`
    + `<td>${escapeHtml(t.message)}${t.fix ? `<br><span class="fix">Fix: ${escapeHtml(t.fix)}</span>` : ''}</td></tr>`);
  return `<table class="tests"><thead><tr><th>Lesson</th><th>Check</th><th>Status</th><th>Points</th><th>What happened</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function evidenceHtml(evidence: Evidence | null | undefined): string {
  if (!evidence) return '<p>No evidence: the check did not reach the cluster.</p>';
  const groups = evidence.groups.length === 0
    ? `<p>${evidence.groups_error ? `Consumer groups could not be read: ${escapeHtml(evidence.groups_error)}` : 'No consumer group of this student on their topic.'}</p>`
    : `<table class="tests"><thead><tr><th>Group</th><th>State</th><th>Members</th><th>Committed offsets</th></tr></thead><tbody>${evidence.groups.map((g) =>
      `<tr><td>${escapeHtml(g.group_id)}</td><td>${escapeHtml(g.state)}</td><td>${g.members}</td><td>${g.offsets.length === 0 ? 'none' : g.offsets.map((o) => `p${o.partition}: ${o.offset}`).join(', ')}</td></tr>`).join('')}</tbody></table>`;
  const progress = evidence.progress
    ? `<p>Interactive lessons (progress file of ${escapeHtml(evidence.progress.updated_at)}): ${evidence.progress.lessons.map((l) => `${escapeHtml(l.lesson)} ${escapeHtml(l.status)}`).join(', ') || 'none started'}.</p>`
    : '<p>Interactive lessons: no progress file.</p>';
  return `<h4>Consumer groups on the topic</h4>${groups}<h4>Progress</h4>${progress}`;
}

function studentRows(grade: StudentGrade, lessons: string[]): string {
  const id = escapeHtml(grade.client_id);
  const main = `<tr class="student" data-client-id="${id}"><th scope="row">${id}</th><td>${escapeHtml(grade.name ?? '')}</td>${lessons.map((l) => cell(grade.lessons[l])).join('')}`
    + `<td class="st-${grade.status} total"><span class="word">${STATUS_WORD[grade.status] ?? grade.status}</span> <span class="pts">${grade.points}/${grade.max_points}</span></td></tr>`;
  const message = grade.message && grade.status !== 'pass' ? `<p class="message">${escapeHtml(grade.message)}</p>` : '';
  const details = `<tr class="more"><td colspan="${lessons.length + 3}"><details><summary>Messages and evidence for ${id}</summary>${message}${testRows(grade.tests)}${evidenceHtml(grade.evidence)}</details></td></tr>`;
  return `<tbody>${main}${details}</tbody>`;
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#5d5d5d;--line:#d0d0d0;--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#b3261e;--fail-bg:#ffebe9;--skip:#6e6e6e;--skip-bg:#f0f0f0;--bar:#1a7f37;--track:#e6e6e6}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--fg:#e8e8e8;--muted:#a0a0a0;--line:#3a3f45;--pass:#56d364;--pass-bg:#12301c;--fail:#ff7b72;--fail-bg:#3b1514;--skip:#a0a0a0;--skip-bg:#24282d;--bar:#56d364;--track:#2d333b}}
body{background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}.meta{color:var(--muted);margin:0 0 1rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{position:sticky;top:0;background:var(--bg)}
.st-pass{color:var(--pass);background:var(--pass-bg)}.st-fail,.st-error{color:var(--fail);background:var(--fail-bg)}.st-skipped,.st-none{color:var(--skip);background:var(--skip-bg)}
.word{font-weight:600;text-transform:uppercase;font-size:.8em;letter-spacing:.03em}.pts{font-variant-numeric:tabular-nums}
tr.more td{border-bottom:2px solid var(--line);padding-top:0}summary{cursor:pointer;color:var(--muted)}
table.tests{margin:.5rem 0;font-size:.9em}.message{font-weight:600}.fix{color:var(--muted)}h4{margin:.75rem 0 .25rem}
.chart .lbl{fill:var(--fg);font:13px system-ui,sans-serif}.chart .track{fill:var(--track)}.chart .bar{fill:var(--bar)}
@media print{body{margin:0;max-width:none;font-size:11pt}thead th{position:static}tbody{break-inside:avoid}summary{display:none}
.st-pass,.st-fail,.st-error,.st-skipped,.st-none{background:none;color:#000}.chart .bar{fill:#555}.chart .track{fill:#ddd}.chart .lbl{fill:#000}}
`;

/**
 * The whole page as one HTML string.
 *
 * @example
 *   const html = renderHtmlReport(grades, { generatedAt: new Date().toISOString(), bootstrap: ['127.0.0.1:19093'], roster: 'roster.csv', lessons: [{ id: 'simple', title: 'A simple producer and consumer' }] });
 */
export function renderHtmlReport(grades: StudentGrade[], meta: HtmlReportMeta): string {
  const lessons = lessonsOf(grades, meta.lessons);
  const titles = new Map(meta.lessons.map((l) => [l.id, l.title]));
  const passed = grades.filter((g) => g.status === 'pass').length;
  const head = `<tr><th scope="col">Client id</th><th scope="col">Name</th>${lessons.map((id) => `<th scope="col" title="${escapeHtml(titles.get(id) ?? id)}">${escapeHtml(id)}</th>`).join('')}<th scope="col">Total</th></tr>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Class report: ${passed}/${grades.length} passed</title><style>${STYLE}</style></head>
<body><h1>Class report</h1>
<p class="meta">${passed} of ${grades.length} students passed every check · cluster ${escapeHtml(meta.bootstrap.join(', '))} · roster ${escapeHtml(meta.roster)} · ${escapeHtml(meta.generatedAt)}</p>
<h2>Pass rate per lesson</h2>${passRateChart(grades, lessons, titles)}
<h2>Students</h2><p class="meta">Open a student's "Messages and evidence" for what each check saw.</p>
<table class="class"><thead>${head}</thead>${grades.map((g) => studentRows(g, lessons)).join('\n')}</table>
<script>addEventListener('beforeprint',()=>document.querySelectorAll('details').forEach((d)=>{d.open=true}))</script>
</body></html>
`;
}

/**
 * Writes the page atomically.
 *
 * @example
 *   await writeHtmlReport('report.html', grades, meta);
 */
export async function writeHtmlReport(path: string, grades: StudentGrade[], meta: HtmlReportMeta): Promise<string> {
  await writeFileAtomic(path, renderHtmlReport(grades, meta));
  return path;
}
