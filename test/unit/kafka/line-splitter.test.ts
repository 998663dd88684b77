import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../../src/kafka/programs/line-splitter.js';

const splitAll = (chunks: (string | Buffer)[]) => {
  const split = createLineSplitter();
  return [...chunks.flatMap((chunk) => split.push(chunk)), ...split.end()];
};

describe('createLineSplitter', () => {
  it('splits like node:readline: \\n, \\r\\n and a lone \\r end a line; empty lines count', () => {
    expect(splitAll(['a\nb\r\nc\rd\n\ne\n'])).toEqual(['a', 'b', 'c', 'd', '', 'e']);
  });

  it('keeps the last line without a line end, and adds no empty line after a final one', () => {
    expect(splitAll(['a\nlast'])).toEqual(['a', 'last']);
    expect(splitAll(['a\n'])).toEqual(['a']);
    expect(splitAll([])).toEqual([]);
  });

  it('joins a line, a \\r\\n and a UTF-8 character split across chunks', () => {
    const euro = Buffer.from('€', 'utf8');
    expect(splitAll(['ab', 'c\r', '\nd', Buffer.from([0x78, euro[0]!]), Buffer.from([euro[1]!, euro[2]!, 0x0a])])).toEqual(['abc', 'dx€']);
  });
});
