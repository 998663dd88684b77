/**
 * Starts a lesson program (`kafka-tutor produce|consume|consume-commit … --json`)
 * as a child process and wraps it in a `ProgramHandle`.
 */
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { parseEvent } from '../../kafka/events.js';
import { packagePath } from '../../package-root.js';
import type { ClusterProfile } from '../../profile/types.js';
import type { Secret } from '../../profile/secret.js';
import { childEnvironment } from './child-env.js';
import { ProgramHandle, type ProgramKind } from './handle.js';
import { registerProgram } from './registry.js';

/** The package's bin/, which children run like a user would. */
export const BIN_PATH = packagePath('bin', 'kafka-tutor.js');

export interface StartOptions {
  /** The child's profile (see `profileEnv`), never in args; added to the few variables a child needs (child-env.ts). */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/**
 * The environment that gives a child program the same profile: bootstrap,
 * credentials folder or config file, client id, and the password (never argv).
 *
 * @example
 *   startProgram('consume', ['client1'], { env: profileEnv(profile, password) });
 */
export function profileEnv(profile: ClusterProfile, password?: Secret): Record<string, string> {
  const env: Record<string, string> = { KAFKA_TUTOR_BOOTSTRAP: profile.brokers.join(',') };
  // A config file may place ca.crt and the keystore apart: then it, not a folder, says where they are.
  if (profile.configFile) env.KAFKA_TUTOR_CONFIG = profile.configFile;
  if (profile.sources.authDir !== 'config') env.KAFKA_TUTOR_AUTH = profile.authDir;
  if (profile.clientId) env.KAFKA_TUTOR_CLIENT_ID = profile.clientId;
  const secret = password ?? profile.password;
  if (secret) env.KAFKA_TUTOR_PASSWORD = secret.reveal();
  return env;
}

/**
 * Starts `kafka-tutor <kind> <args…> --json` and returns its handle. The child
 * is its own process group (so it can be stopped as a whole, and a Ctrl-C in
 * the terminal reaches the tutor, which decides), watches this process and
 * exits when it is gone (watch-parent.ts), gets only the environment it needs,
 * and is registered so that it is stopped when the tutor exits.
 *
 * @example
 *   const producer = startProgram('produce', ['client1']);
 *   producer.writeLine('hello');
 *   await producer.waitFor((e) => e.type === 'sent', { timeoutMs: 10_000, what: 'the message to be sent' });
 */
export function startProgram(kind: ProgramKind, args: string[], options: StartOptions = {}): ProgramHandle {
  const password = options.env?.KAFKA_TUTOR_PASSWORD ?? process.env.KAFKA_TUTOR_PASSWORD;
  if (password && password.length >= 3 && args.some((arg) => arg.includes(password))) {
    throw new Error('A keystore password must never be passed as an argument (visible in ps): pass it in KAFKA_TUTOR_PASSWORD.');
  }
  const json = args.includes('--json') ? [] : ['--json'];
  const child = execa(process.execPath, [BIN_PATH, kind, ...args, ...json], {
    env: childEnvironment(options.env),
    extendEnv: false,
    cwd: options.cwd,
    stdin: kind === 'produce' ? 'pipe' : 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    detached: true,
    buffer: false,
    reject: false,
  });
  const forget = child.pid === undefined ? () => undefined : registerProgram(child.pid);
  const handle = new ProgramHandle(kind, {
    pid: child.pid,
    kill: (signal) => void child.kill(signal),
    writeLine: (text) => void child.stdin?.write(`${text}\n`),
    closeInput: () => void child.stdin?.end(),
  });
  // EPIPE when writing to a program that already stopped: the exit reports it.
  child.stdin?.on('error', () => undefined);
  const stdoutDone = new Promise<void>((resolve) => {
    const lines = createInterface({ input: child.stdout!, crlfDelay: Infinity });
    lines.on('line', (line) => {
      const event = parseEvent(line);
      if (event) handle.receive(event);
    });
    lines.on('close', resolve);
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => handle.receiveStderr(text));
  void child.then(async (result) => {
    forget();
    await stdoutDone;
    handle.settle(result.exitCode ?? null, result.signal ?? null);
  });
  return handle;
}
