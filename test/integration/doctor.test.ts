import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportToJson } from '../../src/doctor/render.js';
import { check } from '../unit/doctor/helpers.js';
import { adminClient } from '../support/sandbox.js';
import { studentAcls } from '../../src/sandbox/students.js';
import { doctorOn, freshClientId, vmWithNewStudent, vmWithStudent } from './doctor.fixtures.js';

const granted: { clientId: string; topic: string }[] = [];

afterAll(async () => {
  if (granted.length === 0) return;
  const admin = await adminClient();
  try {
    await admin.deleteAcls({ filters: granted.flatMap((student) => studentAcls(student)) });
  } finally {
    await admin.disconnect();
  }
});

describe('doctor against the sandbox: Kafka level', () => {
  it('passes every check for a sandbox student, and never shows the password', async () => {
    const vm = await vmWithStudent('client1');
    const report = await doctorOn(vm);
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(check(report, 'topic').message).toBe('Topic client1 exists (1 partition) and you may use it.');
    expect(check(report, 'group').message).toMatch(/^You may use the consumer group simple_consumer/);
    const password = readFileSync(join(vm.authDir, 'password.txt'), 'utf8').trim();
    expect(reportToJson(report)).not.toContain(password);
  });

  it('explains an ACL denial in words: a valid certificate, but no right to the topic or the group', async () => {
    const clientId = freshClientId();
    const report = await doctorOn(await vmWithNewStudent(clientId));
    expect(check(report, 'tls').status).toBe('pass');
    expect(check(report, 'topic')).toMatchObject({
      failureId: 'topic-denied',
      message: `Kafka refused ${clientId} access to topic ${clientId}: the cluster's ACLs let each student use only their own topic, named after their client id.`,
    });
    expect(check(report, 'group')).toMatchObject({ failureId: 'group-denied', message: expect.stringContaining(`refused ${clientId} the consumer group simple_consumer`) });
    expect(report.ok).toBe(false);
  });

  it('says when the topic does not exist, for a student allowed to use it', async () => {
    const clientId = freshClientId();
    const admin = await adminClient();
    try {
      await admin.createAcls({ acl: studentAcls({ clientId, topic: clientId }) });
      granted.push({ clientId, topic: clientId });
    } finally {
      await admin.disconnect();
    }
    const report = await doctorOn(await vmWithNewStudent(clientId));
    expect(check(report, 'topic')).toMatchObject({ failureId: 'topic-missing', message: `Your topic ${clientId} does not exist on the cluster.` });
    expect(check(report, 'group').status).toBe('pass');
  });
});
