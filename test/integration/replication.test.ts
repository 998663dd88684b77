/**
 * Replication on a private 3-broker sandbox (slot 6; the shared one has 1 broker and is
 * never stopped): `sandbox stop/start --broker N`, `inspect`'s leader and in-sync replicas,
 * each replication verification failing honestly, `check --lesson replication` passing
 * there (which shows each verification pass) and skipped on the shared 1-broker sandbox.
 * Only on the first pass of `npm test` (Kafka 4.4.0): three brokers cost CI time, and the
 * broker's side of a failover is the same on 3.9.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unattendedContext } from '../../src/check/context.js';
import type { CheckReport } from '../../src/check/types.js';
import type { Context } from '../../src/engine/context.js';
import { inProcessStarter } from '../../src/engine/process/in-process.js';
import type { LoadedLesson } from '../../src/engine/types.js';
import { verificationNamed } from '../../src/engine/verifications/index.js';
import { createKafkaSide, type KafkaSide } from '../../src/kafka/lesson-side.js';
import { studentKafkaConfig } from '../../src/kafka/sandbox-verify.js';
import type { TopicPicture } from '../../src/kafka/topic-picture.js';
import { openCredentials, resolveProfile } from '../../src/profile/index.js';
import { KAFKA_VERSION_ENV } from '../../src/sandbox/version.js';
import { startPrivateSandbox, type PrivateSandbox } from '../support/private-sandbox.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
let sandbox: PrivateSandbox;
let side: KafkaSide;
let ctx: Context;
let leader: number;

const onFirstPass = !process.env[KAFKA_VERSION_ENV];
const cleanEnv = (extra: Record<string, string>) => ({ ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), ...extra });
/** The built kafka-tutor on the private sandbox, from its own folder (its ./auth holds client1's credentials). */
const tutor = (args: string[]) => execa(process.execPath, [BIN, ...args], { cwd: sandbox.dir, env: cleanEnv(sandbox.env), extendEnv: false, reject: false, timeout: 150_000 });
const verify = (name: string, params: Record<string, unknown>, timeoutMs = 2000) => verificationNamed(name)!.verify(ctx, params, timeoutMs);

describe.runIf(onFirstPass)('replication on a 3-broker sandbox', () => {
  beforeAll(async () => {
    sandbox = await startPrivateSandbox(6, { brokers: 3 });
    const state = await sandbox.state();
    const student = state.students[0]!;
    side = createKafkaSide(new Kafka(await studentKafkaConfig(state, student)), { clientId: student.clientId, topic: student.topic, bootstrap: state.bootstrap });
    const lesson = { id: 'replication-test', title: 't', summary: 's', hints: ['h'], steps: [], dir: '.', prose: {} } as LoadedLesson;
    // The same profile check opens: the programs run in this process on the student's own credentials.
    const profile = await resolveProfile({ bootstrap: state.bootstrap, auth: student.dir }, { cwd: sandbox.dir, env: {} });
    const starter = inProcessStarter({ profile, credentials: await openCredentials(profile) });
    ctx = unattendedContext(lesson, { flags: {}, kafka: side, programEnv: {}, startProgram: starter, runId: 'test', groupPrefix: 'client1-test-' }, new AbortController().signal);
  }, 240_000);

  afterAll(async () => {
    await side?.close();
    await sandbox?.remove();
  }, 90_000);

  it('inspect shows each partition\'s leader and its three in-sync replicas, in text and in --json', async () => {
    const json = await tutor(['inspect', '--json']);
    expect(json.exitCode).toBe(0);
    const picture = JSON.parse(json.stdout) as TopicPicture;
    const [partition] = picture.partitions;
    expect(partition?.replicas).toHaveLength(3);
    expect([...(partition?.isr ?? [])].sort()).toEqual([1, 2, 3]);
    leader = partition!.leader!;
    expect(partition?.replicas).toContain(leader);
    const text = await tutor(['inspect']);
    expect(text.stdout).toContain(`leader broker ${leader} · replicas on brokers ${partition!.replicas!.join(', ')} · in sync`);
  });

  it('with every broker up, leader-moved, isr-shrunk and acked-while-down fail and say what the cluster shows', async () => {
    ctx.run.brokerStopped = { nodeId: leader, leaders: { 0: leader } };
    const moved = await verify('leader-moved', {});
    expect(moved.ok).toBe(false);
    expect(moved.happened).toContain(`leader broker ${leader}`);
    const shrunk = await verify('isr-shrunk', {});
    expect(shrunk.ok).toBe(false);
    ctx.run.sent.up = await side.produce(['written with every broker up']);
    const acked = await verify('acked-while-down', { messages: 'up' });
    expect(acked.ok).toBe(false);
    expect(acked.happened).toContain(`broker ${leader} is back in the cluster`);
  }, 30_000);

  it('sandbox stop --broker stops the leader\'s broker only; status shows it down; stopping a second is refused (quorum)', async () => {
    const stop = await tutor(['sandbox', 'stop', '--broker', String(leader)]);
    expect(stop.exitCode).toBe(0);
    expect(stop.stdout).toContain(`Stopped broker ${leader}`);
    const status = await tutor(['sandbox', 'status']);
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toContain(`running, with broker ${leader} stopped`);
    expect(status.stdout).toMatch(new RegExp(`Broker ${leader}: \\S+ down \\(back with: kafka-tutor sandbox start --broker ${leader}\\)`));
    const other = (leader % 3) + 1;
    expect(status.stdout).toMatch(new RegExp(`Broker ${other}: \\S+ up`));
    const second = await tutor(['sandbox', 'stop', '--broker', String(other)]);
    expect(second.exitCode).not.toBe(0);
    expect(second.stderr).toContain(`Stopping broker ${other} would leave 1 of the 3 controllers running`);
    expect(second.stderr).toContain(`kafka-tutor sandbox start --broker ${leader}`);
  }, 60_000);

  it('with the broker down, inspect shows a new leader and the shorter ISR; leader-moved passes, isr-rejoined fails', async () => {
    expect((await verify('leader-moved', {}, 20_000)).ok).toBe(true);
    const json = JSON.parse((await tutor(['inspect', '--json'])).stdout) as TopicPicture;
    expect(json.partitions[0]?.leader).not.toBe(leader);
    expect(json.partitions[0]?.isr).not.toContain(leader);
    expect((await tutor(['inspect'])).stdout).toContain(`out of sync ${leader}`);
    const rejoined = await verify('isr-rejoined', {});
    expect(rejoined.ok).toBe(false);
    expect(rejoined.happened).toMatch(/^after 2 s: partition 0: leader broker \d, in sync/);
  }, 60_000);

  it('sandbox start --broker brings it back, and it rejoins the in-sync replicas', async () => {
    const start = await tutor(['sandbox', 'start', '--broker', String(leader)]);
    expect(start.exitCode).toBe(0);
    expect(start.stdout).toContain(`Broker ${leader} is back`);
    expect((await verify('isr-rejoined', {}, 60_000)).ok).toBe(true);
    const status = await tutor(['sandbox', 'status']);
    expect(status.stdout).toContain('Sandbox: running (');
  }, 150_000);

  it('none-lost fails for a message the consumer never read', async () => {
    ctx.run.sent.ghost = [{ value: 'never produced', partition: 0, offset: 999_999, sentAt: Date.now() }];
    ctx.programs.spawn('reader', 'consume', [side.topic, '--group', 'client1-test-reader', '--from', 'earliest', '--all', '--json'], { env: {}, group: 'client1-test-reader' });
    const verdict = await verify('none-lost', { program: 'reader', messages: ['ghost'] });
    await ctx.programs.stopAll('SIGTERM');
    expect(verdict.ok).toBe(false);
    expect(verdict.happened).toContain('never read "never produced (0@999999)"');
  }, 30_000);

  it('check --lesson replication stops and restarts the leader\'s broker itself and passes every test, leaving all brokers up', async () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'kafka-tutor-replication-')), 'junit.xml');
    const result = await tutor(['check', '--lesson', 'replication', '--json', '--junit', junit]);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.tests.map((t) => [t.check, t.status])).toEqual([
      ['leader-moved', 'pass'],
      ['isr-shrunk', 'pass'],
      ['acked-while-down', 'pass'],
      ['isr-rejoined', 'pass'],
      ['none-lost', 'pass'],
    ]);
    expect(report.points).toBe(8);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(junit, 'utf8')).not.toContain('<skipped');
    const status = await tutor(['sandbox', 'status', '--json']);
    expect((JSON.parse(status.stdout) as { brokers: { up: boolean }[] }).brokers.map((b) => b.up)).toEqual([true, true, true]);
  }, 240_000);
});

describe('replication on the shared 1-broker test sandbox', () => {
  const shared = () => execa(process.execPath, [BIN, 'check', '--lesson', 'replication', '--json', '--junit', junitFile], { reject: false, timeout: 60_000 });
  let junitFile: string;

  it('check reports the lesson as skipped, with the reason and the fix, worth 0 points; the run still passes', async () => {
    junitFile = join(mkdtempSync(join(tmpdir(), 'kafka-tutor-replication-')), 'junit.xml');
    const result = await shared();
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(result.exitCode).toBe(0);
    expect(report.status).toBe('pass');
    expect([report.points, report.max_points]).toEqual([0, 0]);
    expect(report.tests).toHaveLength(5);
    for (const test of report.tests) {
      expect(test.status).toBe('skipped');
      expect(test.message).toContain('your sandbox runs 1 broker');
      expect(test.fix).toContain('kafka-tutor sandbox start --brokers 3');
    }
    expect(readFileSync(junitFile, 'utf8')).toContain('<skipped message="Skipped: This lesson stops a Kafka broker');
  }, 90_000);

  it('sandbox stop --broker refuses a 1-broker sandbox in one sentence with the fix', async () => {
    const result = await execa(process.execPath, [BIN, 'sandbox', 'stop', '--broker', '1'], { reject: false });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('This sandbox has a single broker');
    expect(result.stderr).toContain('kafka-tutor sandbox start --brokers 3');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
