/**
 * `check` on a topic with a long history (issue 13, point 9), on the real broker: a student
 * whose own topic holds 200,000 messages before the run still passes every lesson.
 * (Its speed against a small topic is measured by bench/check-history.mjs, not asserted here.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { Kafka, type Admin, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import { loadCourse } from '../../src/engine/course.js';
import { provisionStudents } from '../../src/class/provision.js';
import { sandboxAdminConfig } from '../../src/kafka/sandbox-admin.js';
import { studentAcls } from '../../src/sandbox/students.js';
import { sandboxState } from '../support/sandbox.js';
import { freshClientId, sandboxCa } from './doctor.fixtures.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
const HISTORY = 200_000;
// A student of our own, provisioned like any other, so no other test file's check shares the topic.
const clientId = freshClientId();

let kafka: Kafka;
let admin: Admin;
let producer: Producer;
let authDir: string;

const highWatermark = async () => Number((await admin.fetchTopicOffsets(clientId)).find((p) => p.partition === 0)?.high);

beforeAll(async () => {
  const state = await sandboxState();
  const config = await sandboxAdminConfig(state);
  const { students } = await provisionStudents({ students: [{ clientId }], outDir: mkdtempSync(join(tmpdir(), 'kt-check-history-')), ca: await sandboxCa(), admin: config, partitions: 1, replicationFactor: state.brokers.length });
  authDir = students[0]!.dir;
  kafka = new Kafka({ ...config, logLevel: 0 });
  admin = kafka.admin();
  producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  // Sends of 1,000: kafkajs groups one send's messages in quadratic time.
  for (let from = 0; from < HISTORY; from += 1000) {
    await producer.send({ topic: clientId, messages: Array.from({ length: 1000 }, (_, i) => ({ value: `old message ${from + i + 1}` })) });
  }
}, 180_000);

afterAll(async () => {
  await producer?.disconnect();
  if (!admin) return;
  await admin.deleteTopics({ topics: [clientId] }).catch(() => undefined);
  await admin.deleteAcls({ filters: studentAcls({ clientId, topic: clientId }) }).catch(() => undefined);
  await admin.disconnect();
});

describe(`kafka-tutor check for a student whose topic holds ${HISTORY.toLocaleString('en-US')} messages`, () => {
  it('passes every lesson with full points, exit code 0, and its messages land after the history', async () => {
    expect(await highWatermark()).toBe(HISTORY);
    const { bootstrap } = await sandboxState();
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_')));
    const result = await execa(process.execPath, [BIN, 'check', '--json', '--bootstrap', bootstrap, '--auth', authDir], { cwd: mkdtempSync(join(tmpdir(), 'kt-check-history-run-')), env, extendEnv: false, reject: false });
    const report = JSON.parse(result.stdout) as CheckReport;
    // The replication lesson needs a 3-broker sandbox: skipped here, worth nothing.
    expect(report.tests.filter((t) => t.status !== 'pass' && !(t.lesson === 'replication' && t.status === 'skipped' && t.max_points === 0))).toEqual([]);
    expect(report).toMatchObject({ status: 'pass', client_id: clientId, topic: clientId });
    expect(report.points).toBe(report.max_points);
    // Every lesson of the shipped course, the course text's four first.
    expect(new Set(report.tests.map((t) => t.lesson))).toEqual(new Set(loadCourse().manifest.lessons));
    expect(loadCourse().manifest.lessons.slice(0, 4)).toEqual(['credentials', 'simple', 'offset-reset', 'interrupted-commit']);
    expect(result.exitCode).toBe(0);
    // What Kafka recorded: the check wrote its own messages into the long topic, after the history.
    expect(await highWatermark()).toBeGreaterThan(HISTORY);
  }, 240_000);
});
