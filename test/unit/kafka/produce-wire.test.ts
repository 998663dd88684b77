import { describe, expect, it } from 'vitest';
import { crc32c, encodeProduceBody } from '../../../src/kafka/produce-wire.js';
import { linesOf } from '../../../src/kafka/programs/lines.js';

describe('produce-wire', () => {
  it('computes CRC-32C (the check value of "123456789")', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('agrees with the bit-by-bit CRC-32C on any length and start', () => {
    const bitwise = (bytes: Uint8Array) => {
      let crc = 0xffffffff;
      for (const byte of bytes) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
      }
      return (crc ^ 0xffffffff) >>> 0;
    };
    const bytes = Buffer.from(Array.from({ length: 1037 }, (_, i) => (i * 131 + 7) & 0xff));
    for (const [start, end] of [[0, 1037], [3, 1000], [5, 12], [0, 0]] as const) expect(crc32c(bytes, start, end)).toBe(bitwise(bytes.subarray(start, end)));
  });

  it('writes one record batch per partition whose length and CRC cover exactly its records', () => {
    const body = encodeProduceBody('t', [{ partition: 2, lines: linesOf(['héllo', '']) }], { acks: -1, timeoutMs: 30_000, timestamp: 1000 });
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

  it('writes only the picked lines, in the order picked, with their bytes as they are', () => {
    const lines = linesOf(['zero', 'one', 'a longer line, longer than the short-line copy loop handles', 'three']);
    const body = encodeProduceBody('t', [{ partition: 0, lines, picks: [2, 0] }], { acks: -1, timeoutMs: 30_000, timestamp: 1000 });
    const batchAt = 2 + 2 + 4 + 4 + 2 + 1 + 4 + 4 + 4;
    expect(body.readInt32BE(batchAt + 57)).toBe(2);
    const records = body.subarray(batchAt + 61).toString('latin1');
    expect(records.indexOf('a longer line')).toBeGreaterThan(-1);
    expect(records.indexOf('zero')).toBeGreaterThan(records.indexOf('a longer line'));
    expect(records).not.toContain('one');
    expect(records).not.toContain('three');
  });
});
