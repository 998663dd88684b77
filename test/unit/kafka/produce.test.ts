import { describe, expect, it } from 'vitest';
import { assignOffsets } from '../../../src/kafka/batch-producer.js';

describe('assignOffsets', () => {
  it('numbers each partition’s messages from its base offset, in send order', () => {
    const offsets = assignOffsets([0, 1, 0, 1], [
      { partition: 0, baseOffset: '40' },
      { partition: 1, baseOffset: '7' },
    ]);
    expect(offsets).toEqual([40, 7, 41, 8]);
  });
});
