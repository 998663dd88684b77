/**
 * Starts a kafka-tutor lesson program as a child process and reads its
 * `--json` events line by line. Children die with `check` (execa's cleanup),
 * so no consumer outlives it.
 */
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { parseEvent, type ProgramEvent } from '../kafka/events.js';
import type { RunningProgram } from '../engine/programs.js';
import type { ProgramKind } from '../engine/types.js';

/** bin/ sits two levels above both src/check/ and dist/check/. */
export const BIN_PATH = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));

/**
 * @example
 *   const p = spawnProgram('consume', ['client1', '--json'], { env: process.env });
 *   p.onEvent((e) => console.log(e.type));
 *   await p.stop('SIGTERM');
 */
export function spawnProgram(kind: ProgramKind, args: string[], options: { env: Record<string, string> }): RunningProgram {
  const child = execa(process.execPath, [BIN_PATH, kind, ...args], {
    env: options.env,
    extendEnv: false,
    stdin: 'ignore',
    stderr: 'pipe',
    reject: false,
    cleanup: true,
    lines: false,
    buffer: false,
  });
  const listeners: ((event: ProgramEvent) => void)[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const event = parseEvent(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      if (event) listeners.forEach((listen) => listen(event));
    }
  });
  child.stderr?.resume();
  const exited = child.then(() => undefined, () => undefined);
  return {
    onEvent: (listener) => void listeners.push(listener),
    exited,
    async stop(signal) {
      child.kill(signal);
      await exited;
    },
  };
}
