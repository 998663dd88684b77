import { describe, expect, it } from 'vitest';
import { playLesson } from '../../src/engine/menu.js';
import { liveProgramCount } from '../../src/engine/process/index.js';
import { Progress } from '../../src/engine/progress.js';
import { Cancelled } from '../../src/errors.js';
import { KEYS, scriptTerminal } from '../support/terminal-script.js';
import { committedOffset, lessonSetup } from './lessons-helpers.js';

describe('lesson "interrupted-commit" against the sandbox', () => {
  it('stops consume-commit while storing, and the restart processes the interrupted message first', async () => {
    const { options, script, topic, kafka } = await lessonSetup();
    const lesson = playLesson('interrupted-commit', options, false);
    await script.waitFor(`produced 4 message(s) into ${topic}`);
    await script.waitFor('has committed nothing yet');
    await script.waitFor('Predict: You will stop the consumer while it stores a message');
    script.choose('The message it was storing when it stopped');
    await script.waitFor('press any key');
    // Let one message be committed first, so that the committed offset has something to show.
    await script.waitFor('[committer] Message committed');
    await script.waitFor(`[committer] Start storing ${topic}[0]@`);
    script.press('x');
    const stop = await script.waitFor(/it stopped while storing offset (\d+) of partition 0/);
    const interrupted = Number(/while storing offset (\d+)/.exec(stop)?.[1]);
    await script.waitFor(`partition 0: committed ${interrupted} (the next message it will read)`);
    await script.waitFor(`it processed offset ${interrupted} of partition 0`);
    await script.waitFor('again first: at-least-once delivery');
    await script.waitFor('You predicted it');
    await script.waitFor('After the restart: the committed offset moved on');
    await script.waitFor(`partition 0: committed ${interrupted + 1} (the next message it will read)`);
    await script.waitFor('Try it once more with a hard kill');
    script.press(KEYS.left, KEYS.enter); // Yes
    await script.waitFor('Predict: After the kill, how soon');
    script.choose("Only once the group's session timeout has passed");
    await script.waitFor('Press a key to kill the consumer with SIGKILL');
    await script.waitFor(`[committer] Start storing`);
    script.press('k');
    await script.waitFor('Sent SIGKILL to committer');
    await script.waitFor(/it waited \d+\.\d s for its partition \(after the clean start it took \d+\.\d s\)/, 90_000);
    await script.waitFor("You predicted it: Only once the group's session timeout has passed.");
    await expect(lesson).resolves.toBe('done');

    const screen = script.screen();
    if (process.env.KT_DUMP) (await import('node:fs')).writeFileSync(process.env.KT_DUMP, screen);
    // After the first restart, the first message stored is the interrupted one.
    const restart = screen.indexOf('[committer] Assigned partitions', screen.indexOf('After the stop'));
    expect(screen.slice(restart)).toMatch(new RegExp(`^[^]*?\\[committer\\] Start storing ${topic}\\[0\\]@${interrupted}\\b`));
    // Both pictures around the restart point at the interrupted message (the drawing of `inspect`).
    const stopPicture = screen.slice(screen.indexOf('After the stop'), restart);
    expect(stopPicture).toContain(`★ offset ${interrupted} · interrupted: read again`);
    expect(screen.slice(screen.indexOf('After the restart: the committed offset moved on'))).toContain(`offset ${interrupted} · interrupted: read again`);
    // The broker's record: the group moved past the interrupted message.
    const group = options.progress.lesson('interrupted-commit').groups.commit!;
    expect(await committedOffset(kafka, group, topic)).toBeGreaterThan(interrupted);
    expect(liveProgramCount()).toBe(0);
  }, 150_000);

  it('remembers its group in the progress file, reuses it when resumed, and leaves no program behind on Ctrl-C', async () => {
    const { options, script, topic } = await lessonSetup();
    const first = playLesson('interrupted-commit', options, false);
    await script.waitFor('Predict: You will stop the consumer');
    script.press(KEYS.ctrlC);
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    const group = Progress.open(options.progress.path).lesson('interrupted-commit').groups.commit;
    expect(group).toMatch(/^client1-commit-/);
    // The introduction names that group, before any step has used it.
    const screen = script.screen();
    expect(screen).not.toContain('{group.commit}');
    expect(screen.slice(screen.indexOf('Store first, commit after'), screen.indexOf('The same by hand'))).toContain(group);

    const again = scriptTerminal();
    const resumed = playLesson('interrupted-commit', { ...options, progress: Progress.open(options.progress.path), terminal: again.terminal }, true);
    await again.waitFor(`already holds 4 messages this group has not read`);
    await again.waitFor('Predict:');
    again.press(KEYS.enter);
    await again.waitFor(`Starting committer: kafka-tutor consume-commit ${topic} ${group}`);
    await again.waitFor('press any key; h for a hint');
    again.press('h');
    await again.waitFor('Hint: Press the key right after a "Start storing" line');
    again.press(KEYS.ctrlC);
    await expect(resumed).rejects.toBeInstanceOf(Cancelled);
    expect(liveProgramCount()).toBe(0);
  }, 90_000);
});
