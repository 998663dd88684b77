/**
 * `sandbox status` reads the Kafka version from the broker process, not from state.json:
 * checked with a stand-in process that looks like a broker in /proc (its command line and
 * the jar it holds open). The real broker's version is checked in test/integration/sandbox-version.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runningKafkaVersion } from '../../../src/sandbox/running-version.js';
import { readSandboxStatus } from '../../../src/sandbox/status.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A process whose command line reads `… -cp <libs>/* kafka.Kafka <sandbox>/brokers/1/server.properties`, holding `openJar` open when given. */
async function standIn(libs: string, sandbox: string, openJar?: string): Promise<number> {
  const script = `${openJar ? `require('fs').openSync(${JSON.stringify(openJar)}, 'r');` : ''}console.log('ready');setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script, '--', '-cp', `${libs}/*`, 'kafka.Kafka', `${sandbox}/brokers/1/server.properties`], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  await once(child.stdout!, 'data');
  return child.pid!;
}

async function libsWith(version: string): Promise<string> {
  const libs = await mkdtemp(join(tmpdir(), `kafka-tutor-libs-${version}-`));
  await writeFile(join(libs, `kafka_2.13-${version}.jar`), '');
  return libs;
}

describe('the running Kafka version', () => {
  it('is the broker jar the process holds open, else the one in its class path folder', async () => {
    const [open, onPath] = [await libsWith('4.1.1'), await libsWith('4.4.0')];
    expect(runningKafkaVersion(await standIn(onPath, '/tmp/sb', join(open, 'kafka_2.13-4.1.1.jar')))).toBe('4.1.1');
    expect(runningKafkaVersion(await standIn(onPath, '/tmp/sb'))).toBe('4.4.0');
  });

  it('is what sandbox status reports, whatever state.json says', async () => {
    const sandbox = await mkdtemp(join(tmpdir(), 'kafka-tutor-status-'));
    const libs = await libsWith('4.1.1');
    const pid = await standIn(libs, sandbox, join(libs, 'kafka_2.13-4.1.1.jar'));
    await mkdir(join(sandbox, 'brokers', '1'), { recursive: true });
    const broker = { nodeId: 1, pid, sslPort: 1, internalPort: 2, controllerPort: 3, logFile: join(sandbox, 'brokers', '1', 'broker.log') };
    const state = { version: 1, kafkaVersion: '3.9.1', clusterId: 'x', dir: sandbox, bootstrap: '127.0.0.1:1', internalBootstrap: '127.0.0.1:2', brokers: [broker], caPath: '', admin: {}, students: [], startedAt: new Date().toISOString() };
    await writeFile(join(sandbox, 'state.json'), JSON.stringify(state));
    const status = await readSandboxStatus(sandbox);
    expect(status).toMatchObject({ running: true, kafkaVersion: '4.1.1', kafkaVersionRunning: true, brokers: [{ up: true, kafkaVersion: '4.1.1' }] });
    const child = children.pop()!;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    // Stopped: the version of the last start, said as such.
    expect(await readSandboxStatus(sandbox)).toMatchObject({ running: false, kafkaVersion: '3.9.1', kafkaVersionRunning: false });
  });
});
