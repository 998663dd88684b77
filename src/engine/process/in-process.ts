/**
 * `check`'s way of starting lesson programs: the same program functions as
 * `kafka-tutor consume|consume-commit|produce --json`, run inside this process
 * with the profile `check` opened once, behind the same `ProgramHandle`. Its
 * JSON lines are parsed like a child's stdout, so the events are the same.
 * A stop is a child's SIGTERM (leave the group, commit nothing more, `stopped`);
 * SIGKILL is refused: a program in this process cannot vanish without leaving.
 */
import { PassThrough, Writable } from 'node:stream';
import { parseEvent } from '../../kafka/events.js';
import { parseProgramArgs, type ProgramOptions } from '../../kafka/programs/args.js';
import { consumeCommit } from '../../kafka/programs/consume-commit.js';
import { consume } from '../../kafka/programs/consume.js';
import { produce } from '../../kafka/programs/produce.js';
import { createEmitter, stopOnAbort, STOP_GRACE_MS, type OpenedProfile, type ProgramIO } from '../../kafka/programs/runtime.js';
import type { StartProgram } from '../programs.js';
import { ProgramHandle } from './handle.js';

/** A child's exit codes: a bug, bad arguments, and the forced exit after SIGTERM (128 + 15). */
const EXIT_BUG = 70;
const EXIT_USAGE = 1;
const EXIT_FORCED = 143;

/** Each write is one whole line (the emitter writes one per event). */
function lineWriter(onText: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      onText(chunk.toString());
      done();
    },
  });
}

function run(parsed: ProgramOptions, io: ProgramIO): Promise<number> {
  if (parsed.kind === 'consume') return consume(parsed.options, io);
  if (parsed.kind === 'consume-commit') return consumeCommit(parsed.options, io);
  return produce(parsed.options, io);
}

/**
 * A `StartProgram` that runs programs in this process against `opened`. The
 * environment the engine passes (the profile for a child) is not read: `opened` is that profile.
 *
 * @example
 *   const startProgram = inProcessStarter(await loadProfile(flags));
 *   const consumer = startProgram('consume', ['client1', '--group', 'client1-g', '--json'], { env: {} });
 */
export function inProcessStarter(opened: OpenedProfile, graceMs = STOP_GRACE_MS): StartProgram {
  const open = async () => opened;
  return (kind, args) => {
    const abort = new AbortController();
    const input = new PassThrough();
    let forced: NodeJS.Timeout | undefined;
    const handle = new ProgramHandle(kind, {
      pid: undefined,
      kill: (signal) => {
        if (signal === 'SIGKILL') {
          throw new Error(`check runs the ${kind} program inside its own process, so it cannot SIGKILL it (vanish without leaving its group); only the tutor, with real processes, can.`);
        }
        if (abort.signal.aborted) return;
        abort.abort(signal);
        // The child's forced exit: a clean-up that hangs no longer holds the check up (it finishes in the background).
        forced = setTimeout(() => handle.settle(EXIT_FORCED, null), graceMs);
        forced.unref();
      },
      writeLine: (text) => void input.write(`${text}\n`),
      closeInput: () => void input.end(),
    });
    let parsed: ProgramOptions;
    try {
      parsed = parseProgramArgs(kind, args.includes('--json') ? args : [...args, '--json']);
    } catch (error) {
      handle.receiveStderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      queueMicrotask(() => handle.settle(EXIT_USAGE, null));
      return handle;
    }
    if (parsed.kind === 'produce') parsed.options.input = input;
    const out = createEmitter({
      json: true,
      // One write may carry many events (produce writes a batch at once).
      stdout: lineWriter((text) => {
        for (const line of text.split('\n')) {
          const event = parseEvent(line);
          if (event) handle.receive(event);
        }
      }),
      stderr: lineWriter((text) => handle.receiveStderr(text)),
    });
    run(parsed, { out, stop: stopOnAbort(abort.signal), open })
      .catch((error: unknown) => {
        handle.receiveStderr(`${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT_BUG;
      })
      .then((code) => {
        clearTimeout(forced);
        handle.settle(code, null);
      });
    return handle;
  };
}
