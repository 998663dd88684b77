import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Progress, progressPath } from '../../../src/engine/progress.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'kt-progress-')), 'progress.json');
const clock = () => new Date('2026-11-25T10:00:00.000Z');

describe('the progress file', () => {
  it('lives in $KAFKA_TUTOR_HOME, or ./.kafka-tutor', () => {
    expect(progressPath({ KAFKA_TUTOR_HOME: '/tmp/x' }, '/work')).toBe('/tmp/x/progress.json');
    expect(progressPath({}, '/work')).toBe('/work/.kafka-tutor/progress.json');
  });

  it('saves every change at once, with a do-not-edit header, steps, attempts and groups', async () => {
    const path = fresh();
    const progress = Progress.open(path, { now: clock });
    await progress.startLesson('simple', { fresh: true });
    await progress.markStep('simple', 'type', 'in-progress');
    await progress.markStep('simple', 'type', 'failed');
    await progress.markStep('simple', 'type', 'in-progress');
    await progress.rememberGroup('simple', 'simple', 'client1-simple-1ab');
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved.doNotEdit).toMatch(/Do not edit by hand/);
    expect(saved.formatVersion).toBe(1);
    expect(saved.current).toBe('simple');
    expect(saved.lessons.simple).toMatchObject({ status: 'in-progress', run: 1, groups: { simple: 'client1-simple-1ab' } });
    expect(saved.lessons.simple.steps.type).toMatchObject({ status: 'in-progress', attempts: 2, startedAt: '2026-11-25T10:00:00.000Z' });
    expect(Progress.open(path).lesson('simple').groups.simple).toBe('client1-simple-1ab');
  });

  it('keeps groups when a lesson resumes, and forgets them when it starts afresh', async () => {
    const progress = Progress.open(fresh());
    await progress.startLesson('interrupted-commit', { fresh: true });
    await progress.rememberGroup('interrupted-commit', 'commit', 'client1-commit-1');
    expect((await progress.startLesson('interrupted-commit', { fresh: false })).groups).toEqual({ commit: 'client1-commit-1' });
    const again = await progress.startLesson('interrupted-commit', { fresh: true });
    expect(again).toMatchObject({ run: 2, groups: {} });
  });

  it('sets a corrupt file aside with a message and starts afresh', () => {
    const path = fresh();
    writeFileSync(path, '{"formatVersion": 1, "lessons": {');
    const progress = Progress.open(path, { now: clock });
    expect(progress.notice).toMatch(/is corrupt; it was moved to .*progress\.json\.bad-2026-11-25T10-00-00-000Z/);
    expect(progress.data.lessons).toEqual({});
    expect(readdirSync(join(path, '..'))).toEqual(['progress.json.bad-2026-11-25T10-00-00-000Z']);
  });

  it('sets aside a file from a newer kafka-tutor rather than misreading it', () => {
    const path = fresh();
    writeFileSync(path, JSON.stringify({ formatVersion: 7, lessons: { simple: { status: 'done' } } }));
    const progress = Progress.open(path);
    expect(progress.notice).toMatch(/written by a newer kafka-tutor \(format 7\)/);
    expect(progress.status('simple')).toBe('not-started');
  });

  it('erases one lesson, or everything', async () => {
    const progress = Progress.open(fresh());
    await progress.finishLesson('simple');
    await progress.finishLesson('offset-reset');
    await progress.reset('simple');
    expect([progress.status('simple'), progress.status('offset-reset')]).toEqual(['not-started', 'done']);
    await progress.reset();
    expect(progress.status('offset-reset')).toBe('not-started');
  });

  it('keeps ask answers through a resume, forgets them when the student starts the lesson again', async () => {
    const progress = Progress.open(fresh(), { now: clock });
    await progress.startLesson('credentials', { fresh: true });
    await progress.rememberAnswer('credentials', 'vmUser', 'ubuntu');
    expect((await progress.startLesson('credentials', { fresh: true, keepAnswers: true })).answers).toEqual({ vmUser: 'ubuntu' });
    expect(Progress.open(progress.path).lesson('credentials').answers).toEqual({ vmUser: 'ubuntu' });
    expect((await progress.startLesson('credentials', { fresh: true })).answers).toBeUndefined();
  });
});
