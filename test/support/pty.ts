/**
 * The built `kafka-tutor` in a pseudo-terminal (util-linux `script`), typed at
 * like a student would, for tests that also need the tutor's own pid (to kill it).
 *
 * @example
 *   const tutor = startInPty('start simple', { cwd: home, env: { KAFKA_TUTOR_HOME: home } });
 *   await tutor.waitFor('Predict:');
 *   process.kill(await tutor.tutorPid(), 'SIGKILL');
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { childrenOf } from './procfs.js';
import { shownOptions } from './terminal-script.js';

export const BIN = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));
export const KEY = { enter: '\r', down: '\x1b[B', right: '\x1b[C', ctrlC: '\x03' } as const;

export interface PtyTutor {
  screen(): string;
  exited: Promise<number | null>;
  press(keys: string): void;
  /** Moves to the option of the select on screen whose label starts with `label`, and presses Enter. */
  choose(label: string): void;
  /** Resolves once `text` shows after the previous match; kills the tutor and throws after `timeoutMs`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** The pid of the tutor's node process (under `script`). */
  tutorPid(): Promise<number>;
  /** Ends `script` (and with it the terminal). */
  close(): void;
}

/** `env` values that are undefined remove the variable from the tutor's environment. */
export function startInPty(args: string, options: { cwd: string; env: Record<string, string | undefined> }): PtyTutor {
  // stty: a pty made by `script` without a terminal around it has no size; exec: the tutor is the shell's child itself.
  const child: ChildProcess = spawn('script', ['-qfec', `stty cols 110 rows 40; exec node ${BIN} ${args}`, '/dev/null'], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', TERM: 'xterm-256color', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let cursor = 0;
  child.stdout!.on('data', (chunk: Buffer) => (screen += stripVTControlCharacters(chunk.toString())));
  child.stdin!.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    screen: () => screen,
    exited,
    press: (keys) => void child.stdin!.write(keys),
    choose(label) {
      const shown = shownOptions(screen.slice(cursor));
      const place = shown.findIndex((option) => option.startsWith(label));
      if (place < 0) throw new Error(`No option "${label}" on screen; it shows: ${JSON.stringify(shown)}`);
      child.stdin!.write(KEY.down.repeat(place) + KEY.enter);
    },
    async waitFor(text, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const at = screen.indexOf(text, cursor);
        if (at >= 0) {
          cursor = at + text.length;
          await sleep(100);
          return;
        }
        await sleep(50);
      }
      child.kill('SIGKILL');
      throw new Error(`The terminal never showed "${text}". Its end was:\n${screen.slice(-2000)}`);
    },
    async tutorPid() {
      for (let i = 0; i < 200; i += 1) {
        const [pid] = childrenOf(child.pid!);
        if (pid !== undefined) return pid;
        await sleep(25);
      }
      throw new Error('script started no tutor');
    },
    close: () => void child.kill('SIGKILL'),
  };
}
