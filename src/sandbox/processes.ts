/**
 * The broker processes: started detached (the sandbox outlives the command that
 * starts it, by design), remembered in pid files, and ended only when /proc says
 * the pid is still our java process for this sandbox folder.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';

/**
 * True when `pid` runs kafka.Kafka with a config from `sandboxDir` (pids get reused after a crash or reboot).
 *
 * @example
 *   isOurBroker(4242, '/home/ana/.kafka-tutor/sandbox'); // false if 4242 is now a shell
 */
export function isOurBroker(pid: number, sandboxDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes('kafka.Kafka') && cmdline.some((arg) => arg.startsWith(`${sandboxDir}/`));
  } catch {
    return false;
  }
}

/**
 * The folder of a running sandbox broker other than `ownDir`, found in the process
 * table, so that a port clash can name the sandbox holding the port: the one whose
 * state.json lists `port` when several run (moved with KAFKA_TUTOR_SANDBOX_PORT), else the first.
 *
 * @example
 *   findRunningSandbox('/tmp/b/.kafka-tutor/sandbox', 19093); // '/home/ana/course/.kafka-tutor/sandbox'
 */
export function findRunningSandbox(ownDir: string, port?: number): string | undefined {
  const others = runningSandboxDirs().filter((dir) => dir !== ownDir);
  return others.find((dir) => port !== undefined && listsPort(dir, port)) ?? others[0];
}

/** Whether the sandbox in `dir` records `port` among its brokers' ports. */
function listsPort(dir: string, port: number): boolean {
  try {
    const state = JSON.parse(readFileSync(`${dir}/state.json`, 'utf8')) as { brokers?: { sslPort?: number; internalPort?: number; controllerPort?: number }[] };
    return (state.brokers ?? []).some((b) => [b.sslPort, b.internalPort, b.controllerPort].includes(port));
  } catch {
    return false;
  }
}

/** The folders of every running sandbox broker, from the process table. */
function runningSandboxDirs(): string[] {
  const dirs: string[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return dirs;
  }
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args.includes('kafka.Kafka')) continue;
      // Our brokers run with <sandbox>/brokers/<n>/server.properties.
      const properties = args.find((arg) => /\/brokers\/\d+\/server\.properties$/.test(arg));
      const dir = properties?.replace(/\/brokers\/\d+\/server\.properties$/, '');
      if (dir && !dirs.includes(dir)) dirs.push(dir);
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return dirs;
}

/**
 * Starts a detached java process with stdout and stderr appended to `logFile`; returns its pid.
 *
 * @example
 *   const pid = spawnDetached('java', ['-cp', cp, 'kafka.Kafka', props], { logFile, cwd });
 */
export function spawnDetached(command: string, args: string[], options: { logFile: string; cwd: string; env?: NodeJS.ProcessEnv }): number {
  const fd = openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', fd, fd] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

export async function writePidFile(file: string, pid: number): Promise<void> {
  await writeFile(file, `${pid}\n`);
}

export async function readPidFile(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export async function removePidFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** True while a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends SIGTERM to every pid (a clean Kafka shutdown), then SIGKILL to those still alive after `graceMs`.
 * Returns the pids that needed SIGKILL.
 *
 * @example
 *   await terminate([4242, 4243], 15_000);
 */
export async function terminate(pids: number[], graceMs: number): Promise<number[]> {
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(isAlive)) await sleep(100);
  const stubborn = pids.filter(isAlive);
  for (const pid of stubborn) signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5000;
  while (Date.now() < killDeadline && stubborn.some(isAlive)) await sleep(50);
  return stubborn;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone: nothing to end.
  }
}
