/** --watch with a fake terminal and a fake clock: frames redraw in place and Ctrl-C ends cleanly. */
import { describe, expect, it } from 'vitest';
import { ESC, redrawFrame, watchFrames } from '../../../src/inspect/watch.js';
import { shouldColor } from '../../../src/inspect/run.js';

function fakeTerminal(tty: boolean) {
  const writes: string[] = [];
  return { terminal: { tty, write: (text: string) => void writes.push(text) }, writes };
}

/** Draws `frames` in turn and asks to stop after the last one, as Ctrl-C would. */
function scripted(frames: string[], stop: AbortController) {
  let i = 0;
  const sleeps: number[] = [];
  return {
    draw: async () => frames[Math.min(i++, frames.length - 1)] ?? '',
    sleep: async (ms: number) => {
      sleeps.push(ms);
      if (i >= frames.length) stop.abort();
    },
    sleeps,
  };
}

describe('watchFrames', () => {
  it('on a terminal, overwrites each frame in place and shows the cursor again after Ctrl-C', async () => {
    const stop = new AbortController();
    const { terminal, writes } = fakeTerminal(true);
    const script = scripted(['frame one\nline 2', 'frame two'], stop);
    const frames = await watchFrames({ draw: script.draw, sleep: script.sleep, terminal, intervalMs: 1000, signal: stop.signal });
    expect(frames).toBe(2);
    expect(script.sleeps).toEqual([1000, 1000]);
    expect(writes[0]).toBe(`${ESC.hideCursor}${ESC.home}${ESC.clearDown}`);
    expect(writes[1]).toBe(redrawFrame('frame one\nline 2'));
    // The second frame starts from the top and clears what the longer first frame left below.
    expect(writes[2]).toBe(`${ESC.home}frame two${ESC.clearLine}\n${ESC.clearDown}`);
    expect(writes.at(-1)).toBe(ESC.showCursor);
  });

  it('never clears the whole screen between frames (no flicker)', async () => {
    const stop = new AbortController();
    const { terminal, writes } = fakeTerminal(true);
    const script = scripted(['a', 'b', 'c'], stop);
    await watchFrames({ draw: script.draw, sleep: script.sleep, terminal, intervalMs: 10, signal: stop.signal });
    expect(writes.slice(1).join('')).not.toContain('\u001B[2J');
  });

  it('piped to a file, prints a frame only when it changed and writes no escape codes', async () => {
    const stop = new AbortController();
    const { terminal, writes } = fakeTerminal(false);
    const script = scripted(['same', 'same', 'new'], stop);
    await watchFrames({ draw: script.draw, sleep: script.sleep, terminal, intervalMs: 10, signal: stop.signal });
    expect(writes).toEqual(['same\n\n', 'new\n\n']);
  });

  it('shows the cursor again when drawing fails', async () => {
    const { terminal, writes } = fakeTerminal(true);
    const failing = watchFrames({ draw: () => Promise.reject(new Error('boom')), terminal, intervalMs: 10, signal: new AbortController().signal });
    await expect(failing).rejects.toThrow('boom');
    expect(writes.at(-1)).toBe(ESC.showCursor);
  });
});

describe('shouldColor', () => {
  it('colours a terminal, not a pipe, and never with NO_COLOR', () => {
    expect(shouldColor({ isTTY: true }, {})).toBe(true);
    expect(shouldColor({ isTTY: false }, {})).toBe(false);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
  });
});
