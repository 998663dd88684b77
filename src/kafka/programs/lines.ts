/**
 * Input lines as bytes: what `produce` reads, queues and sends. A line is a byte range of a
 * buffer, never a string of its own, until someone has to read it (a `--json` event, a
 * confirmation on the terminal): a pipe of 200,000 lines then costs a few buffers, not
 * 200,000 strings to decode, keep, measure and encode again. The bytes go to Kafka as they came.
 */

/** Lines that share one buffer: line `i` is `bytes[starts[i], ends[i])`, its line end excluded. */
export class Lines {
  constructor(
    readonly bytes: Buffer,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
  ) {}

  get count(): number {
    return this.starts.length;
  }

  /** Line `i`'s length in bytes (what Kafka stores). */
  size(i: number): number {
    return this.ends[i]! - this.starts[i]!;
  }

  /** Line `i` as text (UTF-8; a byte that is not becomes U+FFFD here, never on the wire). */
  text(i: number): string {
    return this.bytes.toString('utf8', this.starts[i], this.ends[i]);
  }

  texts(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.text(i));
  }
}

const NONE = new Lines(Buffer.alloc(0), new Int32Array(0), new Int32Array(0));

/**
 * Lines holding `texts`, one each.
 *
 * @example
 *   linesOf(['a', 'é']).size(1) // 2
 */
export function linesOf(texts: readonly string[]): Lines {
  const bytes = Buffer.from(texts.join('\n'), 'utf8');
  const starts = new Int32Array(texts.length);
  const ends = new Int32Array(texts.length);
  let at = 0;
  texts.forEach((text, i) => {
    starts[i] = at;
    at += Buffer.byteLength(text, 'utf8');
    ends[i] = at;
    at += 1;
  });
  return new Lines(bytes, starts, ends);
}

export interface LineSplitter {
  /** The lines completed by this chunk. */
  push(chunk: Buffer | string): Lines;
  /** The last line, when the input did not end with a line end. */
  end(): Lines;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * A splitter for one input stream, as node:readline splits (\n, \r\n or a lone \r ends a line;
 * a last line without one still counts), a whole chunk per call. UTF-8 needs no care: its
 * multi-byte characters never hold the bytes of \n or \r.
 *
 * @example
 *   const split = createLineSplitter();
 *   split.push('a\nb').texts(); // ['a']
 *   split.end().texts();        // ['b']
 */
export function createLineSplitter(): LineSplitter {
  let carry: Buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      const input = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      const bytes = carry.length > 0 ? Buffer.concat([carry, input]) : input;
      const starts: number[] = [];
      const ends: number[] = [];
      let start = 0;
      const length = bytes.length;
      for (let i = 0; i < length; i++) {
        const byte = bytes[i]!;
        if (byte !== LF && byte !== CR) continue;
        // A \r at the end may be the first half of \r\n: decide with the next chunk.
        if (byte === CR && i + 1 === length) break;
        starts.push(start);
        ends.push(i);
        if (byte === CR && bytes[i + 1] === LF) i++;
        start = i + 1;
      }
      carry = bytes.subarray(start);
      return starts.length === 0 ? NONE : new Lines(bytes, Int32Array.from(starts), Int32Array.from(ends));
    },
    end() {
      const rest = carry;
      carry = Buffer.alloc(0);
      if (rest.length === 0) return NONE;
      const end = rest[rest.length - 1] === CR ? rest.length - 1 : rest.length;
      return new Lines(rest, Int32Array.of(0), Int32Array.of(end));
    },
  };
}

/**
 * Lines waiting to be sent, in order, taken a batch at a time.
 *
 * @example
 *   const queue = new LineQueue();
 *   queue.push(linesOf(['a', 'b', 'c']));
 *   queue.take(2, 1000).texts(); // ['a', 'b']
 */
export class LineQueue {
  #blocks: Lines[] = [];
  /** Lines of the first block already taken. */
  #taken = 0;
  #count = 0;

  get count(): number {
    return this.#count;
  }

  push(lines: Lines): void {
    if (lines.count === 0) return;
    this.#blocks.push(lines);
    this.#count += lines.count;
  }

  /** The next lines: at most `maxLines`, and about `maxBytes` at most (line ends counted) unless one line alone is longer. */
  take(maxLines: number, maxBytes: number): Lines {
    const parts: { block: Lines; from: number; to: number }[] = [];
    let lines = 0;
    let bytes = 0;
    while (this.#blocks.length > 0 && lines < maxLines) {
      const block = this.#blocks[0]!;
      const from = this.#taken;
      const to = lastFitting(block, from, Math.min(block.count, from + maxLines - lines), maxBytes - bytes, lines === 0);
      if (to > from) {
        parts.push({ block, from, to });
        lines += to - from;
        bytes += block.ends[to - 1]! - block.starts[from]!;
      }
      if (to < block.count) {
        this.#taken = to;
        break;
      }
      this.#blocks.shift();
      this.#taken = 0;
    }
    this.#count -= lines;
    return joinParts(parts, lines);
  }
}

/** The end (exclusive) of the longest run of lines from `from`, up to `limit`, within `budget` bytes (binary search: ends grow). */
function lastFitting(block: Lines, from: number, limit: number, budget: number, atLeastOne: boolean): number {
  const { starts, ends } = block;
  const first = starts[from]!;
  if (ends[limit - 1]! - first <= budget) return limit;
  let lo = from - 1;
  let hi = limit - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ends[mid]! - first <= budget) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(lo + 1, atLeastOne ? from + 1 : from);
}

/** One Lines of the taken parts: views of one block's arrays when they come from one, else one copy. */
function joinParts(parts: { block: Lines; from: number; to: number }[], count: number): Lines {
  if (count === 0) return NONE;
  if (parts.length === 1) {
    const { block, from, to } = parts[0]!;
    return new Lines(block.bytes, block.starts.subarray(from, to), block.ends.subarray(from, to));
  }
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const regions: Buffer[] = [];
  let base = 0;
  let k = 0;
  for (const { block, from, to } of parts) {
    const first = block.starts[from]!;
    const last = block.ends[to - 1]!;
    for (let i = from; i < to; i++, k++) {
      starts[k] = block.starts[i]! - first + base;
      ends[k] = block.ends[i]! - first + base;
    }
    regions.push(block.bytes.subarray(first, last));
    base += last - first;
  }
  return new Lines(Buffer.concat(regions), starts, ends);
}
