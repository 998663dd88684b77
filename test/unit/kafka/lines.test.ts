import { describe, expect, it } from 'vitest';
import { createLineSplitter, LineQueue, linesOf } from '../../../src/kafka/programs/lines.js';

const splitAll = (chunks: (string | Buffer)[]) => {
  const split = createLineSplitter();
  return [...chunks.flatMap((chunk) => split.push(chunk).texts()), ...split.end().texts()];
};

describe('createLineSplitter', () => {
  it('splits like node:readline: \\n, \\r\\n and a lone \\r end a line; empty lines count', () => {
    expect(splitAll(['a\nb\r\nc\rd\n\ne\n'])).toEqual(['a', 'b', 'c', 'd', '', 'e']);
  });

  it('keeps the last line without a line end, and adds no empty line after a final one', () => {
    expect(splitAll(['a\nlast'])).toEqual(['a', 'last']);
    expect(splitAll(['a\n'])).toEqual(['a']);
    expect(splitAll(['a\r'])).toEqual(['a']);
    expect(splitAll([])).toEqual([]);
  });

  it('joins a line, a \\r\\n and a UTF-8 character split across chunks', () => {
    const euro = Buffer.from('€', 'utf8');
    expect(splitAll(['ab', 'c\r', '\nd', Buffer.from([0x78, euro[0]!]), Buffer.from([euro[1]!, euro[2]!, 0x0a])])).toEqual(['abc', 'dx€']);
  });

  it('keeps each line\'s bytes as they came, even ones that are not UTF-8', () => {
    const split = createLineSplitter();
    const lines = split.push(Buffer.from([0x61, 0xff, 0x62, 0x0a]));
    expect(lines.bytes.subarray(lines.starts[0], lines.ends[0])).toEqual(Buffer.from([0x61, 0xff, 0x62]));
    expect(lines.size(0)).toBe(3);
    expect(lines.text(0)).toBe('a\ufffdb');
  });
});

describe('lines, split anywhere and taken in any sizes', () => {
  it('come out as the text split at its line ends, in order, whatever the chunks and the batch sizes', () => {
    // A fixed pseudo-random sequence, so a failure replays.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const pieces = ['a', 'bc', '€', '\n', '\r\n', '\r', '', 'long line '.repeat(9)];
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: random(60) }, () => pieces[random(pieces.length)]).join('');
      const bytes = Buffer.from(text, 'utf8');
      const expected = text.split(/\r\n|\n|\r/);
      if (expected.at(-1) === '') expected.pop();
      const split = createLineSplitter();
      const queue = new LineQueue();
      for (let at = 0; at < bytes.length; ) {
        const next = Math.min(bytes.length, at + 1 + random(20));
        queue.push(split.push(bytes.subarray(at, next)));
        at = next;
      }
      queue.push(split.end());
      const out: string[] = [];
      while (queue.count > 0) out.push(...queue.take(1 + random(5), 1 + random(40)).texts());
      expect(out, JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('LineQueue', () => {
  it('hands out lines in order, at most so many lines and bytes at a time, across the blocks they came in', () => {
    const queue = new LineQueue();
    queue.push(linesOf(['one', 'two', 'three']));
    queue.push(linesOf([]));
    queue.push(linesOf(['four', 'five']));
    expect(queue.count).toBe(5);
    expect(queue.take(2, 1000).texts()).toEqual(['one', 'two']);
    expect(queue.take(10, 9).texts()).toEqual(['three', 'four']);
    expect(queue.count).toBe(1);
    expect(queue.take(10, 1000).texts()).toEqual(['five']);
    expect(queue.take(10, 1000).count).toBe(0);
  });

  it('gives a line longer than the byte limit a batch of its own rather than none', () => {
    const queue = new LineQueue();
    queue.push(linesOf(['x'.repeat(50), 'y']));
    expect(queue.take(10, 10).texts()).toEqual(['x'.repeat(50)]);
    expect(queue.take(10, 10).texts()).toEqual(['y']);
  });
});
