/**
 * The shared sandbox runs the Kafka the test run asked for (the default, or
 * KAFKA_TUTOR_KAFKA_VERSION in the second run of `npm test`), and `sandbox status` reports
 * the version the broker itself announces in its log.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatSandboxStatus, readSandboxStatus } from '../../src/sandbox/status.js';
import { sandboxState } from '../support/sandbox.js';
import { TEST_KAFKA_VERSION } from '../support/test-kafka.js';

/** The last "Kafka version: x" the broker logged (AppInfoParser, once per start). */
async function announcedVersion(logFile: string): Promise<string | undefined> {
  const matches = [...(await readFile(logFile, 'utf8')).matchAll(/ INFO Kafka version: (\S+) \(org\.apache\.kafka\.common\.utils\.(?:internals\.)?AppInfoParser\)/g)];
  return matches.at(-1)?.[1];
}

describe('the Kafka version of the sandbox', () => {
  it('status reports the version the running broker announced, which is the one the run asked for', async () => {
    const state = await sandboxState();
    const status = await readSandboxStatus(state.dir);
    expect(status).toMatchObject({ running: true, kafkaVersion: TEST_KAFKA_VERSION, kafkaVersionRunning: true });
    for (const broker of state.brokers) expect(await announcedVersion(broker.logFile)).toBe(TEST_KAFKA_VERSION);
    expect(status.brokers.map((b) => b.kafkaVersion)).toEqual(state.brokers.map(() => TEST_KAFKA_VERSION));
    const lines = formatSandboxStatus(status, { up: '+', down: '-' });
    expect(lines[0]).toBe(`Sandbox: running (Kafka ${TEST_KAFKA_VERSION})`);
    expect(lines).toContain(`Broker 1: + up (pid ${state.brokers[0]!.pid}, Kafka ${TEST_KAFKA_VERSION})  ssl 127.0.0.1:${state.brokers[0]!.sslPort}  internal ${state.brokers[0]!.internalPort}  controller ${state.brokers[0]!.controllerPort}`);
  });
});
