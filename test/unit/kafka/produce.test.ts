import { describe, expect, it } from 'vitest';
import type { Message } from 'kafkajs';
import { assignOffsets } from '../../../src/kafka/programs/produce.js';

describe('assignOffsets', () => {
  it('numbers each partition’s messages from its base offset, in send order', () => {
    const messages: Message[] = ['a', 'b', 'c', 'd'].map((value) => ({ value }));
    const chosen = new Map<Message, number>(messages.map((m, i) => [m, i % 2]));
    const facts = assignOffsets('client1', messages, chosen, [
      { partition: 0, baseOffset: '40' },
      { partition: 1, baseOffset: '7' },
    ]);
    expect(facts.map((f) => `${f.value}:${f.partition}@${f.offset}`)).toEqual(['a:0@40', 'b:1@7', 'c:0@41', 'd:1@8']);
  });
});
