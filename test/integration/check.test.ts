/**
 * `kafka-tutor check` (the built binary) against the real sandbox broker, for
 * several students at once: good ones pass while a wrong password, another
 * CA's certificate and a missing topic ACL each get their own diagnosis.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { execa } from 'execa';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import { loadCourse } from '../../src/engine/course.js';
import { createCa, issueCertificate } from '../../src/credentials/pki.js';
import { studentAcls } from '../../src/sandbox/students.js';
import { writeCredentials } from '../unit/credentials/fixtures.js';
import { Kafka } from 'kafkajs';
import { placeGroup } from '../support/place-group.js';
import { adminClient, sandboxState, sandboxStudent, studentConfig, uniqueName } from '../support/sandbox.js';
import { freshClientId, sandboxCa } from './doctor.fixtures.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(new URL('../../docs/check-schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ formats: { 'date-time': true } }).compile(schema);
const cwd = mkdtempSync(join(tmpdir(), 'kt-check-'));

interface Run { exitCode: number; report: CheckReport; stdout: string; stderr: string }

/** Runs `kafka-tutor check --json` in a clean folder, as a grader would, with no kafka-tutor settings inherited. */
async function check(authDir: string, extra: string[] = [], extraEnv: Record<string, string> = {}): Promise<Run> {
  const { bootstrap } = await sandboxState();
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), ...extraEnv };
  const result = await execa(process.execPath, [BIN, 'check', '--json', '--bootstrap', bootstrap, '--auth', authDir, ...extra], { cwd, env, extendEnv: false, reject: false });
  const report = JSON.parse(result.stdout) as CheckReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return { exitCode: result.exitCode ?? -1, report, stdout: result.stdout, stderr: result.stderr };
}

const test = (run: Run, name: string) => run.report.tests.find((t) => t.name.startsWith(`${name}:`) || t.check === name);
const statuses = (run: Run, lesson: string) => run.report.tests.filter((t) => t.lesson === lesson).map((t) => t.status);

/** A folder with a sandbox student's credentials, changed by `change`. */
function copyOf(dir: string, change: (copy: string) => void): string {
  const copy = mkdtempSync(join(tmpdir(), 'kt-check-auth-'));
  cpSync(dir, copy, { recursive: true });
  change(copy);
  return copy;
}

// A student of our own whose certificate the broker trusts, with every ACL of a student but the topic's.
const noTopicAcl = freshClientId();
const runs: Record<string, Run> = {};

beforeAll(async () => {
  const state = await sandboxState();
  const admin = await adminClient();
  try {
    await admin.createTopics({ topics: [{ topic: noTopicAcl, numPartitions: 1, replicationFactor: state.brokers.length }], waitForLeaders: true });
    await admin.createAcls({ acl: studentAcls({ clientId: noTopicAcl, topic: noTopicAcl }).filter((a) => a.resourceType !== 2) });
  } finally {
    await admin.disconnect();
  }
  const ca = await sandboxCa();
  const noAclDir = join(mkdtempSync(join(tmpdir(), 'kt-check-noacl-')), noTopicAcl);
  writeCredentials(noAclDir, { ca, leaf: issueCertificate({ commonName: noTopicAcl, ca }) });

  const [one, two, three, four] = await Promise.all(['client1', 'client2', 'client3', 'client4'].map((id) => sandboxStudent(id)));
  const wrongPassword = copyOf(four!.dir, (dir) => writeFileSync(join(dir, 'password.txt'), 'not-the-password\n'));
  const other = createCa({ commonName: 'Another course CA' });
  const otherCaDir = join(mkdtempSync(join(tmpdir(), 'kt-check-otherca-')), 'client4');
  writeCredentials(otherCaDir, { ca: other, leaf: issueCertificate({ commonName: 'client4', ca: other }) });
  // The sandbox's ca.crt beside a keystore from another CA: credentials of another course.
  cpSync(join(four!.dir, 'ca.crt'), join(otherCaDir, 'ca.crt'));

  // All at once: one student's broken credentials must not touch another's result.
  const entries = await Promise.all(
    Object.entries({ client1: one!.dir, client2: two!.dir, client3: three!.dir, wrongPassword, otherCa: otherCaDir, noTopicAcl: noAclDir }).map(async ([name, dir]) => [name, await check(dir)] as const),
  );
  Object.assign(runs, Object.fromEntries(entries));
}, 180_000);

afterAll(async () => {
  const admin = await adminClient();
  try {
    await admin.deleteAcls({ filters: studentAcls({ clientId: noTopicAcl, topic: noTopicAcl }) });
    await admin.deleteTopics({ topics: [noTopicAcl] });
  } finally {
    await admin.disconnect();
  }
});

describe('kafka-tutor check against the sandbox', () => {
  it.each(['client1', 'client2', 'client3'])('passes every lesson for %s, exit code 0, Points full', (name) => {
    const run = runs[name]!;
    // A lesson that needs a 3-broker sandbox cannot run on this 1-broker one: skipped, worth nothing.
    const notHere = run.report.tests.filter((t) => t.status === 'skipped' && t.max_points === 0);
    expect(new Set(notHere.map((t) => t.lesson))).toEqual(new Set(['replication']));
    expect(run.report.tests.filter((t) => t.status !== 'pass' && !notHere.includes(t))).toEqual([]);
    expect(run.report).toMatchObject({ status: 'pass', client_id: name, topic: name });
    expect(run.report.points).toBe(run.report.max_points);
    // Every lesson of the shipped course, the course text's four first.
    expect(new Set(run.report.tests.map((t) => t.lesson))).toEqual(new Set(loadCourse().manifest.lessons));
    expect(loadCourse().manifest.lessons.slice(0, 4)).toEqual(['credentials', 'simple', 'offset-reset', 'interrupted-commit']);
    expect(run.exitCode).toBe(0);
    // The course's group is always evidence; the check's own groups never are.
    expect(run.report.evidence?.groups.map((g) => g.group_id)).toContain('simple_consumer');
    expect(run.report.evidence?.groups.some((g) => g.group_id.startsWith(`${name}-check-`))).toBe(false);
  });

  it('diagnoses a wrong password with the doctor\'s sentence, skips the Kafka lessons, exit code 1, and never shows the password', () => {
    const run = runs.wrongPassword!;
    expect(run.exitCode).toBe(1);
    expect(test(run, 'keystore')).toMatchObject({ status: 'fail', failure_id: 'keystore-wrong-password', points: 0 });
    expect(test(run, 'keystore')!.message).toMatch(/^The password from .* does not open .*kafka\.keystore\.pkcs12 \(the keystore itself is intact\)\.$/);
    expect(statuses(run, 'simple')).toEqual(['skipped', 'skipped']);
    expect(statuses(run, 'interrupted-commit')).toEqual(['skipped', 'skipped', 'skipped']);
    expect(run.stdout + run.stderr).not.toContain('not-the-password');
  });

  it("diagnoses a certificate from another CA", () => {
    const run = runs.otherCa!;
    expect(run.exitCode).toBe(1);
    expect(test(run, 'keystore')).toMatchObject({ status: 'fail', failure_id: 'cert-wrong-ca' });
    expect(test(run, 'keystore')!.message).toContain('was not issued by the CA in');
    expect(statuses(run, 'offset-reset')).toEqual(['skipped', 'skipped']);
  });

  it('diagnoses a missing topic ACL as a refusal of the topic, with the fix', () => {
    const run = runs.noTopicAcl!;
    expect(run.exitCode).toBe(1);
    expect(test(run, 'connection')!.status).toBe('pass');
    expect(test(run, 'access')).toMatchObject({ status: 'fail', failure_id: 'topic-denied' });
    expect(test(run, 'access')!.message).toBe(`Kafka refused ${noTopicAcl} access to topic ${noTopicAcl}: the cluster's ACLs let each student use only their own topic, named after their client id.`);
    expect(statuses(run, 'simple')).toEqual(['skipped', 'skipped']);
  });

  it('passes again right after, on a topic that now holds the first run\'s messages, and writes JUnit that parses', async () => {
    const junit = join(cwd, 'client2.xml');
    const again = await check((await sandboxStudent('client2')).dir, ['--junit', junit]);
    expect(again.report.status).toBe('pass');
    expect(again.report.run_id).not.toBe(runs.client2!.report.run_id);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(junit, 'utf8'));
    const skipped = again.report.tests.filter((t) => t.status === 'skipped').length;
    expect(skipped).toBe(5); // the replication lesson's tests: this sandbox has 1 broker
    expect(xml.testsuites).toMatchObject({ tests: String(again.report.tests.length), failures: '0', errors: '0', skipped: String(skipped) });
  }, 60_000);

  it('exits 2, saying why, when there are no credentials to check', async () => {
    const run = await check(join(cwd, 'no-such-folder'));
    expect(run.exitCode).toBe(2);
    expect(run.report.status).toBe('error');
    expect(run.report.error).toMatchObject({ code: 'auth-missing' });
    expect(run.report.error!.message).toContain('no-such-folder');
    // Nothing was checked, so nothing is graded.
    expect(run.report).toMatchObject({ tests: [], points: 0, max_points: 0 });
  });

  it('exits 2 for a lesson that does not exist, naming the ones that do', async () => {
    const result = await execa(process.execPath, [BIN, 'check', '--lesson', 'kafka-streams'], { cwd, reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('There is no lesson "kafka-streams".');
    expect(result.stderr).toContain('--lesson offset-reset');
  });
});

describe('the evidence of check', () => {
  it("reports a lesson's group and its committed offset from the cluster, beside the progress file's record", async () => {
    const { bootstrap } = await sandboxState();
    const group = uniqueName('client3-lesson');
    const kafka = new Kafka(await studentConfig('client3'));
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic: 'client3', acks: -1, messages: [{ value: 'evidence', partition: 0 }] });
    await producer.disconnect();
    const offset = Number(sent!.baseOffset) + 1;
    await placeGroup({ kafka, topic: 'client3', clientId: 'client3', profile: { brokers: bootstrap.split(','), sandbox: true } as never }, group, offset);
    const home = mkdtempSync(join(tmpdir(), 'kt-check-home-'));
    const finishedAt = '2026-11-20T10:00:00.000Z';
    const progress = { doNotEdit: 'test', formatVersion: 1, updatedAt: finishedAt, lessons: { 'interrupted-commit': { status: 'done', run: 1, startedAt: '2026-11-20T09:50:00.000Z', finishedAt, groups: { commit: group }, steps: {} } } };
    writeFileSync(join(home, 'progress.json'), JSON.stringify(progress));

    const run = await check((await sandboxStudent('client3')).dir, ['--lesson', 'simple'], { KAFKA_TUTOR_HOME: home });
    expect(run.report.status).toBe('pass');
    expect(run.report.evidence?.groups).toContainEqual({ group_id: group, state: 'Empty', members: 0, offsets: [{ partition: 0, offset }], lesson: 'interrupted-commit' });
    expect(run.report.evidence?.progress).toEqual({ path: join(home, 'progress.json'), updated_at: finishedAt, lessons: [{ lesson: 'interrupted-commit', status: 'done', started_at: '2026-11-20T09:50:00.000Z', finished_at: finishedAt }] });
  }, 60_000);
});
