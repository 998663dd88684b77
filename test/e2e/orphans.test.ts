/**
 * No kafka-tutor child outlives the tutor, `check` or `grade`, whatever kills them:
 * SIGKILL at several moments (20 ms and 300 ms after the first program is started,
 * and once it is running), against the real sandbox broker. Every process started
 * for a test carries a marker in its environment (a KAFKAJS_* variable, which
 * children keep); 10 s after the kill no live process may carry it. The same runs
 * check what a child's environment and command line hold.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cmdlineOf, environOf, markedProcesses } from '../support/procfs.js';
import { BIN, KEY, startInPty } from '../support/pty.js';
import { sandboxState, sandboxStudent } from '../support/sandbox.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Ten seconds after the kill, nothing of the run may be alive. */
const GONE = { timeout: 10_000, interval: 200 };
/** A variable no child needs; it must stay with the parent. */
const UNRELATED = 'AWS_SECRET_ACCESS_KEY';

const password = async (clientId: string) => readFileSync(join((await sandboxStudent(clientId)).dir, 'password.txt'), 'utf8').trim();

/** Waits until a process carrying `marker` runs `program` (its cmdline names it), and returns its pid. */
async function waitForProgram(marker: string, program: RegExp, timeoutMs = 30_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const pid = markedProcesses(marker).find((p) => program.test(cmdlineOf(p)));
    if (pid !== undefined) return pid;
    await sleep(25);
  }
  throw new Error(`No process ran ${program} within ${timeoutMs} ms.`);
}

/** A child's environment has what it needs and nothing unrelated; its argv never has the password. */
function expectCleanChild(pid: number, secret: string): void {
  const env = environOf(pid);
  expect(env.length, `environment of ${pid}`).toBeGreaterThan(0);
  expect(env.some((entry) => entry.startsWith(`${UNRELATED}=`))).toBe(false);
  expect(env.some((entry) => entry.startsWith('PATH='))).toBe(true);
  expect(cmdlineOf(pid)).not.toContain(secret);
}

type Moment = 20 | 300 | 'running';

describe.each<Moment>([20, 300, 'running'])('killed with SIGKILL (%s ms after the first program starts, or once it runs)', (moment) => {
  it('kafka-tutor start leaves no child behind', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kt-orphan-start-'));
    const marker = `KAFKAJS_TEST_RUN=${randomUUID()}`;
    const [name, value] = marker.split('=') as [string, string];
    const tutor = startInPty('start simple', { cwd: home, env: { KAFKA_TUTOR_HOME: home, [name]: value, [UNRELATED]: 'x' } });
    try {
      await tutor.waitFor('Predict: When you type a message');
      const pid = await tutor.tutorPid();
      tutor.press(KEY.enter); // the lesson starts its consumer now
      const consumer = await waitForProgram(marker, / consume /);
      if (moment === 'running') {
        await tutor.waitFor('[consumer] Assigned partitions');
        expectCleanChild(consumer, await password('client1'));
      } else await sleep(moment);
      process.kill(pid, 'SIGKILL');
      await expect.poll(() => markedProcesses(marker, [pid]), GONE).toEqual([]);
    } finally {
      tutor.close();
    }
  }, 90_000);

  it('kafka-tutor check runs its programs in its own process and leaves nothing behind', async () => {
    const marker = `KAFKAJS_TEST_RUN=${randomUUID()}`;
    const [name, value] = marker.split('=') as [string, string];
    const student = await sandboxStudent('client2');
    const { bootstrap } = await sandboxState();
    const check = execa(process.execPath, [BIN, 'check', '--json', '--lesson', 'interrupted-commit', '--auth', student.dir, '--client-id', 'client2', '--bootstrap', bootstrap], {
      env: { [name]: value, [UNRELATED]: 'x' },
      reject: false,
    });
    const pid = await waitForProgram(marker, / check /);
    expect(environOf(pid).some((entry) => entry.startsWith(`${UNRELATED}=`))).toBe(true); // the parent keeps it; no child ever gets it
    await sleep(moment === 'running' ? 700 : moment);
    // check runs consume-commit in-process: it has no child carrying the run's marker.
    expect(markedProcesses(marker, [pid])).toEqual([]);
    check.kill('SIGKILL');
    expect((await check).signal).toBe('SIGKILL');
    await expect.poll(() => markedProcesses(marker), GONE).toEqual([]);
  }, 90_000);

  it('kafka-tutor grade leaves no check and no program behind', async () => {
    const marker = `KAFKAJS_TEST_RUN=${randomUUID()}`;
    const [name, value] = marker.split('=') as [string, string];
    const dir = mkdtempSync(join(tmpdir(), 'kt-orphan-grade-'));
    const students = await Promise.all(['client1', 'client2'].map((id) => sandboxStudent(id)));
    writeFileSync(join(dir, 'roster.csv'), `client_id,credentials\n${students.map((s) => `${s.clientId},${s.dir}`).join('\n')}\n`);
    const { bootstrap } = await sandboxState();
    // Every lesson (several seconds per student): grade must still be running at the latest kill, 1.5 s in.
    const grade = execa(process.execPath, [BIN, 'grade', 'roster.csv', '--out', join(dir, 'out'), '--bootstrap', bootstrap], {
      cwd: dir,
      env: { [name]: value, [UNRELATED]: 'x' },
      reject: false,
    });
    // grade → check (a process per student; its programs run inside it): the moment counts from the first check.
    const check = await waitForProgram(marker, / check /);
    if (moment === 'running') expectCleanChild(check, await password('client1'));
    await sleep(moment === 'running' ? 1500 : moment);
    grade.kill('SIGKILL');
    expect((await grade).signal).toBe('SIGKILL');
    await expect.poll(() => markedProcesses(marker), GONE).toEqual([]);
  }, 90_000);
});
