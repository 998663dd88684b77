/**
 * The lesson "commit first" (at-most-once) against the sandbox broker: `check`
 * grades it, and fails the at-least-once program on the same lesson data; the
 * tutor plays it with a wrong prediction. (The program and the judgements
 * themselves: experiments.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import { playLesson } from '../../src/engine/menu.js';
import { liveProgramCount } from '../../src/engine/process/index.js';
import { sandboxState, sandboxStudent } from '../support/sandbox.js';
import { committedOffset, lessonSetup } from './lessons-helpers.js';

const BIN = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../lessons', import.meta.url));

/** The shipped course, with commit-first's consumers turned back into the course's store-then-commit program. */
function atLeastOnceCourse(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kt-course-')), 'course');
  cpSync(SHIPPED, dir, { recursive: true });
  const file = join(dir, 'commit-first', 'lesson.json');
  const lesson = JSON.parse(readFileSync(file, 'utf8')) as { steps: Record<string, unknown>[] };
  writeFileSync(file, JSON.stringify({ ...lesson, steps: lesson.steps.map(({ commitBeforeStore: _, ...step }) => step) }));
  return dir;
}

describe('kafka-tutor check --lesson commit-first', () => {
  it('grades the lesson 4/4, and the at-least-once program fails the two at-most-once tests', async () => {
    const { bootstrap } = await sandboxState();
    const auth = (await sandboxStudent('client2')).dir;
    const cwd = mkdtempSync(join(tmpdir(), 'kt-check-cf-'));
    const clean = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), KAFKA_TUTOR_HOME: cwd };
    const check = async (extra: string[]) => {
      const result = await execa(process.execPath, [BIN, 'check', '--json', '--lesson', 'commit-first', '--bootstrap', bootstrap, '--auth', auth, ...extra], { cwd, env: clean, extendEnv: false, reject: false });
      return { exitCode: result.exitCode, report: JSON.parse(result.stdout) as CheckReport };
    };
    const [shipped, atLeastOnce] = await Promise.all([check([]), check(['--course', atLeastOnceCourse()])]);
    expect(shipped.report.tests.map((t) => [t.check, t.status, t.points])).toEqual([
      ['stop-window', 'pass', 1],
      ['commit-past', 'pass', 1],
      ['lost', 'pass', 2],
    ]);
    expect(shipped.report).toMatchObject({ status: 'pass', points: 4, max_points: 4 });
    expect(shipped.exitCode).toBe(0);
    expect(atLeastOnce.report.tests.map((t) => [t.check, t.status])).toEqual([
      ['stop-window', 'pass'],
      ['commit-past', 'fail'],
      ['lost', 'fail'],
    ]);
    expect(atLeastOnce.report.tests[1]!.message).toMatch(/committed offset on partition 0 to be past the interrupted message .*, but it is (\d+|not set yet), so the message is still to be read\.$/);
    expect(atLeastOnce.report.tests[2]!.message).toContain('again: it had not been committed, so nothing was lost');
    expect(atLeastOnce.exitCode).toBe(1);
  }, 60_000);
});

describe('lesson "commit-first" in the tutor', () => {
  it('a wrong prediction is corrected: the restart begins after the interrupted message, which the picture marks as lost', async () => {
    const { options, script, topic, kafka } = await lessonSetup();
    const lesson = playLesson('commit-first', options, false);
    await script.waitFor(`produced 4 message(s) into ${topic}`);
    await script.waitFor('Predict: This consumer commits each message before storing it.');
    script.choose('The message it was storing when it stopped');
    await script.waitFor('press any key');
    await script.waitFor(`[committer] Start storing ${topic}[0]@`);
    script.press('x');
    // Read from the verdict: on a loaded machine the key may land while a later message is stored.
    const stop = await script.waitFor(/it stopped while storing offset (\d+) of partition 0/);
    const interrupted = Number(/while storing offset (\d+)/.exec(stop)?.[1]);
    await script.waitFor(`partition 0: committed ${interrupted + 1} (the next message it will read)`);
    await script.waitFor(`it began at offset ${interrupted + 1} of partition 0`);
    await script.waitFor('You predicted otherwise; what happened is: The message after that one.');
    await script.waitFor('After the second stop: the committed offset is past both messages');
    await script.waitFor(`partition 0: committed ${interrupted + 2} (the next message it will read)`);
    await expect(lesson).resolves.toBe('done');

    const screen = script.screen();
    const stopPicture = screen.slice(screen.indexOf('After the stop'), screen.indexOf('After the second stop'));
    expect(stopPicture).toContain(`★ offset ${interrupted} · interrupted: lost`);
    // The restart never stored the interrupted message: it began with the next one.
    const restart = screen.slice(screen.indexOf('[committer] Assigned partitions', screen.indexOf('After the stop')));
    expect(restart).not.toContain(`Start storing ${topic}[0]@${interrupted}\n`);
    expect(restart).toMatch(new RegExp(`^[^]*?\\[committer\\] Start storing ${topic}\\[0\\]@${interrupted + 1}\\b`));
    const group = options.progress.lesson('commit-first').groups.first!;
    // Stopped right after its first commit, the restart lost that message too.
    expect(await committedOffset(kafka, group, topic)).toBe(interrupted + 2);
    expect(liveProgramCount()).toBe(0);
  }, 90_000);
});
