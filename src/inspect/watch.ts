/**
 * `inspect --watch`: redraws a frame every interval until stopped. On a terminal each
 * frame overwrites the last in place (cursor home, clear to end of line and of screen),
 * so nothing flickers; piped, a frame is printed only when it changed.
 */
import { setTimeout as delay } from 'node:timers/promises';

export const ESC = {
  home: '\u001B[H',
  clearLine: '\u001B[K',
  clearDown: '\u001B[J',
  hideCursor: '\u001B[?25l',
  showCursor: '\u001B[?25h',
} as const;

export interface WatchTerminal {
  write(text: string): void;
  /** True for a terminal (redraw in place); false when piped to a file or a program. */
  readonly tty: boolean;
}

export interface WatchOptions {
  /** Draws one frame; a thrown error ends the watch (draw errors into the frame to keep going). */
  draw: () => Promise<string>;
  terminal: WatchTerminal;
  intervalMs: number;
  /** Aborted on Ctrl-C: the loop ends after the current frame. */
  signal: AbortSignal;
  /** The clock, replaceable in tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const sleepUnlessAborted = (ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }).catch(() => undefined);

/** The bytes that turn the previous frame into `frame` without blanking the screen first. */
export function redrawFrame(frame: string): string {
  return `${ESC.home}${frame.split('\n').map((line) => `${line}${ESC.clearLine}`).join('\n')}\n${ESC.clearDown}`;
}

/**
 * Draws frames until `signal` aborts; always shows the cursor again at the end.
 * Returns how many frames were drawn.
 *
 * @example
 *   const stop = new AbortController();
 *   process.once('SIGINT', () => stop.abort());
 *   await watchFrames({ draw: () => drawPicture(), terminal: { write: (s) => process.stdout.write(s), tty: true }, intervalMs: 1000, signal: stop.signal });
 */
export async function watchFrames(options: WatchOptions): Promise<number> {
  const { terminal, signal } = options;
  const sleep = options.sleep ?? sleepUnlessAborted;
  let frames = 0;
  let previous: string | undefined;
  // The first frame clears the screen once; later frames overwrite in place.
  if (terminal.tty) terminal.write(`${ESC.hideCursor}${ESC.home}${ESC.clearDown}`);
  try {
    while (!signal.aborted) {
      const frame = await options.draw();
      if (signal.aborted) break;
      if (terminal.tty) terminal.write(redrawFrame(frame));
      else if (frame !== previous) terminal.write(`${frame}\n\n`);
      previous = frame;
      frames++;
      await sleep(options.intervalMs, signal);
    }
  } finally {
    if (terminal.tty) terminal.write(ESC.showCursor);
  }
  return frames;
}
