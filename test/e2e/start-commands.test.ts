/**
 * The non-interactive companions of `start`: `lessons`, `reset` and `dev check`,
 * run through the built bin without a terminal, as a grader or CI would.
 */
import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/course/${name}`, import.meta.url));

function withProgress(lessons: Record<string, unknown>) {
  const home = mkdtempSync(join(tmpdir(), 'kt-cmd-'));
  writeFileSync(join(home, 'progress.json'), JSON.stringify({ doNotEdit: 'x', formatVersion: 1, updatedAt: '2026-11-25T00:00:00.000Z', current: 'simple', lessons }));
  return home;
}
const run = (args: string[], home: string) => execa('node', [bin, ...args], { reject: false, env: { KAFKA_TUTOR_HOME: home, NO_COLOR: '1' }, stdin: 'ignore' });

describe('kafka-tutor lessons', () => {
  it('lists every lesson with its status, and the next one to take', async () => {
    const home = withProgress({ credentials: { status: 'done', run: 1, groups: {}, steps: {} }, simple: { status: 'in-progress', run: 1, groups: {}, steps: { intro: { status: 'done', attempts: 1, startedAt: 'x' } } } });
    const { stdout, exitCode } = await run(['lessons'], home);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('✔ 1. credentials — Your Kafka credentials (done)');
    expect(stdout).toMatch(/▲ 2\. simple — A simple producer and consumer \(in progress, 1\/\d+ steps\)/);
    expect(stdout).toContain('○ 3. offset-reset');
    expect(stdout).toContain('Next: kafka-tutor start simple');
    const json = JSON.parse((await run(['lessons', '--json'], home)).stdout);
    const statuses = json.lessons.map((l: { id: string; status: string }) => `${l.id}:${l.status}`);
    expect(statuses.slice(0, 4)).toEqual(['credentials:done', 'simple:in-progress', 'offset-reset:not-started', 'interrupted-commit:not-started']);
    // Lessons added after the course text's four: listed, not started.
    expect(statuses.slice(4).every((s: string) => s.endsWith(':not-started'))).toBe(true);
  });

  it('sets a corrupt progress file aside with a message instead of crashing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-bad-'));
    writeFileSync(join(home, 'progress.json'), 'not json');
    const { stdout, stderr, exitCode } = await run(['lessons'], home);
    expect(exitCode).toBe(0);
    expect(stderr).toMatch(/Your progress file is corrupt; it was moved to .*progress\.json\.bad-/);
    expect(stdout).toContain('○ 1. credentials');
  });
});

describe('kafka-tutor reset', () => {
  it('without a terminal, asks for --yes instead of erasing silently', async () => {
    const home = withProgress({ simple: { status: 'done', run: 1, groups: {}, steps: {} } });
    const { stderr, exitCode } = await run(['reset', 'simple'], home);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('needs an interactive terminal');
    expect(stderr).toContain('Fix: kafka-tutor reset simple --yes');
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).lessons.simple.status).toBe('done');
  });

  it('erases one lesson with --yes, and says which lessons exist for a wrong name', async () => {
    const home = withProgress({ simple: { status: 'done', run: 1, groups: {}, steps: {} }, credentials: { status: 'done', run: 1, groups: {}, steps: {} } });
    const erased = await run(['reset', 'simple', '--yes'], home);
    expect(erased.stdout).toContain('Erased your progress in "A simple producer and consumer".');
    const lessons = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).lessons;
    expect(Object.keys(lessons)).toEqual(['credentials']);
    const wrong = await run(['reset', 'simpel', '--yes'], home);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toContain('There is no lesson "simpel".');
    expect(wrong.stderr).toContain('credentials, simple, offset-reset, interrupted-commit');
  });
});

describe('kafka-tutor dev check', () => {
  it('passes on the lessons kafka-tutor ships', async () => {
    const { stdout, exitCode } = await run(['dev', 'check'], tmpdir());
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/The course in .*lessons is well formed/);
  });

  it('fails on a broken course, with a fix for each problem', async () => {
    const { stdout, exitCode } = await run(['dev', 'check', '--course', fixture('broken')], tmpdir());
    expect(exitCode).toBe(1);
    expect(stdout).toContain('✖ first/lesson.json, step "page" points at nowhere.md, which does not exist.\n    Fix: Create first/nowhere.md');
    expect(stdout).toContain('has the unknown kind "dance"');
    expect(stdout).toContain('7 problems in');
  });
});
