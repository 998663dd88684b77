import { describe, expect, it } from 'vitest';
import { playLesson } from '../../src/engine/menu.js';
import { liveProgramCount } from '../../src/engine/process/index.js';
import { KEYS } from '../support/terminal-script.js';
import { committedOffset, lessonSetup } from './lessons-helpers.js';

describe('lesson "offset-reset" against the sandbox', () => {
  it('shows earliest reading old messages, latest not, and the latest group resuming after a restart', async () => {
    const { options, script, topic, kafka } = await lessonSetup();
    const lesson = playLesson('offset-reset', options, false);
    await script.waitFor(`produced 3 message(s) into ${topic}`);
    await script.waitFor('Predict: Two consumers start now');
    script.press(KEYS.enter); // "Only the earliest one"
    await script.waitFor(`[earliest] Assigned partitions: ${topic}[0]`);
    await script.waitFor(`[latest] Assigned partitions: ${topic}[0]`);
    await script.waitFor(/printed 3 old message\(s\), latest printed 0/);
    await script.waitFor('You predicted it');
    await script.waitFor(/it reached earliest and latest/);
    await script.waitFor('Predict: The latest consumer stops');
    script.press(KEYS.enter); // "Exactly the two messages it missed"
    await script.waitFor('Stopping the latest consumer');
    await script.waitFor(/it printed "written while latest was down 1 [^"]*", "written while latest was down 2 [^"]*" first/);
    await script.waitFor('You predicted it');
    await expect(lesson).resolves.toBe('done');

    // What Kafka recorded: the restarted latest group committed past both missed messages.
    const latestGroup = options.progress.lesson('offset-reset').groups.latest!;
    expect(latestGroup).toMatch(/^client1-latest-/);
    await expect.poll(() => committedOffset(kafka, latestGroup, topic), { timeout: 10_000 }).toBe(6);
    const screen = script.screen();
    const restartAt = screen.lastIndexOf('[latest] Assigned partitions');
    expect(screen.slice(restartAt)).not.toContain('[latest] old message');
    expect(liveProgramCount()).toBe(0);
  });
});
