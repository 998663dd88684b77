/**
 * The built `kafka-tutor inspect` as a student or a grader runs it against the sandbox:
 * JSON for machines, one sentence and a fix for every mistake, a clean stop of --watch.
 */
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainKafkaError } from '../../src/kafka/errors.js';
import { readTopicPicture } from '../../src/kafka/topic-picture.js';
import { UserError } from '../../src/errors.js';
import { adminClient, sandboxStudent, uniqueName } from '../support/sandbox.js';

const BIN = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));
let auth: string;
let cwd: string;

// A folder of its own, so no ./auth or ./kafka-tutor.properties of the repository is picked up.
const run = (args: string[], env: Record<string, string> = {}) => execa('node', [BIN, 'inspect', ...args], { cwd, reject: false, env: { NO_COLOR: '1', ...env } });

beforeAll(async () => {
  auth = (await sandboxStudent('client3')).dir;
  cwd = await mkdtemp(join(tmpdir(), 'kafka-tutor-inspect-'));
});

describe('kafka-tutor inspect (built bin)', () => {
  it("--json prints the student's own topic as data, without the keystore password", async () => {
    const result = await run(['--auth', auth, '--json']);
    expect(result.exitCode).toBe(0);
    const picture = JSON.parse(result.stdout) as { topic: string; partitions: { partition: number; logStart: number; logEnd: number }[]; groups: unknown[] };
    expect(picture.topic).toBe('client3');
    expect(picture.partitions.map((p) => p.partition)).toEqual([0]);
    expect(picture.partitions[0]!.logEnd).toBeGreaterThanOrEqual(picture.partitions[0]!.logStart);
    const password = (await readFile(join(auth, 'password.txt'), 'utf8')).trim();
    expect(result.stdout + result.stderr).not.toContain(password);
  });

  it('draws the picture without colour codes when NO_COLOR is set', async () => {
    const result = await run(['--auth', auth]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^client3 · 1 partition · /);
    expect(result.stdout).toContain('partition 0 · ');
    expect(result.stdout).not.toMatch(/\u001B\[/);
  });

  it("refuses another student's topic with one sentence and the fix, no stack trace", async () => {
    const result = await run(['client1', '--auth', auth]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('Client client3 may not use the topic client1: each student may use only the topic named after their client id, client3.\n  Fix: Use your own topic: client3');
  });

  it('says the broker is down when nothing listens at the address', async () => {
    const result = await run(['--auth', auth, '--bootstrap', '127.0.0.1:1']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^Nothing is listening at 127\.0\.0\.1:1: the Kafka broker is not running there\.\n {2}Fix: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a name that cannot be a topic before connecting', async () => {
    const result = await run(['no spaces please', '--auth', auth]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('cannot be a Kafka topic name');
  });

  it('--watch redraws until Ctrl-C, then exits 0', async () => {
    const child = execa('node', [BIN, 'inspect', '--auth', auth, '--watch', '--interval', '200'], { cwd, reject: false, env: { NO_COLOR: '1' } });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Ctrl-C to stop') && resolve()));
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('client3 · 1 partition');
    // Piped (not a terminal): no cursor movement in the output.
    expect(result.stdout).not.toMatch(/\u001B\[/);
  });
});

describe('inspect errors from the broker', () => {
  it('a topic that does not exist is named as such (seen by an identity that may describe any topic)', async () => {
    const admin = await adminClient();
    const topic = uniqueName('inspect-test-missing');
    try {
      const error = await readTopicPicture(admin, topic).catch((e: unknown) => e);
      const explained = explainKafkaError(error, { clientId: 'client3', topic, brokers: ['127.0.0.1:19093'] });
      expect(explained).toBeInstanceOf(UserError);
      expect((explained as UserError).message).toBe(`The topic ${topic} does not exist on this cluster.`);
      // Reading must not have created it (kafkajs' admin never auto-creates topics).
      expect(await admin.listTopics()).not.toContain(topic);
    } finally {
      await admin.disconnect();
    }
  });
});
