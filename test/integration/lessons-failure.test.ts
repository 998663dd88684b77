import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/engine/course.js';
import { playLesson } from '../../src/engine/menu.js';
import { liveProgramCount } from '../../src/engine/process/index.js';
import { Progress } from '../../src/engine/progress.js';
import { Cancelled } from '../../src/errors.js';
import { KEYS } from '../support/terminal-script.js';
import { lessonSetup } from './lessons-helpers.js';

const failing = loadCourse(fileURLToPath(new URL('../fixtures/course/failing', import.meta.url)));

describe('a verification that fails against the sandbox', () => {
  it('says what was expected and what happened, offers a retry and a hint, and lets the student leave', async () => {
    const { options, script } = await lessonSetup();
    const lesson = playLesson('late', { ...options, course: failing }, false);
    await script.waitFor('Stopping the consumer.');
    await script.waitFor(/Expected the consumer to print "too late [^"]*", in this order, but it never printed/);
    await script.waitFor('What now?');
    script.press(KEYS.enter); // Try this part again: back to the checkpoint
    await script.waitFor('Starting consumer');
    await script.waitFor('What now?');
    script.press(KEYS.down, KEYS.enter); // Show a hint
    await script.waitFor('Hint: A stopped consumer prints nothing');
    await script.waitFor('What now?');
    script.press(KEYS.down, KEYS.down, KEYS.enter); // Leave
    await expect(lesson).resolves.toBe('left');

    const record = Progress.open(options.progress.path).lesson('late');
    expect(record.status).toBe('in-progress');
    expect(record.steps.check).toMatchObject({ status: 'failed', attempts: 2 });
    expect(liveProgramCount()).toBe(0);
  });

  it('on Ctrl-C while waiting for Kafka, stops its programs and leaves with the progress saved', async () => {
    const { options, script } = await lessonSetup();
    const lesson = playLesson('late', { ...options, course: failing }, false);
    await script.waitFor('[consumer] Assigned partitions');
    // The terminal's Ctrl-C outside a prompt arrives as SIGINT.
    process.emit('SIGINT', 'SIGINT');
    await expect(lesson).rejects.toBeInstanceOf(Cancelled);
    expect(liveProgramCount()).toBe(0);
    expect(Progress.open(options.progress.path).lesson('late').steps.start?.status).toBe('done');
  });
});
