/**
 * The shipped credentials lesson, up to the moment the student copies: the
 * questions, then the `scp -r` command built from the answers. It needs no
 * Kafka, so the scripted terminal is all there is; Ctrl-C ends it before the checks.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findLesson, loadCourse } from '../../../src/engine/course.js';
import { Progress } from '../../../src/engine/progress.js';
import { runLesson } from '../../../src/engine/run-lesson.js';
import { rememberPassword } from '../../../src/engine/remember-password.js';
import { needsKafka, openSession } from '../../../src/engine/session.js';
import { Cancelled } from '../../../src/errors.js';
import type { ProfileFlags } from '../../../src/profile/types.js';
import { sandboxStudent } from '../../support/sandbox.js';
import { KEYS, scriptTerminal, type TerminalScript } from '../../support/terminal-script.js';

const lesson = findLesson(loadCourse(), 'credentials');

async function playUntilCopy(script: TerminalScript, flags: ProfileFlags, askPassword?: (path: string) => Promise<string>): Promise<unknown> {
  const progress = Progress.open(join(mkdtempSync(join(tmpdir(), 'kt-cred-')), 'progress.json'));
  const { ctx, close } = await openSession(lesson, { terminal: script.terminal, progress, flags, ...(askPassword ? { askPassword } : {}) });
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

/** Client1's folder from the test sandbox, as the course hands it out when the password comes separately. */
async function folderWithoutPassword(): Promise<{ auth: string; password: string }> {
  const student = await sandboxStudent('client1');
  const auth = join(mkdtempSync(join(tmpdir(), 'kt-cred-nopass-')), 'client1');
  cpSync(student.dir, auth, { recursive: true });
  rmSync(join(auth, 'password.txt'));
  return { auth, password: readFileSync(join(student.dir, 'password.txt'), 'utf8').trim() };
}

async function answerQuestions(script: TerminalScript): Promise<void> {
  for (const question of ['Where is the downloaded folder', 'Which key file', 'Which user', "What is your VM's address", 'Which folder on the VM']) {
    await script.waitFor(question);
    script.type(question.startsWith('What is') ? '13.48.5.125' : question.startsWith('Where is') ? '~/Downloads/client1' : '');
  }
  await script.waitFor('press any key');
  script.press(KEYS.enter);
}

describe('the credentials lesson\'s checks, against the test sandbox', () => {
  beforeEach(() => vi.stubEnv('KAFKA_TUTOR_PASSWORD', ''));
  afterEach(() => vi.unstubAllEnvs());

  it('asks for the password a folder without password.txt lacks, before the checks, and they pass with it', async () => {
    const { auth, password } = await folderWithoutPassword();
    const script = scriptTerminal();
    const run = playUntilCopy(script, { auth }, rememberPassword(script.terminal));
    await answerQuestions(script);
    await script.waitFor('Password of');
    script.type(password);
    await script.waitFor('Save it in');
    await script.waitFor('Yes / ○ No');
    script.press(KEYS.right, KEYS.enter); // No
    await script.waitFor('A password comes from the password prompt.', 20_000);
    await script.waitFor('every check passed', 20_000);
    await expect(run).resolves.toBe('done');
    expect(script.screen()).not.toContain('No password');
  });

  it('asks no password when there is no keystore to open, and ends the failed check\'s sentence with one full stop', async () => {
    const { auth } = await folderWithoutPassword();
    rmSync(join(auth, 'kafka.keystore.pkcs12'));
    const script = scriptTerminal();
    const run = playUntilCopy(script, { auth }, rememberPassword(script.terminal));
    await answerQuestions(script);
    const seen = await script.waitFor(/Expected your credentials folder to hold .*?\n/, 20_000);
    expect(seen).toMatch(/failed: [^\n]*kafka\.keystore\.pkcs12 is missing[^\n]*[^.]\.\n$/);
    await script.waitFor('What now?');
    script.press(KEYS.down, KEYS.down, KEYS.enter); // Leave
    await expect(run).resolves.toBe('left');
    expect(script.screen()).not.toContain('Password of');
  });
});
