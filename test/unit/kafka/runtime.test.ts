import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { createEmitter, waitUnlessStopped } from '../../../src/kafka/programs/runtime.js';

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
  it('writes, line for line, what emit writes for the same sent events (JSON and human)', () => {
    const facts = [
      { topic: 'client1', partition: 0, offset: 3, value: 'hi "there"\\' },
      { topic: 'client1', partition: 1, offset: 9, value: '' },
      { topic: 'client1-x', partition: 0, offset: 0, value: 'é\t☃' },
    ];
    for (const json of [true, false]) {
      const one = capture();
      const batch = capture();
      const single = createEmitter({ json, stdout: one.stream, stderr: capture().stream });
      facts.forEach((f) => single.emit({ type: 'sent', ...f }));
      createEmitter({ json, stdout: batch.stream, stderr: capture().stream }).emitSent(facts);
      const withoutTime = (text: string) => text.replace(/"time":"[^"]*"/g, '"time":""');
      expect(withoutTime(batch.text())).toBe(withoutTime(one.text()));
    }
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
