/**
 * The bytes of a Kafka Produce request (v7, acks and timeout as kafkajs sends them) holding
 * record batches (magic 2, uncompressed, no keys or headers), and the offsets in its response.
 * kafkajs builds a few objects and buffers per message and groups messages in quadratic time;
 * this writes a whole request into one buffer, so piped `produce` keeps up with kcat.
 * Wire formats: https://kafka.apache.org/protocol#The_Messages_Produce and the RecordBatch docs.
 */

import type { Lines } from './programs/lines.js';

export const PRODUCE_API_KEY = 0;
/** v3–v8 share the request layout; v7 is what kafkajs 2.2 uses, and Kafka 4 still accepts v3 and up. */
export const PRODUCE_API_VERSION = 7;

/** One partition's messages in one request: the lines `picks` names (all of them when absent), in that order. */
export interface PartitionValues {
  partition: number;
  lines: Lines;
  picks?: readonly number[] | undefined;
}

/** One partition's answer: 0 and the offset of its first message, or a Kafka error code. */
export interface PartitionResult {
  partition: number;
  errorCode: number;
  baseOffset: number;
}

// Slicing-by-8 tables: eight bytes per step (a 200,000-line pipe is a few MB to checksum).
const CRC32C_TABLES = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const base = tables[0]!;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    base[n] = c >>> 0;
  }
  for (let t = 1; t < 8; t++) for (let n = 0; n < 256; n++) tables[t]![n] = (tables[t - 1]![n]! >>> 8) ^ base[tables[t - 1]![n]! & 0xff]!;
  return tables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
})();

/**
 * CRC-32C (Castagnoli), the checksum of a record batch.
 *
 * @example
 *   crc32c(Buffer.from('123456789')) // 0xe3069283
 */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC32C_TABLES;
  let crc = 0xffffffff;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const lo = (crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
    const hi = bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24);
    crc = t7[lo & 0xff]! ^ t6[(lo >>> 8) & 0xff]! ^ t5[(lo >>> 16) & 0xff]! ^ t4[lo >>> 24]! ^ t3[hi & 0xff]! ^ t2[(hi >>> 8) & 0xff]! ^ t1[(hi >>> 16) & 0xff]! ^ t0[(hi >>> 24) & 0xff]!;
  }
  for (; i < end; i++) crc = t0[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const varintSize = (n: number) => {
  let value = zigzag(n);
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
};

/** A tiny cursor over one preallocated buffer. */
class Writer {
  offset = 0;
  constructor(readonly buffer: Buffer) {}
  int8(n: number) {
    this.offset = this.buffer.writeInt8(n, this.offset);
  }
  int16(n: number) {
    this.offset = this.buffer.writeInt16BE(n, this.offset);
  }
  int32(n: number) {
    this.offset = this.buffer.writeInt32BE(n, this.offset);
  }
  int64(n: number) {
    this.offset = this.buffer.writeBigInt64BE(BigInt(n), this.offset);
  }
  varint(n: number) {
    let value = n >= 0 ? n * 2 : -n * 2 - 1;
    while (value >= 0x80) {
      this.buffer[this.offset++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    this.buffer[this.offset++] = value;
  }
  bytes(bytes: Buffer, start = 0, end = bytes.length) {
    // A short line is copied here: cheaper than a native call per line.
    if (end - start < 48) for (let i = start; i < end; i++) this.buffer[this.offset++] = bytes[i]!;
    else this.offset += bytes.copy(this.buffer, this.offset, start, end);
  }
}

// baseOffset, batchLength, leaderEpoch, magic, crc, attributes, lastOffsetDelta, 2 timestamps, producerId, epoch, sequence, count
const BATCH_HEADER = 8 + 4 + 4 + 1 + 4 + 2 + 4 + 8 + 8 + 8 + 2 + 4 + 4;
const recordBodySize = (valueSize: number, offsetDelta: number) => 1 + 1 + varintSize(offsetDelta) + 1 + varintSize(valueSize) + valueSize + 1;

const countOf = ({ lines, picks }: PartitionValues) => (picks ? picks.length : lines.count);
const lineAt = ({ picks }: PartitionValues, k: number) => (picks ? picks[k]! : k);

function batchSize(p: PartitionValues): number {
  let size = BATCH_HEADER;
  for (let k = 0, count = countOf(p); k < count; k++) {
    const body = recordBodySize(p.lines.size(lineAt(p, k)), k);
    size += varintSize(body) + body;
  }
  return size;
}

function writeBatch(w: Writer, p: PartitionValues, timestamp: number): void {
  const { lines } = p;
  const count = countOf(p);
  const start = w.offset;
  w.int64(0);
  w.int32(0); // batchLength, filled in below
  w.int32(-1);
  w.int8(2);
  const crcAt = w.offset;
  w.int32(0); // crc, filled in below
  const crcFrom = w.offset;
  w.int16(0); // no compression, CreateTime, not transactional
  w.int32(count - 1);
  w.int64(timestamp);
  w.int64(timestamp);
  w.int64(-1); // no producer id: not idempotent, as kafkajs by default
  w.int16(-1);
  w.int32(-1);
  w.int32(count);
  for (let k = 0; k < count; k++) {
    const line = lineAt(p, k);
    const size = lines.size(line);
    w.varint(recordBodySize(size, k));
    w.buffer[w.offset++] = 0; // attributes
    w.buffer[w.offset++] = 0; // timestamp delta (varint 0)
    w.varint(k); // offset delta
    w.buffer[w.offset++] = 1; // no key (varint -1)
    w.varint(size);
    w.bytes(lines.bytes, lines.starts[line]!, lines.ends[line]!);
    w.buffer[w.offset++] = 0; // no headers (varint 0)
  }
  w.buffer.writeInt32BE(w.offset - start - 12, start + 8);
  w.buffer.writeUInt32BE(crc32c(w.buffer, crcFrom, w.offset), crcAt);
}

/**
 * The body of a Produce request (after the request header) for one topic.
 *
 * @example
 *   encodeProduceBody('client1', [{ partition: 0, lines: linesOf(['hi']) }], { acks: -1, timeoutMs: 30000, timestamp: Date.now() })
 */
export function encodeProduceBody(topic: string, partitions: PartitionValues[], options: { acks: number; timeoutMs: number; timestamp: number }): Buffer {
  const name = Buffer.from(topic, 'utf8');
  const sizes = partitions.map(batchSize);
  const total = 2 + 2 + 4 + 4 + 2 + name.length + 4 + sizes.reduce((sum, size) => sum + 4 + 4 + size, 0);
  const w = new Writer(Buffer.allocUnsafe(total));
  w.int16(-1); // no transactional id
  w.int16(options.acks);
  w.int32(options.timeoutMs);
  w.int32(1);
  w.int16(name.length);
  w.bytes(name);
  w.int32(partitions.length);
  partitions.forEach((p, i) => {
    w.int32(p.partition);
    w.int32(sizes[i]!);
    writeBatch(w, p, options.timestamp);
  });
  return w.buffer;
}

/**
 * The partitions' results in a Produce response body (v5–v7 layout, after the correlation id).
 *
 * @example
 *   decodeProduceBody(body) // [{ partition: 0, errorCode: 0, baseOffset: 41 }]
 */
export function decodeProduceBody(body: Buffer): PartitionResult[] {
  let at = 0;
  const results: PartitionResult[] = [];
  const topics = body.readInt32BE(at);
  at += 4;
  for (let t = 0; t < topics; t++) {
    at += 2 + body.readInt16BE(at);
    const partitions = body.readInt32BE(at);
    at += 4;
    for (let p = 0; p < partitions; p++) {
      results.push({ partition: body.readInt32BE(at), errorCode: body.readInt16BE(at + 4), baseOffset: Number(body.readBigInt64BE(at + 6)) });
      at += 4 + 2 + 8 + 8 + 8; // partition, error, base offset, log append time, log start offset
    }
  }
  return results;
}
