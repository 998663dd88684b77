import { describe, expect, it } from 'vitest';
import { crc32c, encodeProduceBody } from '../../../src/kafka/produce-wire.js';

describe('produce-wire', () => {
  it('computes CRC-32C (the check value of "123456789")', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('writes one record batch per partition whose length and CRC cover exactly its records', () => {
    const body = encodeProduceBody('t', [{ partition: 2, values: ['héllo', ''], sizes: [6, 0] }], { acks: -1, timeoutMs: 30_000, timestamp: 1000 });
    // acks, timeout, one topic "t", one partition 2, then the batch's size and the batch itself.
    expect(body.readInt16BE(2)).toBe(-1);
    const batchAt = 2 + 2 + 4 + 4 + 2 + 1 + 4 + 4 + 4;
    expect(body.readInt32BE(batchAt - 8)).toBe(2);
    expect(body.readInt32BE(batchAt - 4)).toBe(body.length - batchAt);
    expect(body.readInt32BE(batchAt + 8)).toBe(body.length - batchAt - 12);
    expect(body.readUInt32BE(batchAt + 17)).toBe(crc32c(body, batchAt + 21));
    expect(body.readInt32BE(batchAt + 57)).toBe(2);
    expect(body.subarray(batchAt + 61).includes(Buffer.from('héllo'))).toBe(true);
  });
});
