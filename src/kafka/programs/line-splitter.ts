/**
 * Input text to lines, a chunk at a time, as node:readline splits them (\n, \r\n or a lone \r
 * ends a line; a last line without one still counts) but a whole chunk per call:
 * piped input arrives 64 KiB at a time, and an event per line was a good part of produce's CPU.
 */
import { StringDecoder } from 'node:string_decoder';

const LINE_END = /\r\n|\n|\r/;

export interface LineSplitter {
  /** The lines completed by this chunk. */
  push(chunk: Buffer | string): string[];
  /** The last line, when the input did not end with a line end. */
  end(): string[];
}

/**
 * A splitter for one input stream (UTF-8, characters split across chunks kept whole).
 *
 * @example
 *   const split = createLineSplitter();
 *   split.push('a\nb'); // ['a']
 *   split.end();        // ['b']
 */
export function createLineSplitter(): LineSplitter {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  return {
    push(chunk) {
      let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
      // A \r at the end may be the first half of \r\n: decide with the next chunk.
      const held = text.endsWith('\r') ? '\r' : '';
      if (held) text = text.slice(0, -1);
      const lines = text.split(LINE_END);
      carry = lines.pop()! + held;
      return lines;
    },
    end() {
      const text = carry + decoder.end();
      carry = '';
      if (text === '') return [];
      const lines = text.split(LINE_END);
      if (lines.at(-1) === '') lines.pop();
      return lines;
    },
  };
}
