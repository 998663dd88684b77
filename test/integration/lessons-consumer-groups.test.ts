/**
 * The consumer-groups lesson on the real sandbox: its two verifications pass when a
 * group shares its topic as Kafka does, `printed-once` fails honestly when a member
 * stops before committing (the next member reads that message again), and
 * `kafka-tutor check --lesson consumer-groups` passes on a 1-partition topic and on
 * a student provisioned (by the class code) with a 3-partition topic.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionStudents } from '../../src/class/provision.js';
import { unattendedContext } from '../../src/check/context.js';
import type { Context } from '../../src/engine/context.js';
import { inProcessStarter } from '../../src/engine/process/in-process.js';
import { holderOf } from '../../src/engine/steps/act.js';
import { runStep } from '../../src/engine/steps/index.js';
import type { LoadedLesson, SpawnStep } from '../../src/engine/types.js';
import { verifyPrintedOnce } from '../../src/engine/verifications/printed-once.js';
import { verifySharedPartitions } from '../../src/engine/verifications/shared-partitions.js';
import { createKafkaSide, type KafkaSide } from '../../src/kafka/lesson-side.js';
import { sandboxAdminConfig } from '../../src/kafka/sandbox-admin.js';
import { loadProfile } from '../../src/profile/index.js';
import { readSandboxCa } from '../../src/sandbox/certificates.js';
import { sandboxPaths } from '../../src/sandbox/paths.js';
import type { CheckReport } from '../../src/check/types.js';
import { createStudentTopic, sandboxState, sandboxStudent, studentConfig, uniqueName } from '../support/sandbox.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
const CLIENT = 'client2';
const sides: KafkaSide[] = [];
const contexts: Context[] = [];
let abort: AbortController;

/** A context as check gives a lesson, on a fresh topic of CLIENT's with `partitions` partitions. */
async function groupContext(partitions: number): Promise<Context> {
  const [state, student] = [await sandboxState(), await sandboxStudent(CLIENT)];
  const topic = await createStudentTopic(CLIENT, { partitions });
  const side = createKafkaSide(new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 }), { clientId: CLIENT, topic, bootstrap: state.bootstrap });
  sides.push(side);
  const lesson: LoadedLesson = { id: 'groups-test', title: 't', summary: 's', hints: ['h'], groups: { shared: 'x' }, steps: [], dir: '.', prose: {} };
  const startProgram = inProcessStarter(await loadProfile({ bootstrap: state.bootstrap, auth: student.dir }));
  const ctx = unattendedContext(lesson, { flags: {}, kafka: side, programEnv: {}, startProgram, runId: 'r', groupPrefix: `${uniqueName(`${CLIENT}-cg`)}-` }, abort.signal);
  contexts.push(ctx);
  return ctx;
}

const member = (as: string, program: SpawnStep['program'] = 'consume', storeMs?: number): SpawnStep => ({ id: `start-${as}`, kind: 'spawn', as, program, group: 'shared', from: 'latest', waitFor: 'assigned', ...(storeMs ? { storeMs } : {}) });

async function spawnAll(ctx: Context, steps: SpawnStep[]): Promise<void> {
  for (const step of steps) expect(await runStep(step, ctx)).toEqual({ next: 'continue' });
}

beforeAll(() => {
  abort = new AbortController();
});
afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.programs.stopAll('SIGTERM')));
  await Promise.allSettled(sides.map((s) => s.close()));
});

describe('shared-partitions and printed-once on the real broker', () => {
  it('one partition: one member reads, the others idle; a stopped holder hands over, nothing printed twice', async () => {
    const ctx = await groupContext(1);
    await spawnAll(ctx, [member('a'), member('b'), member('c')]);
    const shared = await verifySharedPartitions(ctx, { programs: ['a', 'b', 'c'] }, 20_000);
    expect(shared.ok, shared.happened).toBe(true);
    expect(shared.happened.match(/holds none/g)).toHaveLength(2);
    ctx.run.sent.before = await ctx.kafka.produce(['one', 'two']);
    expect((await verifyPrintedOnce(ctx, { programs: ['a', 'b', 'c'], messages: 'before' }, 20_000)).ok).toBe(true);
    const holder = holderOf(['a', 'b', 'c'], ctx.programs);
    await ctx.programs.stop(holder, 'SIGTERM');
    const moved = await verifySharedPartitions(ctx, { programs: ['a', 'b', 'c'] }, 20_000);
    expect(moved.ok, moved.happened).toBe(true);
    // The stopped member is no longer named among the holders ("a holds …"); the others are.
    expect(moved.happened).not.toMatch(new RegExp(`\\b${holder} holds`));
    expect(moved.happened.match(/\b[abc] holds/g)).toHaveLength(2);
    ctx.run.sent.after = await ctx.kafka.produce(['three', 'four']);
    const once = await verifyPrintedOnce(ctx, { programs: ['a', 'b', 'c'], messages: 'after' }, 20_000);
    expect(once.ok, once.happened).toBe(true);
    expect(once.happened).not.toContain(`${holder} printed`);
  });

  it('three partitions, two members: every partition goes to exactly one of them', async () => {
    const ctx = await groupContext(3);
    await spawnAll(ctx, [member('a'), member('b')]);
    const verdict = await verifySharedPartitions(ctx, { programs: ['a', 'b'] }, 20_000);
    expect(verdict.ok, verdict.happened).toBe(true);
    expect(verdict.happened).not.toContain('holds none');
    expect(verdict.details?.[0]).toMatch(/Stable with 2 members on 3 partitions/);
  });

  it('fails when a member stops while storing: the member that takes over prints that message again', async () => {
    const ctx = await groupContext(1);
    await spawnAll(ctx, [member('a', 'consume-commit', 1500), member('b', 'consume-commit', 1500)]);
    const holder = holderOf(['a', 'b'], ctx.programs);
    // A first message stored and committed: the group's offset is where the next member starts (not "latest").
    await ctx.kafka.produce(['order 0']);
    expect(await ctx.programs.waitFor(holder, (e) => e.type === 'committed', { timeoutMs: 20_000 })).toMatchObject({ offset: 1 });
    ctx.run.sent.orders = await ctx.kafka.produce(['order 1', 'order 2']);
    const storing = await ctx.programs.waitFor(holder, (e) => e.type === 'storing-started' && e.offset === 1, { timeoutMs: 20_000 });
    expect(storing).toMatchObject({ value: 'order 1' });
    // SIGTERM while storing: consume-commit commits nothing, so the other member reads "order 1" again.
    await ctx.programs.stop(holder, 'SIGTERM');
    const verdict = await verifyPrintedOnce(ctx, { programs: ['a', 'b'], messages: 'orders' }, 20_000);
    expect(verdict.ok).toBe(false);
    const other = holder === 'a' ? 'b' : 'a';
    expect(verdict.happened).toBe(`"order 1" (offset 1 of partition 0) was printed by ${holder} and again by ${other}`);
  });

  it('fails when a listed member never joined the group', async () => {
    const ctx = await groupContext(1);
    await spawnAll(ctx, [member('a')]);
    const verdict = await verifyPrintedOnce(ctx, { programs: ['a'], messages: 'nothing-sent' }, 1000);
    expect(verdict.ok).toBe(false);
  });
});

/** `kafka-tutor check --lesson consumer-groups --json` for a credentials folder, in a clean folder. */
async function checkGroups(authDir: string): Promise<CheckReport> {
  const { bootstrap } = await sandboxState();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_')));
  const result = await execa(process.execPath, [BIN, 'check', '--json', '--lesson', 'consumer-groups', '--bootstrap', bootstrap, '--auth', authDir], { cwd: mkdtempSync(join(tmpdir(), 'kt-groups-')), env, extendEnv: false, reject: false });
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as CheckReport;
}

describe('kafka-tutor check --lesson consumer-groups', () => {
  it('passes every test on a 1-partition topic', async () => {
    const report = await checkGroups((await sandboxStudent('client1')).dir);
    expect(report.tests.map((t) => [t.check, t.status])).toEqual([
      ['two-members', 'pass'],
      ['three-members', 'pass'],
      ['printed-once', 'pass'],
      ['rebalance', 'pass'],
      ['no-duplicates', 'pass'],
    ]);
    expect(report.tests.find((t) => t.check === 'three-members')?.message).toMatch(/holds none.*holds none/);
  }, 90_000);

  it('passes every test for a student whose topic has 3 partitions', async () => {
    const state = await sandboxState();
    const clientId = uniqueName('wide').replace(/-/g, '');
    const { students } = await provisionStudents({
      students: [{ clientId }],
      outDir: mkdtempSync(join(tmpdir(), 'kt-groups-class-')),
      ca: await readSandboxCa(sandboxPaths(state.dir)),
      admin: await sandboxAdminConfig(state),
      partitions: 3,
      replicationFactor: state.brokers.length,
    });
    const report = await checkGroups(students[0]!.dir);
    expect(report.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    expect(report.tests.find((t) => t.check === 'three-members')?.message).not.toContain('holds none');
  }, 90_000);
});
