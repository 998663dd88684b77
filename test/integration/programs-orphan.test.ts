/**
 * No consumer outlives the tutor: a small tutor script starts a consumer
 * through src/engine/process/ and then dies (SIGKILL, SIGTERM, exit, crash); the
 * consumer's process must disappear, and its group must be empty on the broker.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentConfig } from '../support/sandbox.js';
import { CLIENT, freshGroup, freshTopic, studentEnv } from './programs.fixtures.js';

const TUTOR = fileURLToPath(new URL('./programs-orphan.fixture.mjs', import.meta.url));

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilGone(pid: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (isAlive(pid) && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 50));
  return Date.now() - start;
}

// How each tutor ends: proof it died the intended way, and not by the test's timeout.
const endings: Record<string, { signal?: string; exitCode?: number }> = { kill: { signal: 'SIGKILL' }, term: { signal: 'SIGTERM' }, exit: { exitCode: 3 }, throw: { exitCode: 1 } };

describe.each(Object.keys(endings))('a tutor that dies by %s', (how) => {
  it('takes its consumer with it, and the consumer leaves its group', async () => {
    const topic = await freshTopic();
    const group = freshGroup(`orphan-${how}`);
    const tutor = await execa(process.execPath, [TUTOR, topic, group, how], { env: await studentEnv(), reject: false, timeout: 40_000 });
    const pid = Number(tutor.stdout.trim().split('\n')[0]);
    expect(pid, tutor.stderr).toBeGreaterThan(0);
    expect({ signal: tutor.signal, exitCode: tutor.exitCode }).toMatchObject(endings[how]!);
    const waited = await waitUntilGone(pid, 8000);
    expect(isAlive(pid), `consumer ${pid} still alive after ${waited} ms`).toBe(false);
    // Left the group (LeaveGroup), not just vanished: the broker shows no member.
    const admin = new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 }).admin();
    await admin.connect();
    const { groups } = await admin.describeGroups([group]);
    await admin.disconnect();
    expect(groups[0]?.members).toEqual([]);
  });
});

describe.each([0, 20, 300])('a tutor killed with SIGKILL %i ms after it started a consumer', (ms) => {
  it('takes the consumer with it, against the real broker', async () => {
    const tutor = await execa(process.execPath, [TUTOR, await freshTopic(), freshGroup(`early-${ms}`), `kill-after-${ms}`], { env: await studentEnv(), reject: false, timeout: 40_000 });
    const pid = Number(tutor.stdout.trim().split('\n')[0]);
    expect(pid, tutor.stderr).toBeGreaterThan(0);
    expect(tutor.signal).toBe('SIGKILL');
    const waited = await waitUntilGone(pid, 10_000);
    expect(isAlive(pid), `consumer ${pid} still alive after ${waited} ms`).toBe(false);
  });
});

describe('a tutor killed with SIGKILL while its consumer waits on a server that never answers', () => {
  // Loopback only: a listener that accepts and stays silent (a broker that hangs).
  let server: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => server.close(resolve));
  });

  it('takes the consumer with it within 10 s (kafkajs alone would wait on)', async () => {
    const port = (server.address() as { port: number }).port;
    const env = { ...(await studentEnv()), KAFKA_TUTOR_BOOTSTRAP: `127.0.0.1:${port}` };
    const tutor = execa(process.execPath, [TUTOR, CLIENT, freshGroup('silent'), 'hang'], { env, reject: false, timeout: 40_000, buffer: false });
    const pid = await new Promise<number>((resolve) => tutor.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    expect(pid).toBeGreaterThan(0);
    // Killed once the consumer hangs on the silent server, the case where kafkajs would keep it for long.
    await expect.poll(() => sockets.size, { timeout: 20_000 }).toBeGreaterThan(0);
    tutor.kill('SIGKILL');
    expect((await tutor).signal).toBe('SIGKILL');
    const waited = await waitUntilGone(pid, 10_000);
    expect(isAlive(pid), `consumer ${pid} still alive after ${waited} ms`).toBe(false);
  });
});
