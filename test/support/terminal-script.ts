/**
 * A scripted terminal for engine tests: real @clack/prompts on in-memory
 * streams. The test waits for screen text, then types keys, like a student.
 *
 * @example
 *   const script = scriptTerminal();
 *   const done = runTutor({ ...options, terminal: script.terminal });
 *   await script.waitFor('Which lesson?');
 *   script.press(KEYS.enter);
 */
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { createTerminal, type Terminal } from '../../src/ui/terminal.js';

export const KEYS = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03', left: '\x1b[D', right: '\x1b[C' } as const;

export interface TerminalScript {
  terminal: Terminal;
  /** Everything shown so far, without colours and cursor moves. */
  screen(): string;
  /** Resolves once `text` appears after the previous match; fails the test after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  press(...keys: string[]): void;
  /** Types a line and presses Enter. */
  type(line: string): void;
  /** The options of the select prompt on screen after the last match, in the order shown. */
  options(): string[];
  /** Moves down to the option whose label starts with `label`, presses Enter, and returns its place (0 = first shown). */
  choose(label: string): number;
}

// A select prompt's option lines: "●" marks the active one, "○" the others.
const OPTION_LINE = /^[│|]?\s*[●○] (.+?)\s*$/gm;

/**
 * The options of the first select prompt in `text`, in the order shown.
 *
 * @example
 *   shownOptions('│  ● Yes\n│  ○ No\n└') // ['Yes', 'No']
 */
export function shownOptions(text: string): string[] {
  const labels: string[] = [];
  for (const [, label] of text.matchAll(OPTION_LINE)) {
    // A key press re-renders the prompt: stop where its options start over.
    if (labels.includes(label!)) break;
    labels.push(label!);
  }
  return labels;
}

export function scriptTerminal(): TerminalScript {
  const input = new PassThrough();
  let raw = '';
  let cursor = 0;
  const wakers = new Set<() => void>();
  const output = new Writable({
    write(chunk, _encoding, callback) {
      raw += chunk.toString();
      wakers.forEach((wake) => wake());
      callback();
    },
  });
  Object.assign(output, { columns: 120, rows: 40 });
  const screen = () => stripVTControlCharacters(raw);
  const find = (text: string | RegExp) => {
    const rest = screen().slice(cursor);
    const index = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
    if (index < 0) return undefined;
    const length = typeof text === 'string' ? text.length : (rest.slice(index).match(text)?.[0].length ?? 0);
    cursor += index + length;
    return rest.slice(0, index + length);
  };
  return {
    terminal: createTerminal({ input, output }),
    screen,
    waitFor: (text, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const seen = find(text);
          if (seen === undefined) return;
          clearTimeout(timer);
          wakers.delete(check);
          // Let the prompt finish rendering and attach its key handlers before the test types.
          setTimeout(() => resolve(seen), 30);
        };
        const timer = setTimeout(() => {
          wakers.delete(check);
          reject(new Error(`The screen never showed ${String(text)}. Its end was:\n${screen().slice(-1500)}`));
        }, timeoutMs);
        wakers.add(check);
        check();
      }),
    press: (...keys) => keys.forEach((key) => input.write(key)),
    type: (line) => input.write(`${line}\r`),
    options: () => shownOptions(screen().slice(cursor)),
    choose(label) {
      const shown = shownOptions(screen().slice(cursor));
      const place = shown.findIndex((option) => option.startsWith(label));
      if (place < 0) throw new Error(`No option "${label}" on screen; it shows: ${JSON.stringify(shown)}`);
      input.write(KEYS.down.repeat(place) + KEYS.enter);
      return place;
    },
  };
}
