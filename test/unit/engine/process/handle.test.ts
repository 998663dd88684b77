import { describe, expect, it } from 'vitest';
import { ProgramHandle, ProgramWaitError, type ProgramProcess } from '../../../../src/engine/process/handle.js';
import type { ProgramEvent } from '../../../../src/kafka/events.js';

const time = '2026-11-25T09:00:00.000Z';
const message = (offset: number): ProgramEvent => ({ type: 'message', time, topic: 'client1', partition: 0, offset, value: `v${offset}` });

function fakeProcess(): ProgramProcess & { signals: string[] } {
  const signals: string[] = [];
  return { pid: 1, signals, kill: (s) => void signals.push(s), writeLine: () => undefined, closeInput: () => undefined };
}

describe('ProgramHandle', () => {
  it('finds an event seen before or after the wait started, and streams every event until exit', async () => {
    const handle = new ProgramHandle('consume', fakeProcess());
    handle.receive(message(0));
    expect(await handle.waitFor((e) => e.type === 'message', { timeoutMs: 100, what: 'a message' })).toEqual(message(0));
    const later = handle.waitFor((e) => e.type === 'message' && e.offset === 1, { timeoutMs: 1000, what: 'offset 1' });
    handle.receive(message(1));
    expect(await later).toEqual(message(1));
    const streamed: number[] = [];
    const reading = (async () => {
      for await (const e of handle.events) if (e.type === 'message') streamed.push(e.offset);
    })();
    handle.receive(message(2));
    handle.settle(0, null);
    await reading;
    expect(streamed).toEqual([0, 1, 2]);
  });

  it('says what was expected and what happened on a timeout', async () => {
    const handle = new ProgramHandle('consume', fakeProcess());
    handle.receive(message(4));
    const error = await handle.waitFor((e) => e.type === 'assigned', { timeoutMs: 20, what: 'the consumer to be assigned a partition' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgramWaitError);
    expect((error as Error).message).toBe('Expected the consumer to be assigned a partition, but after 0.0 s its last events were: v4   (client1[0]@4).');
  });

  it('gives up at once when the program exits, quoting its error', async () => {
    const handle = new ProgramHandle('consume', fakeProcess());
    const waiting = handle.waitFor((e) => e.type === 'assigned', { timeoutMs: 10_000, what: 'an assignment' }).catch((e: unknown) => e);
    handle.receive({ type: 'error', time, code: 'topic-not-allowed', message: 'Client client1 may not use the topic x.', fix: 'Use client1' });
    handle.settle(1, null);
    expect(((await waiting) as Error).message).toBe('Expected an assignment, but the consume program exited with code 1: Client client1 may not use the topic x.');
  });

  it('signals only a running program, and resolves with its exit', async () => {
    const process = fakeProcess();
    const handle = new ProgramHandle('consume-commit', process);
    const stopping = handle.stop('SIGTERM');
    handle.settle(0, null);
    expect((await stopping).exitCode).toBe(0);
    await handle.stop('SIGKILL');
    expect(process.signals).toEqual(['SIGTERM']);
  });
});
