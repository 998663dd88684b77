import { describe, expect, it } from 'vitest';
import { assignOffsets } from '../../../src/kafka/batch-producer.js';

describe('assignOffsets', () => {
  it('numbers each partition’s messages from its base offset, in send order', () => {
    const facts = assignOffsets('client1', ['a', 'b', 'c', 'd'], [0, 1, 0, 1], [
      { partition: 0, baseOffset: '40' },
      { partition: 1, baseOffset: '7' },
    ]);
    expect(facts.map((f) => `${f.value}:${f.partition}@${f.offset}`)).toEqual(['a:0@40', 'b:1@7', 'c:0@41', 'd:1@8']);
  });
});
