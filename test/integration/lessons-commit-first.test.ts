/**
 * Commit first (at-most-once) against the sandbox broker: consume-commit with
 * --commit-before-store, stopped while storing, has already committed the
 * message, so the restart in the same group never sees it; the course's
 * at-least-once program does not pass the same judgements; `check` grades the
 * lesson, and the tutor plays it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import { playLesson } from '../../src/engine/menu.js';
import { liveProgramCount, type ProgramHandle } from '../../src/engine/process/index.js';
import { judgeSkipped } from '../../src/engine/verifications/skipped-interrupted.js';
import { classifyStop } from '../../src/engine/verifications/stop-window.js';
import type { ProgramEvent } from '../../src/kafka/events.js';
import { fetchCommittedOffsets } from '../../src/kafka/offsets.js';
import { sandboxState, sandboxStudent, studentConfig } from '../support/sandbox.js';
import { committedOffset, lessonSetup } from './lessons-helpers.js';
import { CLIENT, freshGroup, freshTopic, produceValues, startAssigned, studentEnv, uniqueValues } from './programs.fixtures.js';

const BIN = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../lessons', import.meta.url));

let env: Record<string, string>;
const started: ProgramHandle[] = [];
const track = (program: ProgramHandle) => (started.push(program), program);

beforeAll(async () => {
  env = await studentEnv();
});
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop('SIGKILL')));
});

const shape = (events: readonly ProgramEvent[]) => events.map((e) => (e.type === 'message' || e.type === 'storing-started' ? `${e.type} ${e.value}` : e.type === 'committed' ? `committed ${e.offset}` : e.type));

/** Stops consume-commit (with `flags`) while it stores the first of three messages, then restarts it in the same group until it has read the rest. */
async function stopAndRestart(label: string, flags: string[]) {
  const topic = await freshTopic();
  const values = uniqueValues(label, 3);
  const sent = await produceValues(topic, values, env);
  const group = freshGroup(label);
  const first = track(await startAssigned('consume-commit', [topic, group, '--store-ms', '60000', ...flags], env));
  await first.waitFor((e) => e.type === 'storing-started', { timeoutMs: 15_000, what: 'storing to start' });
  const stopped = await first.stop('SIGTERM');
  const kafka = new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 });
  const committedAtStop = await fetchCommittedOffsets(kafka, group, topic);
  const restarted = track(await startAssigned('consume-commit', [topic, group, '--store-ms', '50', ...flags], env));
  const end = sent[2]!.offset + 1;
  await restarted.waitFor((e) => e.type === 'committed' && e.offset === end, { timeoutMs: 15_000, what: 'the restart to read the rest' });
  await restarted.stop();
  return { values, sent, stopped, committedAtStop, restarted: restarted.seen };
}

describe('consume-commit --commit-before-store against the sandbox', () => {
  it('commits before "Start storing"; stopped while storing, the broker is past the message, and the restart never sees it', async () => {
    const { values, sent, stopped, committedAtStop, restarted } = await stopAndRestart('first', ['--commit-before-store']);
    const [v0, v1, v2] = values;
    const o0 = sent[0]!.offset;
    expect(shape(stopped.events)).toEqual(['assigned', `message ${v0}`, `committed ${o0 + 1}`, `storing-started ${v0}`, 'stopped']);
    expect(committedAtStop).toEqual([{ partition: 0, offset: o0 + 1 }]);
    const stop = classifyStop(stopped.events);
    expect(stop).toMatchObject({ position: 'while-storing', interrupted: { partition: 0, offset: o0, committed: true } });
    expect(stop.description).toContain('after committing it');
    // The restart: the next message first, the interrupted one never.
    expect(restarted.flatMap((e) => (e.type === 'message' ? [e.value] : []))).toEqual([v1, v2]);
    expect(judgeSkipped(stop.interrupted!, restarted)).toMatchObject({ ok: true });
  });

  it('the course\'s program (store, then commit) fails the same judgement: it reads the interrupted message again', async () => {
    const { values, sent, stopped, committedAtStop, restarted } = await stopAndRestart('stored', []);
    expect(committedAtStop).toEqual([{ partition: 0, offset: null }]);
    const stop = classifyStop(stopped.events);
    expect(stop.interrupted).toMatchObject({ offset: sent[0]!.offset, committed: false });
    expect(restarted.flatMap((e) => (e.type === 'message' ? [e.value] : []))).toEqual(values);
    const verdict = judgeSkipped(stop.interrupted!, restarted);
    expect(verdict.ok).toBe(false);
    expect(verdict.happened).toBe(`it processed offset ${sent[0]!.offset} of partition 0 ("${values[0]}") again: it had not been committed, so nothing was lost`);
  });
});

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
    const storing = await script.waitFor(new RegExp(`\\[committer\\] Start storing ${topic}\\[0\\]@(\\d+)`));
    const interrupted = Number(/@(\d+)/.exec(storing)?.[1]);
    script.press('x');
    await script.waitFor(`it stopped while storing offset ${interrupted} of partition 0`);
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
