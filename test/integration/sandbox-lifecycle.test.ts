/**
 * The sandbox's own promises, checked against the running shared sandbox: a second start
 * reports it running, students are added idempotently, busy ports are named, and stop
 * never touches a process that is not one of its brokers.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPortsFree } from '../../src/sandbox/ports.js';
import { isAlive, isOurBroker } from '../../src/sandbox/processes.js';
import { createProgress } from '../../src/ui/progress.js';
import { startSandbox } from '../../src/sandbox/start.js';
import { stopSandbox } from '../../src/sandbox/stop.js';
import { ensureStudents } from '../../src/sandbox/students.js';
import { adminClient, sandboxState } from '../support/sandbox.js';
import { TEST_KAFKA_VERSION } from '../support/test-kafka.js';

describe('sandbox lifecycle', () => {
  it('a second start reports the sandbox as already running and keeps its brokers', async () => {
    const before = await sandboxState();
    const lines: string[] = [];
    const result = await startSandbox({ students: 1, progress: await createProgress({ write: (l) => lines.push(l) }) });
    expect(result.alreadyRunning).toBe(true);
    expect(result.state.brokers.map((b) => b.pid)).toEqual(before.brokers.map((b) => b.pid));
    expect(lines).toEqual([]);
  });

  it('ensureStudents adds nothing when the students exist, and their topics and ACLs are in Kafka', async () => {
    const state = await ensureStudents(4);
    expect(state.students.slice(0, 4).map((s) => s.clientId)).toEqual(['client1', 'client2', 'client3', 'client4']);
    const admin = await adminClient();
    try {
      const topics = await admin.listTopics();
      expect(topics).toEqual(expect.arrayContaining(['client1', 'client2', 'client3', 'client4']));
      const acls = await admin.describeAcls({ resourceType: 2, resourceName: 'client4', resourcePatternType: 3, principal: 'User:client4', host: '*', operation: 1, permissionType: 1 });
      const operations = acls.resources.flatMap((r) => r.acls.map((a) => a.operation)).sort();
      expect(operations).toEqual([3, 4, 8]); // READ, WRITE, DESCRIBE
    } finally {
      await admin.disconnect();
    }
  });

  it("gives each student the course's three files, the secret ones readable by the owner only", async () => {
    const state = await ensureStudents(5);
    const student = state.students.find((s) => s.clientId === 'client5')!;
    expect(student).toMatchObject({ topic: 'client5', dir: join(state.dir, 'students', 'client5') });
    expect((await readdir(student.dir)).sort()).toEqual(['ca.crt', 'kafka.keystore.pkcs12', 'password.txt']);
    for (const name of ['kafka.keystore.pkcs12', 'password.txt']) expect((await stat(join(student.dir, name))).mode & 0o077).toBe(0);
    expect(await readFile(join(student.dir, 'ca.crt'), 'utf8')).toBe(await readFile(state.caPath, 'utf8'));
  });

  it('names the busy port when another program holds it', async () => {
    const state = await sandboxState();
    // Seen from the holder's own folder, the holder is not "another sandbox": the plain sentence.
    await expect(assertPortsFree(1, state.dir)).rejects.toMatchObject({ code: 'port-in-use', message: expect.stringContaining(String(state.brokers[0]!.sslPort)) });
  });

  it('a second sandbox folder cannot start while the ports are taken, and says which port and which sandbox holds it', async () => {
    const state = await sandboxState(); // throws unless the shared sandbox holds the ports: never start a second broker
    const dir = await mkdtemp(join(tmpdir(), 'kafka-tutor-other-sandbox-'));
    try {
      const progress = await createProgress({ quiet: true });
      const attempt = startSandbox({ dir, progress, cwd: dir });
      await expect(attempt).rejects.toMatchObject({ code: 'port-in-use', message: expect.stringContaining(String(state.brokers[0]!.sslPort)) });
      await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining(state.dir), fix: expect.stringContaining(`KAFKA_TUTOR_SANDBOX=${state.dir} kafka-tutor sandbox stop`) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a Kafka that cannot run with the java output, without starting anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kafka-tutor-broken-kafka-'));
    const saved = process.env.KAFKA_HOME;
    try {
      // A "Kafka installation" of the run's version whose broker jar is empty: java cannot find the storage tool.
      await mkdir(join(dir, 'kafka', 'libs'), { recursive: true });
      await writeFile(join(dir, 'kafka', 'libs', `kafka_2.13-${TEST_KAFKA_VERSION}.jar`), '');
      process.env.KAFKA_HOME = join(dir, 'kafka');
      const progress = await createProgress({ quiet: true });
      const error = await startSandbox({ dir: join(dir, 'sandbox'), progress, cwd: dir }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'UserError', code: 'sandbox-format-failed' });
      expect((error as Error).message).toMatch(/Kafka could not format the storage of broker 1:\n.*(kafka\.tools\.StorageTool|ClassNotFound)/s);
    } finally {
      if (saved === undefined) delete process.env.KAFKA_HOME;
      else process.env.KAFKA_HOME = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stop leaves alone a live process whose pid sits in a pid file but is not our broker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kafka-tutor-stale-pid-'));
    const stranger = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await mkdir(join(dir, 'brokers', '1'), { recursive: true });
      await writeFile(join(dir, 'brokers', '1', 'broker.pid'), `${stranger.pid}\n`);
      expect(isOurBroker(stranger.pid!, dir)).toBe(false);
      const result = await stopSandbox(dir);
      expect(result.stopped).toEqual([]);
      expect(isAlive(stranger.pid!)).toBe(true);
    } finally {
      stranger.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('recognises its running brokers by /proc', async () => {
    const state = await sandboxState();
    for (const broker of state.brokers) expect(isOurBroker(broker.pid!, state.dir)).toBe(true);
    expect(isOurBroker(process.pid, state.dir)).toBe(false);
  });
});
