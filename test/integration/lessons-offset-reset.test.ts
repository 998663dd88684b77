import { describe, expect, it } from 'vitest';
import { playLesson } from '../../src/engine/menu.js';
import { liveProgramCount } from '../../src/engine/process/index.js';
import { Progress } from '../../src/engine/progress.js';
import { Cancelled } from '../../src/errors.js';
import { KEYS, scriptTerminal } from '../support/terminal-script.js';
import { committedOffset, lessonSetup } from './lessons-helpers.js';

describe('lesson "offset-reset" against the sandbox', () => {
  it('shows earliest reading old messages, latest not, and the latest group resuming after a restart', async () => {
    const { options, script, topic, kafka } = await lessonSetup();
    const lesson = playLesson('offset-reset', options, false);
    await script.waitFor(`produced 3 message(s) into ${topic}`);
    await script.waitFor('Predict: Two consumers start now');
    script.choose('Only the earliest one');
    await script.waitFor(`[earliest] Assigned partitions: ${topic}[0]`);
    await script.waitFor(`[latest] Assigned partitions: ${topic}[0]`);
    await script.waitFor(/printed 3 old message\(s\), latest printed 0/);
    await script.waitFor('You predicted it');
    await script.waitFor(/it reached earliest and latest/);
    await script.waitFor('Predict: The latest consumer stops');
    script.choose('Exactly the two messages it missed');
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

  it('resumed in a new session, restarts the latest consumer in its remembered group, which resumes at its committed offset', async () => {
    const { options, script, topic, kafka } = await lessonSetup();
    const first = playLesson('offset-reset', options, false);
    await script.waitFor('Predict: Two consumers start now');
    script.press(KEYS.enter);
    await script.waitFor(/it reached earliest and latest/);
    await script.waitFor('Predict: The latest consumer stops');
    script.press(KEYS.ctrlC);
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    expect(liveProgramCount()).toBe(0);
    const latestGroup = options.progress.lesson('offset-reset').groups.latest!;
    // The stopped consumer left its group with its position committed: after the 3 old messages and the new one.
    expect(await committedOffset(kafka, latestGroup, topic)).toBe(4);

    const again = scriptTerminal();
    const resumed = playLesson('offset-reset', { ...options, progress: Progress.open(options.progress.path), terminal: again.terminal }, true);
    await again.waitFor('Welcome back: continuing at step');
    await again.waitFor('Predict: The latest consumer stops');
    again.press(KEYS.enter);
    await again.waitFor('latest is not running (any more): nothing to stop.');
    await again.waitFor(`Starting latest: kafka-tutor consume ${topic} --group ${latestGroup} --from latest`);
    await again.waitFor(/it printed "written while latest was down 1 [^"]*", "written while latest was down 2 [^"]*" first/);
    await expect(resumed).resolves.toBe('done');
    expect(again.screen()).not.toContain('[earliest]');
    expect(liveProgramCount()).toBe(0);
  });
});
