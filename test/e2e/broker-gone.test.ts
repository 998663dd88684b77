/**
 * The broker stopped in the middle of a lesson (a private sandbox of this file's
 * own, never the shared one): the tutor says the cluster went away, in one
 * sentence with the fix, keeps the progress, and carries on once the student
 * has started it again and chosen "Try again".
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateSandbox, type PrivateSandbox } from '../support/private-sandbox.js';
import { KEY, startInPty } from '../support/pty.js';

let sandbox: PrivateSandbox;
beforeAll(async () => {
  sandbox = await startPrivateSandbox(1);
}, 180_000);
afterAll(async () => {
  await sandbox?.remove();
}, 60_000);

describe('the broker stopped in the middle of a lesson', () => {
  it('says the cluster went away, keeps the progress, and goes on once it is back', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-gone-'));
    const word = `gone-${Date.now().toString(36)}`;
    const { bootstrap } = await sandbox.state();
    const tutor = startInPty('start simple', { cwd: home, env: { KAFKA_TUTOR_HOME: home, ...sandbox.env } });
    try {
      await tutor.waitFor('Predict: When you type a message');
      tutor.press(KEY.enter);
      await tutor.waitFor('Type a message for client1');
      tutor.press(`${word}-1${KEY.enter}`);
      await tutor.waitFor(`[consumer] ${word}-1`);
      await tutor.waitFor('Type a message for client1');

      await sandbox.stopBrokers();
      tutor.press(`${word}-2${KEY.enter}`);
      await tutor.waitFor(`The Kafka cluster at ${bootstrap} went away in the middle of the lesson; your progress is saved.`, 60_000);
      await tutor.waitFor('Fix: Start it again (the sandbox: kafka-tutor sandbox start, in another terminal)');
      await tutor.waitFor('Try again (once the cluster is back)');
      const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
      expect(saved.lessons.simple.status).toBe('in-progress');
      expect(saved.lessons.simple.steps['start-consumer'].status).toBe('done');

      await sandbox.startBrokers();
      tutor.press(KEY.enter); // Try again
      await tutor.waitFor('[consumer] Assigned partitions', 60_000);
      await tutor.waitFor('Type a message for client1');
      tutor.press(`${word}-3${KEY.enter}`);
      await tutor.waitFor(`[consumer] ${word}-3`);
      await tutor.waitFor('Type a message for client1');
      tutor.press(`${word}-4${KEY.enter}`);
      await tutor.waitFor(`[consumer] ${word}-4`);
      await tutor.waitFor('Type a message for client1');
      tutor.press(KEY.enter);
      await tutor.waitFor('Lesson done: A simple producer and consumer', 60_000);
      await tutor.waitFor('Go on to the next lesson');
      tutor.press(KEY.ctrlC);
      expect(await tutor.exited).toBe(130);
    } finally {
      tutor.close();
    }
    // No stack trace, no "bug" wording for a cluster that went away.
    expect(tutor.screen()).not.toMatch(/This is a bug|at .*\.js:\d+/);
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).lessons.simple.status).toBe('done');
  }, 240_000);
});
