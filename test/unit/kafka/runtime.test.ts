import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { createEmitter, waitUnlessStopped } from '../../../src/kafka/programs/runtime.js';
import { linesOf } from '../../../src/kafka/programs/lines.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('createEmitter', () => {
  it('writes only JSON events to stdout in --json mode, and an error event for a UserError', () => {
    const stdout = capture();
    const stderr = capture();
    const out = createEmitter({ json: true, stdout: stdout.stream, stderr: stderr.stream });
    out.note('people only');
    const code = out.fail(new UserError('Client client1 may not use the topic x.', { fix: 'Use client1', code: 'topic-not-allowed' }));
    expect(code).toBe(1);
    const lines = stdout.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([{ type: 'error', time: expect.any(String), code: 'topic-not-allowed', message: 'Client client1 may not use the topic x.', fix: 'Use client1' }]);
    expect(stderr.text()).toBe('');
  });

  it('prints readable lines in human mode and leaves failures to main', () => {
    const stdout = capture();
    const out = createEmitter({ json: false, stdout: stdout.stream, stderr: capture().stream });
    out.emit({ type: 'sent', topic: 'client1', partition: 0, offset: 3, value: 'hi' });
    expect(stdout.text()).toBe('sent client1[0]@3: hi\n');
    expect(() => out.fail(new UserError('x'))).toThrow('x');
  });
});

describe('emitSent', () => {
  const values = ['hi "there"\\', '', 'é\t☃'];
  const batch = { topic: 'client1', lines: linesOf(values), partitions: [0, 1, 0], offsets: new Float64Array([3, 9, 4]) };
  const withoutTime = (text: string) => text.replace(/"time":"[^"]*"/g, '"time":""');

  it('writes, line for line, what emit writes for the same sent events (JSON and human)', () => {
    for (const json of [true, false]) {
      const one = capture();
      const all = capture();
      const single = createEmitter({ json, stdout: one.stream, stderr: capture().stream });
      values.forEach((value, i) => single.emit({ type: 'sent', topic: batch.topic, partition: batch.partitions[i]!, offset: batch.offsets[i]!, value }));
      createEmitter({ json, stdout: all.stream, stderr: capture().stream }).emitSent(batch);
      expect(withoutTime(all.text())).toBe(withoutTime(one.text()));
    }
  });

  it('writes the first `limit` messages only, and nothing for a limit of 0 or less', () => {
    const two = capture();
    createEmitter({ json: false, stdout: two.stream, stderr: capture().stream }).emitSent(batch, 2);
    expect(two.text()).toBe('sent client1[0]@3: hi "there"\\\nsent client1[1]@9: \n');
    const none = capture();
    const emitter = createEmitter({ json: true, stdout: none.stream, stderr: capture().stream });
    emitter.emitSent(batch, 0);
    emitter.emitSent(batch, -4);
    expect(none.text()).toBe('');
  });
});

describe('waitUnlessStopped', () => {
  it('reports whether the whole wait passed or a stop cut it short', async () => {
    expect(await waitUnlessStopped(5, new AbortController().signal)).toBe(true);
    const stop = new AbortController();
    const waiting = waitUnlessStopped(60_000, stop.signal);
    stop.abort();
    expect(await waiting).toBe(false);
  });
});
