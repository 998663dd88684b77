import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playLesson } from '../../src/engine/menu.js';
import { liveProgramCount } from '../../src/engine/process/index.js';
import { KEYS } from '../support/terminal-script.js';
import { lessonSetup } from './lessons-helpers.js';

describe('lesson "simple" against the sandbox', () => {
  it('starts a consumer, produces what the student types, and shows it arriving in order', async () => {
    const { options, script, topic, password } = await lessonSetup();
    const words = [`hello-${randomUUID().slice(0, 6)}`, `again-${randomUUID().slice(0, 6)}`];
    const lesson = playLesson('simple', options, false);
    await script.waitFor('Predict: When you type a message');
    script.choose('The producer writes it to the topic');
    await script.waitFor(`[consumer] Assigned partitions: ${topic}[0]`);
    await script.waitFor(`Type a message for ${topic}`);
    script.type(words[0]!);
    await script.waitFor(`[consumer] ${words[0]}`);
    await script.waitFor('Type a message');
    script.type(words[1]!);
    await script.waitFor('on an empty line to finish');
    script.press(KEYS.enter);
    await script.waitFor(/it did|printed all/);
    await script.waitFor(/End-to-end latency \(sent → printed\): \d+–\d+ ms/);
    await script.waitFor('You predicted it');
    await expect(lesson).resolves.toBe('done');

    const screen = script.screen();
    if (process.env.KT_DUMP) (await import('node:fs')).writeFileSync(process.env.KT_DUMP, screen);
    expect(screen.indexOf(`[consumer] ${words[0]}`)).toBeLessThan(screen.indexOf(`[consumer] ${words[1]}`));
    expect(screen).toContain('npx kafka-tutor consume');
    expect(screen).toContain('docker run --rm -d --name simple_consumer');
    expect(liveProgramCount()).toBe(0);
    const saved = readFileSync(options.progress.path, 'utf8');
    expect(JSON.parse(saved).lessons.simple.status).toBe('done');
    expect(saved).not.toContain(password);
  });
});
