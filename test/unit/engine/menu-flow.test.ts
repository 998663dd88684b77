import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/engine/course.js';
import { resumeTutor, runTutor } from '../../../src/engine/menu.js';
import { Progress } from '../../../src/engine/progress.js';
import { Cancelled } from '../../../src/errors.js';
import { KEYS, scriptTerminal } from '../../support/terminal-script.js';

const course = loadCourse(fileURLToPath(new URL('../../fixtures/course/good', import.meta.url)));
const freshProgress = () => Progress.open(join(mkdtempSync(join(tmpdir(), 'kt-menu-')), 'progress.json'));

describe('the lesson menu and the engine, with a scripted terminal', () => {
  it('takes a student through both lessons from the menu and records them as done', async () => {
    const progress = freshProgress();
    const script = scriptTerminal();
    const tutor = runTutor({ course, progress, terminal: script.terminal, flags: {} });
    await script.waitFor('Which lesson?');
    await script.waitFor('1. first — First tiny lesson (not started)');
    script.press(KEYS.enter);
    await script.waitFor('Page one');
    await script.waitFor('Predict: Which colour?');
    script.choose('Blue');
    await script.waitFor('echo {who}');
    await script.waitFor('The second page.');
    await script.waitFor('Read the extra page?');
    script.press(KEYS.enter); // No (the default): the lesson ends here
    await script.waitFor('Lesson done: First tiny lesson');
    await script.waitFor('Go on to the next lesson (Second tiny lesson)?');
    script.press(KEYS.enter);
    await script.waitFor('The only page.');
    await script.waitFor('Which lesson?');
    await script.waitFor('2. second — Second tiny lesson (done)');
    script.press(KEYS.enter); // every lesson done: Quit is preselected
    await tutor;
    expect(script.screen()).not.toContain('Extra reading.');
    const saved = JSON.parse(readFileSync(progress.path, 'utf8'));
    expect(saved.lessons.first.status).toBe('done');
    expect(saved.lessons.second.status).toBe('done');
    expect(saved.lessons.first.steps.guess).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('saves progress on Ctrl-C and resumes at the last checkpoint', async () => {
    const progress = freshProgress();
    const first = scriptTerminal();
    const tutor = runTutor({ course, progress, terminal: first.terminal, flags: {} }, 'first');
    await first.waitFor('Predict: Which colour?');
    first.press(KEYS.enter);
    await first.waitFor('Read the extra page?');
    first.press(KEYS.ctrlC);
    await expect(tutor).rejects.toBeInstanceOf(Cancelled);
    const afterCancel = Progress.open(progress.path);
    expect(afterCancel.lesson('first')).toMatchObject({ status: 'in-progress', steps: { 'page-two': { status: 'done' }, more: { status: 'in-progress' } } });

    const second = scriptTerminal();
    const resumed = resumeTutor({ course, progress: afterCancel, terminal: second.terminal, flags: {} });
    await second.waitFor('Welcome back: continuing at step 4 of 6.');
    await second.waitFor('The second page.');
    await second.waitFor('Read the extra page?');
    second.press(KEYS.left, KEYS.enter); // Yes
    await second.waitFor('Extra reading.');
    await second.waitFor('Lesson done');
    await resumed;
    expect(second.screen()).not.toContain('Page one');
    expect(Progress.open(progress.path).status('first')).toBe('done');
  });
});
