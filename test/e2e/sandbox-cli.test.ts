/**
 * The built `kafka-tutor sandbox …` commands as a script or a grader runs them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { sandboxState } from '../support/sandbox.js';
import { TEST_KAFKA_VERSION } from '../support/test-kafka.js';

const BIN = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) => execa('node', [BIN, ...args], { reject: false, env: { ...env, NO_COLOR: '1' } });

describe('kafka-tutor sandbox (built bin)', () => {
  it('status --json describes the running sandbox without secrets', async () => {
    const state = await sandboxState();
    const result = await run(['sandbox', 'status', '--json']);
    expect(result.exitCode).toBe(0);
    const status = JSON.parse(result.stdout) as Record<string, unknown> & { brokers: { up: boolean; pid: number; sslPort: number; kafkaVersion: string }[]; students: { clientId: string; dir: string }[] };
    expect(status).toMatchObject({ running: true, dir: state.dir, kafkaVersion: TEST_KAFKA_VERSION, kafkaVersionRunning: true, bootstrap: state.bootstrap });
    expect(status.brokers.map((b) => [b.up, b.pid, b.sslPort, b.kafkaVersion])).toEqual(state.brokers.map((b) => [true, b.pid, b.sslPort, TEST_KAFKA_VERSION]));
    expect(status.students.map((s) => s.clientId)).toEqual(expect.arrayContaining(['client1', 'client2', 'client3', 'client4']));
    expect(status.students[0]?.dir).toBe(`${state.dir}/students/client1`);
    expect(result.stdout).not.toMatch(/password|BEGIN/i);
  });

  it('status says "not created", with the Kafka a start would run, and exits 3 for an empty sandbox folder', async () => {
    const result = await run(['sandbox', 'status'], { KAFKA_TUTOR_SANDBOX: '/tmp/kafka-tutor-e2e-no-sandbox-here', KAFKA_TUTOR_KAFKA_VERSION: '3.9.2' });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toContain('Sandbox: not created (sandbox start runs Kafka 3.9.2)');
    expect(result.stdout).toContain('kafka-tutor sandbox start');
  });

  it('reset without a terminal needs --yes and deletes nothing', async () => {
    const result = await run(['sandbox', 'reset'], { KAFKA_TUTOR_SANDBOX: '/tmp/kafka-tutor-e2e-no-sandbox-here' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('kafka-tutor sandbox reset --yes');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a Kafka version it does not run in one sentence with the fix, before creating anything', async () => {
    const sandbox = await mkdtemp(join(tmpdir(), 'kafka-tutor-e2e-version-'));
    for (const [args, env, sentence] of [
      [['--kafka-version', '3.8.1'], {}, 'Kafka 3.8.1 (from --kafka-version) is not supported: the sandbox runs Kafka 3.9.x or 4.x.'],
      [[], { KAFKA_TUTOR_KAFKA_VERSION: 'newest' }, '"newest" (from KAFKA_TUTOR_KAFKA_VERSION) is not a Kafka version such as 4.4.0.'],
    ] as const) {
      const result = await run(['sandbox', 'start', ...args], { ...env, KAFKA_TUTOR_SANDBOX: join(sandbox, 'sandbox') });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(sentence);
      expect(result.stderr).toMatch(/Fix: .*3\.9\.1/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(sandbox, 'sandbox'))).toBe(false);
    }
  });

  it('rejects a broker count other than 1 or 3 in one line', async () => {
    const result = await run(['sandbox', 'start', '--brokers', '2']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/the sandbox runs 1 or 3 brokers/);
  });
});

describe('kafka-tutor sandbox start without its requirements', () => {
  /** A PATH holding only the named commands (as symlinks), so the others are "not installed". */
  async function pathWith(commands: string[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'kafka-tutor-path-'));
    for (const command of commands) await symlink(execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim(), join(dir, command));
    return dir;
  }

  it('names the Java install command when java is missing, before doing anything', async () => {
    const sandbox = '/tmp/kafka-tutor-e2e-no-java/sandbox';
    const result = await execa(process.execPath, [BIN, 'sandbox', 'start'], { reject: false, env: { PATH: await pathWith([]), KAFKA_TUTOR_SANDBOX: sandbox, NO_COLOR: '1' } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('needs Java');
    expect(result.stderr).toContain('apt-get install -y openjdk-17-jre-headless');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(sandbox)).toBe(false);
  });

  it('names the Maven install command when no jars are cached and mvn is missing', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'kafka-tutor-e2e-no-mvn-'));
    const env = { PATH: await pathWith(['java']), KAFKA_TUTOR_SANDBOX: join(scratch, 'sandbox'), KAFKA_TUTOR_CACHE: join(scratch, 'cache'), NO_COLOR: '1' };
    const result = await execa(process.execPath, [BIN, 'sandbox', 'start'], { reject: false, env, extendEnv: false });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('apt-get install -y maven');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('kafka-tutor sandbox reset', () => {
  it('--yes deletes a stopped sandbox folder', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'kafka-tutor-e2e-reset-'));
    const sandbox = join(scratch, 'sandbox');
    await mkdir(join(sandbox, 'pki'), { recursive: true });
    await writeFile(join(sandbox, 'pki', 'ca.crt'), 'not used');
    const result = await run(['sandbox', 'reset', '--yes'], { KAFKA_TUTOR_SANDBOX: sandbox });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`deleted ${sandbox}`);
    expect(existsSync(sandbox)).toBe(false);
  });

  it('refuses to delete a folder that is not a sandbox', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'kafka-tutor-e2e-foreign-'));
    await writeFile(join(scratch, 'thesis.tex'), 'precious');
    const result = await run(['sandbox', 'reset', '--yes'], { KAFKA_TUTOR_SANDBOX: scratch });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('does not look like a kafka-tutor sandbox');
    expect(existsSync(join(scratch, 'thesis.tex'))).toBe(true);
  });
});
