/**
 * The tutor killed with SIGKILL in the middle of a step (nothing of it can run):
 * progress.json stays a whole, valid file, and the next `kafka-tutor resume`
 * continues the lesson at its checkpoint, against the real sandbox broker.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, startInPty } from '../support/pty.js';
import '../support/sandbox.js';

const readProgress = (home: string) => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));

describe('kafka-tutor start killed with SIGKILL mid-step', () => {
  it('keeps progress.json intact, and resume continues at the checkpoint', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-crash-'));
    const word = `crash-${Date.now().toString(36)}`;
    const first = startInPty('start simple', { cwd: home, env: { KAFKA_TUTOR_HOME: home } });
    try {
      await first.waitFor('Predict: When you type a message');
      first.press(KEY.enter);
      await first.waitFor('Type a message for client1');
      first.press(`${word}-1${KEY.enter}`);
      await first.waitFor(`[consumer] ${word}-1`);
      await first.waitFor('Type a message for client1');
      process.kill(await first.tutorPid(), 'SIGKILL'); // in the middle of the "type" step
      await first.exited;
    } finally {
      first.close();
    }
    // One whole file (atomic writes leave no half-written one, and no temporary file behind).
    const saved = readProgress(home);
    expect(saved.lessons.simple.status).toBe('in-progress');
    expect(saved.lessons.simple.steps['start-consumer'].status).toBe('done');
    expect(saved.lessons.simple.steps.type.status).toBe('in-progress');
    expect(readdirSync(home).filter((name) => name.startsWith('progress.json'))).toEqual(['progress.json']);

    const second = startInPty('resume', { cwd: home, env: { KAFKA_TUTOR_HOME: home } });
    try {
      await second.waitFor('Welcome back: continuing at step 4 of 8.');
      await second.waitFor('[consumer] Assigned partitions');
      await second.waitFor('Type a message for client1');
      second.press(`${word}-2${KEY.enter}`);
      await second.waitFor(`[consumer] ${word}-2`);
      // The step starts afresh from its checkpoint: it wants its two messages again.
      await second.waitFor('Type a message for client1');
      second.press(`${word}-3${KEY.enter}`);
      await second.waitFor(`[consumer] ${word}-3`);
      await second.waitFor('Type a message for client1');
      second.press(KEY.enter);
      await second.waitFor('Lesson done: A simple producer and consumer');
      expect(await second.exited).toBe(0);
    } finally {
      second.close();
    }
    expect(second.screen()).not.toContain('is corrupt');
    const done = readProgress(home);
    expect(done.lessons.simple.status).toBe('done');
    // The same run of the lesson, continued (a fresh start would count a new run).
    expect(done.lessons.simple.run).toBe(saved.lessons.simple.run);
  }, 120_000);
});
