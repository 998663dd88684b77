/**
 * The shipped credentials lesson, up to the moment the student copies: the
 * questions, then the `scp -r` command built from the answers. It needs no
 * Kafka, so the scripted terminal is all there is; Ctrl-C ends it before the checks.
 */
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findLesson, loadCourse } from '../../../src/engine/course.js';
import { Progress } from '../../../src/engine/progress.js';
import { runLesson } from '../../../src/engine/run-lesson.js';
import { needsKafka, openSession } from '../../../src/engine/session.js';
import { Cancelled } from '../../../src/errors.js';
import type { ProfileFlags } from '../../../src/profile/types.js';
import { KEYS, scriptTerminal, type TerminalScript } from '../../support/terminal-script.js';

const lesson = findLesson(loadCourse(), 'credentials');

async function playUntilCopy(script: TerminalScript, flags: ProfileFlags): Promise<unknown> {
  const progress = Progress.open(join(mkdtempSync(join(tmpdir(), 'kt-cred-')), 'progress.json'));
  const { ctx, close } = await openSession(lesson, { terminal: script.terminal, progress, flags });
  try {
    return await runLesson(ctx, { resume: false });
  } finally {
    await close();
  }
}

describe('the credentials lesson builds the student\'s own scp command', () => {
  // A client id from the environment would change the defaults under test.
  beforeEach(() => vi.stubEnv('KAFKA_TUTOR_CLIENT_ID', ''));
  afterEach(() => vi.unstubAllEnvs());

  it('needs no Kafka until its checks run', () => {
    expect(needsKafka(lesson)).toBe(false);
  });

  it('with a known client id: suggests the folder, and shows scp with -i, then the mv fix for a folder one level too deep', async () => {
    const script = scriptTerminal();
    const run = playUntilCopy(script, { clientId: 'client45' });
    await script.waitFor('Where is the downloaded folder on your laptop?');
    await script.waitFor('~/Downloads/client45');
    script.press(KEYS.enter);
    await script.waitFor('Which key file does ssh use');
    script.type('~/.ssh/course.pem');
    await script.waitFor('Which user do you log in as on the VM?');
    script.press(KEYS.enter);
    await script.waitFor("What is your VM's address");
    script.type('13.48.5.125');
    await script.waitFor('Which folder on the VM');
    script.type('~/kafka-tutorials');
    await script.waitFor('Run this on your laptop (not on the VM)');
    await script.waitFor('scp -r -i ~/.ssh/course.pem ~/Downloads/client45 ubuntu@13.48.5.125:~/kafka-tutorials/auth');
    await script.waitFor('auth/client45/');
    await script.waitFor('cd ~/kafka-tutorials');
    await script.waitFor('mv auth/client45/* auth/');
    await script.waitFor('rmdir auth/client45');
    await script.waitFor('press any key');
    script.press(KEYS.ctrlC); // before the checks: they need real files
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(script.screen()).not.toMatch(/\{\w+(\.\w+)?\}/);
  });

  it('with no client id yet: asks for the folder with an example, and leaves -i out when there is no key file', async () => {
    const script = scriptTerminal();
    const run = playUntilCopy(script, {});
    await script.waitFor('Where is the downloaded folder on your laptop?');
    await script.waitFor('e.g. ~/Downloads/client45');
    script.press(KEYS.enter); // the example is no answer
    await script.waitFor('Type your own answer: the "e.g." is only an example');
    script.type('~/Desktop/client7');
    await script.waitFor('Which key file does ssh use');
    script.press(KEYS.enter);
    await script.waitFor('Which user do you log in as on the VM?');
    script.type('student');
    await script.waitFor("What is your VM's address");
    script.type('vm7.example.org');
    await script.waitFor('Which folder on the VM');
    script.press(KEYS.enter); // the folder kafka-tutor runs in
    const rel = relative(homedir(), process.cwd());
    const workDir = rel.startsWith('..') ? process.cwd() : `~/${rel}`;
    await script.waitFor(`scp -r ~/Desktop/client7 student@vm7.example.org:${workDir}/auth`);
    await script.waitFor('mv auth/client7/* auth/');
    await script.waitFor('press any key');
    script.press(KEYS.ctrlC);
    await expect(run).rejects.toBeInstanceOf(Cancelled);
  });
});
