/**
 * The replication lesson's "stop the leader's broker" step in the tutor, on the real shared
 * sandbox (whose one broker nobody stops here) with a fake clock: while the student has not
 * run the command, the tutor says it again every 45 s of waiting, and when the wait runs out
 * the step fails with that command as the hint.
 */
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRunState } from '../../src/engine/context.js';
import { REMIND_EVERY_MS, runBrokerAct } from '../../src/engine/steps/broker.js';
import { createKafkaSide, type KafkaSide } from '../../src/kafka/lesson-side.js';
import { sandboxState, studentConfig } from '../support/sandbox.js';
import { scriptTerminal } from '../support/terminal-script.js';

const CLIENT = 'client1';
let side: KafkaSide;

beforeAll(async () => {
  const state = await sandboxState();
  side = createKafkaSide(new Kafka({ ...(await studentConfig(CLIENT)), logLevel: 0 }), { clientId: CLIENT, topic: CLIENT, bootstrap: state.bootstrap });
});
afterAll(async () => side?.close());

describe('waiting for the student to stop a broker', () => {
  it('says the command again every 45 s, then fails with it as the hint when the wait runs out', async () => {
    const script = scriptTerminal();
    let clock = 0;
    const ctx = {
      terminal: script.terminal,
      kafka: side,
      run: emptyRunState(),
      vars: {},
      now: () => clock,
      sleep: async (ms: number) => void (clock += ms),
      signal: new AbortController().signal,
    };
    const outcome = await runBrokerAct({ id: 'stop-leader', kind: 'act', action: 'stop-broker', prompt: 'Stop broker {broker}.', timeoutMs: 2 * REMIND_EVERY_MS + 10_000 }, ctx);
    const screen = script.screen();
    expect(screen).toContain('Stop broker 1.');
    const reminder = 'Still waiting for broker 1 to stop. In another terminal, in this folder: kafka-tutor sandbox stop --broker 1';
    expect(screen.split(reminder).length - 1).toBe(2);
    expect(outcome).toMatchObject({
      next: 'failed',
      finding: { ok: false, expected: 'broker 1 to be stopped', hint: 'In another terminal, in this folder: kafka-tutor sandbox stop --broker 1' },
    });
    expect(outcome.next === 'failed' && outcome.finding?.happened).toMatch(/^the cluster still lists brokers 1 after 100 s$/);
  });
});
