/**
 * Drives the real built `kafka-tutor start` through a pseudo-terminal (util-linux
 * `script`), typing keys the way a student does and reading the screen.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/engine/course.js';
import { sandboxStudent } from '../support/sandbox.js';
import { BIN, KEY, startInPty } from '../support/pty.js';

const { enter: ENTER, down: DOWN, right: RIGHT } = KEY;
const tutorIn = (args: string, home: string, env: Record<string, string | undefined> = {}) => startInPty(args, { cwd: home, env: { KAFKA_TUTOR_HOME: home, ...env } });

describe('kafka-tutor start, in a terminal', () => {
  it('shows the lesson menu, runs the credentials lesson with its checks, and saves the progress', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-pty-'));
    const tutor = tutorIn('start', home);
    await tutor.waitFor('Which lesson?');
    await tutor.waitFor('1. credentials — Your Kafka credentials (not started)');
    await tutor.waitFor('4. interrupted-commit');
    tutor.press(ENTER);
    await tutor.waitFor('Your Kafka credentials');
    await tutor.waitFor('Where is the downloaded folder on your laptop?');
    tutor.press(`~/Downloads/client1${ENTER}`);
    await tutor.waitFor('Which key file does ssh use');
    tutor.press(`~/.ssh/course.pem${ENTER}`);
    await tutor.waitFor('Which user do you log in as on the VM?');
    tutor.press(ENTER); // ubuntu
    await tutor.waitFor("What is your VM's address");
    tutor.press(`13.48.5.125${ENTER}`);
    await tutor.waitFor('Which folder on the VM');
    tutor.press(`~/kafka-tutorials${ENTER}`);
    await tutor.waitFor('scp -r -i ~/.ssh/course.pem ~/Downloads/client1 ubuntu@13.48.5.125:~/kafka-tutorials/auth');
    await tutor.waitFor('press any key');
    tutor.press(ENTER);
    await tutor.waitFor('every check passed', 40_000);
    await tutor.waitFor('Lesson done: Your Kafka credentials');
    await tutor.waitFor('Go on to the next lesson (A simple producer and consumer)?');
    tutor.press(RIGHT + ENTER); // No
    await tutor.waitFor('1. credentials — Your Kafka credentials (done)');
    // From the preselected next lesson (the 2nd) down to Quit, below the course's last lesson.
    tutor.press(DOWN.repeat(loadCourse().manifest.lessons.length - 1) + ENTER);
    await tutor.waitFor('kafka-tutor resume');
    expect(await tutor.exited).toBe(0);

    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(progress.lessons.credentials.status).toBe('done');
    expect(progress.lessons.credentials.answers).toMatchObject({ vmUser: 'ubuntu', vmAddress: '13.48.5.125' });
    expect(progress.doNotEdit).toMatch(/Do not edit by hand/);
  }, 90_000);

  it('runs the simple lesson with the messages a student types', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-pty-simple-'));
    const word = `pty-${Date.now().toString(36)}`;
    const tutor = tutorIn('start simple', home);
    await tutor.waitFor('Predict: When you type a message');
    tutor.choose('The producer writes it to the topic client1');
    await tutor.waitFor('[consumer] Assigned partitions: client1[0]');
    await tutor.waitFor('Type a message for client1');
    tutor.press(`${word}-1${ENTER}`);
    await tutor.waitFor(`[consumer] ${word}-1`);
    await tutor.waitFor('Type a message for client1');
    tutor.press(`${word}-2${ENTER}`);
    await tutor.waitFor('or press Enter on an empty line to finish');
    tutor.press(ENTER);
    await tutor.waitFor('End-to-end latency');
    await tutor.waitFor('You predicted it');
    await tutor.waitFor('Go on to the next lesson');
    tutor.press('\x03');
    await tutor.waitFor('Cancelled. Your progress is saved.');
    expect(await tutor.exited).toBe(130);
    expect(tutor.screen().indexOf(`[consumer] ${word}-1`)).toBeLessThan(tutor.screen().indexOf(`[consumer] ${word}-2`));
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).lessons.simple.status).toBe('done');
  }, 90_000);

  it('on Ctrl-C in the middle of a lesson, leaves no consumer running', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-pty-orphan-'));
    const tutor = tutorIn('start simple', home);
    await tutor.waitFor('Predict: When you type a message');
    tutor.press(ENTER);
    await tutor.waitFor('Type a message for client1');
    const group = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).lessons.simple.groups.simple as string;
    const running = async () => (await execa('ps', ['-eo', 'args'])).stdout.includes(group);
    expect(await running()).toBe(true);
    tutor.press('\x03');
    await tutor.waitFor('Cancelled. Your progress is saved.');
    expect(await tutor.exited).toBe(130);
    await expect.poll(running, { timeout: 5000 }).toBe(false);
  }, 90_000);

  it('asks for the password when the folder has none, checks it, and remembers it for the next lesson and its programs', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-pty-nopass-'));
    // The course gives the password separately: a student's folder without password.txt.
    const student = await sandboxStudent('client1');
    const password = readFileSync(join(student.dir, 'password.txt'), 'utf8').trim();
    cpSync(student.dir, join(home, 'auth'), { recursive: true });
    rmSync(join(home, 'auth', 'password.txt'));
    const word = `pty-pw-${Date.now().toString(36)}`;
    const tutor = tutorIn('start credentials', home, { KAFKA_TUTOR_PASSWORD: undefined, KAFKA_TUTOR_AUTH: undefined, KAFKA_TUTOR_CONFIG: undefined });
    for (const [question, answer] of [['Where is the downloaded folder', '~/Downloads/client1'], ['Which key file', ''], ['Which user', ''], ["What is your VM's address", '13.48.5.125'], ['Which folder on the VM', '']] as const) {
      await tutor.waitFor(question);
      tutor.press(`${answer}${ENTER}`);
    }
    await tutor.waitFor('press any key');
    tutor.press(ENTER);
    await tutor.waitFor('There is no password.txt beside auth/kafka.keystore.pkcs12');
    await tutor.waitFor('Password of auth/kafka.keystore.pkcs12');
    tutor.press(`not-${password}${ENTER}`);
    await tutor.waitFor('That password does not open auth/kafka.keystore.pkcs12.');
    await tutor.waitFor('again (Ctrl-C leaves; your progress is saved)');
    tutor.press(`${password}${ENTER}`);
    await tutor.waitFor('so that kafka-tutor does not ask next time?');
    tutor.press(RIGHT + ENTER); // No: only in memory, so the next lesson's programs can only have it from the tutor
    await tutor.waitFor('A password comes from the password prompt.', 40_000);
    await tutor.waitFor('every check passed', 40_000);
    await tutor.waitFor('Go on to the next lesson (A simple producer and consumer)?');
    tutor.press(ENTER);
    await tutor.waitFor('Predict: When you type a message');
    tutor.choose('The producer writes it to the topic client1');
    await tutor.waitFor('[consumer] Assigned partitions: client1[0]');
    await tutor.waitFor('Type a message for client1');
    tutor.press(`${word}${ENTER}`);
    await tutor.waitFor(`[consumer] ${word}`);
    tutor.press('\x03');
    await tutor.waitFor('Cancelled. Your progress is saved.');
    expect(await tutor.exited).toBe(130);

    const screen = tutor.screen();
    expect(screen.match(/There is no password.txt beside/g)).toHaveLength(1); // asked in lesson 1 only
    expect(screen).not.toContain(password);
    expect(screen).not.toMatch(/\.\.\n|\.\.$/m);
    expect(existsSync(join(home, 'auth', 'password.txt'))).toBe(false);
    const progress = readFileSync(join(home, 'progress.json'), 'utf8');
    expect(JSON.parse(progress).lessons.credentials.status).toBe('done');
    expect(progress).not.toContain(password);
  }, 120_000);

  it('tells a run without a terminal which command to use instead', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-notty-'));
    const child = spawn('node', [BIN, 'start'], { cwd: home, env: { ...process.env, KAFKA_TUTOR_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('The guided lessons need an interactive terminal');
    expect(stderr).toContain('kafka-tutor check');
    expect(stderr).toContain('kafka-tutor lessons');
  });
});
