/**
 * No consumer outlives the tutor: a small tutor script starts a consumer
 * through src/engine/process/ and then dies (SIGKILL, SIGTERM, exit, crash); the
 * consumer's process must disappear, and its group must be empty on the broker.
 */
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
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
