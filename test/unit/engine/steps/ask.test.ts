import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../../../src/engine/progress.js';
import { runLesson } from '../../../../src/engine/run-lesson.js';
import { openSession } from '../../../../src/engine/session.js';
import { checkAnswer } from '../../../../src/engine/steps/answer-kinds.js';
import { restoreAnswers } from '../../../../src/engine/steps/ask.js';
import type { LoadedLesson } from '../../../../src/engine/types.js';
import { Cancelled } from '../../../../src/errors.js';
import { KEYS, scriptTerminal, type TerminalScript } from '../../../support/terminal-script.js';

const BACKSPACE = '\x7f';

const lesson: LoadedLesson = {
  id: 'asking',
  title: 'Asking lesson',
  summary: 'Questions, then a command built from the answers.',
  hints: ['Answer the questions.'],
  dir: '.',
  prose: {},
  steps: [
    { id: 'user', kind: 'ask', name: 'vmUser', message: 'Your user on the VM?', default: 'ubuntu', validate: 'user' },
    { id: 'host', kind: 'ask', name: 'vmAddress', message: 'Your VM address?', placeholder: '13.48.5.125', validate: 'host' },
    { id: 'key', kind: 'ask', name: 'keyOption', message: 'Your key file?', validate: 'path', optional: true, format: '-i {answer} ' },
    { id: 'folder', kind: 'ask', name: 'folder', message: 'Your folder?', default: '~/Downloads/{clientId}', placeholder: '~/Downloads/client45', validate: 'path' },
    { id: 'cmd', kind: 'command', title: 'Run this', commands: ['ssh {keyOption}{vmUser}@{vmAddress} ls {folder} # {folder.name}'] },
  ],
};

const freshProgress = () => Progress.open(join(mkdtempSync(join(tmpdir(), 'kt-ask-')), 'progress.json'));

async function play(script: TerminalScript, progress: Progress, options: { resume: boolean; clientId?: string }) {
  const { ctx, close } = await openSession(lesson, { terminal: script.terminal, progress, flags: options.clientId ? { clientId: options.clientId } : {} });
  try {
    return await runLesson(ctx, { resume: options.resume });
  } finally {
    await close();
  }
}

describe('the ask step, with a scripted terminal', () => {
  // A client id from the environment would change the defaults under test.
  beforeEach(() => vi.stubEnv('KAFKA_TUTOR_CLIENT_ID', ''));
  afterEach(() => vi.unstubAllEnvs());

  it('takes the suggestion shown on Enter, refuses a bad host with a message, and builds text from the answers', async () => {
    const progress = freshProgress();
    const script = scriptTerminal();
    const done = play(script, progress, { resume: false, clientId: 'client45' });
    await script.waitFor('Your user on the VM?');
    await script.waitFor('ubuntu'); // the suggestion, shown where the answer goes
    script.press(KEYS.enter);
    await script.waitFor('Your VM address?');
    await script.waitFor('e.g. 13.48.5.125');
    script.type('ubuntu@13.48.5.125');
    await script.waitFor('Type only the address; the user name is asked separately.');
    script.press(...Array<string>(18).fill(BACKSPACE));
    script.type('13.48.5.125');
    await script.waitFor('Your key file?');
    script.type('~/.ssh/course.pem');
    await script.waitFor('Your folder?');
    await script.waitFor('~/Downloads/client45');
    expect(script.screen().slice(-200)).not.toContain('e.g. ~/Downloads/client45'); // a suggestion, not an example
    script.press(KEYS.enter);
    await script.waitFor('ssh -i ~/.ssh/course.pem ubuntu@13.48.5.125 ls ~/Downloads/client45 # client45');
    expect(await done).toBe('done');
    const saved = JSON.parse(readFileSync(progress.path, 'utf8'));
    expect(saved.lessons.asking.answers).toEqual({ vmUser: 'ubuntu', vmAddress: '13.48.5.125', keyOption: '~/.ssh/course.pem', folder: '~/Downloads/client45' });
  });

  it('leaves out a default whose variable is unknown, and an empty optional answer stays empty', async () => {
    const script = scriptTerminal();
    const done = play(script, freshProgress(), { resume: false });
    await script.waitFor('Your user on the VM?');
    script.type('student');
    await script.waitFor('Your VM address?');
    script.type('vm45.example.org');
    await script.waitFor('Your key file?');
    script.press(KEYS.enter);
    await script.waitFor('Your folder?');
    await script.waitFor('e.g. ~/Downloads/client45'); // the example, dimmed, marked as one
    script.press(KEYS.enter);
    await script.waitFor('Type your own answer: the "e.g." is only an example (Ctrl-C leaves the lesson; your progress is saved).');
    script.type('~/Desktop/client7/');
    await script.waitFor('ssh student@vm45.example.org ls ~/Desktop/client7/ # client7');
    expect(await done).toBe('done');
    expect(script.screen()).not.toContain('{clientId}');
  });

  it('saves the answers given before Ctrl-C, and a resumed lesson does not ask them again', async () => {
    const progress = freshProgress();
    const first = scriptTerminal();
    const left = play(first, progress, { resume: false });
    await first.waitFor('Your user on the VM?');
    first.type('student');
    await first.waitFor('Your VM address?');
    first.press(KEYS.ctrlC);
    await expect(left).rejects.toBeInstanceOf(Cancelled);
    const saved = Progress.open(progress.path);
    expect(saved.lesson('asking')).toMatchObject({ status: 'in-progress', answers: { vmUser: 'student' }, steps: { user: { status: 'done' }, host: { status: 'in-progress' } } });

    const second = scriptTerminal();
    const resumed = play(second, saved, { resume: true });
    await second.waitFor('Your user on the VM? student  (your earlier answer)');
    await second.waitFor('Your VM address?');
    second.type('10.0.0.7');
    await second.waitFor('Your key file?');
    second.press(KEYS.enter);
    await second.waitFor('Your folder?');
    second.type('~/creds');
    await second.waitFor('ssh student@10.0.0.7 ls ~/creds # creds');
    expect(await resumed).toBe('done');
  });
});

describe('answers a resumed lesson already has', () => {
  it('fill their variables, through the format, so text after the ask steps reads right', () => {
    const vars: Record<string, string> = {};
    restoreAnswers(lesson, { keyOption: '~/.ssh/course.pem', folder: '~/Downloads/client45' }, vars);
    expect(vars).toEqual({ keyOption: '-i ~/.ssh/course.pem ', 'keyOption.name': 'course.pem', folder: '~/Downloads/client45', 'folder.name': 'client45' });
  });
});

describe('checking an answer, without any network lookup', () => {
  it('takes IP addresses and host names as hosts, and explains the usual slips', () => {
    for (const good of ['13.48.5.125', 'vm45.example.org', 'localhost', '[2001:db8::1]']) expect(checkAnswer(good, 'host')).toBeUndefined();
    expect(checkAnswer('ubuntu@13.48.5.125', 'host')).toMatch(/only the address/);
    expect(checkAnswer('13.48.5.300', 'host')).toMatch(/not an IP address/);
    expect(checkAnswer('13.48.5', 'host')).toMatch(/not an IP address/);
    expect(checkAnswer('13.48.5.125:22', 'host')).toMatch(/without a port/);
    expect(checkAnswer('http://vm45', 'host')).toMatch(/without a port, path or protocol/);
    expect(checkAnswer('2001:db8::1', 'host')).toMatch(/in brackets/);
    expect(checkAnswer('my vm', 'host')).toMatch(/neither an IP address nor a host name/);
    expect(checkAnswer('-vm', 'host')).toMatch(/neither/);
  });

  it('checks user names and paths, and refuses empty answers unless optional', () => {
    expect(checkAnswer('ubuntu', 'user')).toBeUndefined();
    expect(checkAnswer('ubuntu@vm', 'user')).toMatch(/not a user name/);
    expect(checkAnswer('~/Downloads/client45', 'path')).toBeUndefined();
    expect(checkAnswer('~/My Downloads/client45', 'path')).toMatch(/without spaces/);
    expect(checkAnswer('', 'path')).toMatch(/Type an answer/);
    expect(checkAnswer('  ', 'nonempty')).toMatch(/Type an answer/);
    expect(checkAnswer('', 'path', true)).toBeUndefined();
  });
});
